using System.Globalization;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Tests.Model;

/// <summary>One change to a notebook's JSON: a field or list item deleted, or replaced by a value of another type.</summary>
/// <param name="Location">The path of keys (strings) and list indices (ints) from the document's root.</param>
/// <param name="Value">The replacement, or <see cref="NotebookMutations.Deleted"/>.</param>
public sealed record NotebookMutation(object[] Location, JsonNode? Value)
{
    /// <summary>The mutated copy of <paramref name="original"/>, or null when this location does not exist in it.</summary>
    public JsonNode? ApplyTo(JsonNode original)
    {
        var copy = original.DeepClone();
        return NotebookMutations.Mutate(copy, Location, Value) ? copy : null;
    }

    /// <summary>"cells[4].source deleted", "metadata.kernelspec.name = 7", for a failing test's message.</summary>
    public override string ToString()
    {
        var path = string.Concat(Location.Select((step, i) => step is int n
            ? "[" + n.ToString(CultureInfo.InvariantCulture) + "]"
            : (i == 0 ? "" : ".") + step));
        return ReferenceEquals(Value, NotebookMutations.Deleted) ? $"{path} deleted" : $"{path} = {Value?.ToJsonString() ?? "null"}";
    }
}

/// <summary>
/// Malformed variants of a real notebook, for fuzz-style tests: every field and the first three items of every list
/// (optionally every cell) deleted or replaced by a value of each other JSON type. Shared by the model's tests
/// (every mutation) and the verbs' (run, export, student, grade: a fixed-seed sample over every cell).
/// </summary>
public static class NotebookMutations
{
    /// <summary>The marker of a deletion (compared by reference).</summary>
    public static readonly JsonNode Deleted = JsonValue.Create("<deleted>")!;

    /// <summary>One value of each JSON type, each wrong somewhere.</summary>
    public static readonly JsonNode?[] WrongValues = [null, 7, -1.5, "text", true, new JsonArray(1, "x"), new JsonObject { ["k"] = 1 }];

    /// <summary>Every mutation of <paramref name="document"/>, in document order.</summary>
    /// <param name="document">A notebook's JSON.</param>
    /// <param name="everyCell">Every cell rather than the first three (a lesson's exercises sit deep in it).</param>
    public static IEnumerable<NotebookMutation> All(JsonNode document, bool everyCell = false) =>
        from location in Locations(document, everyCell)
        from value in WrongValues.Prepend(Deleted)
        select new NotebookMutation(location, value);

    /// <summary><paramref name="count"/> mutations drawn without repetition by a seeded shuffle (the same every run).</summary>
    public static IReadOnlyList<NotebookMutation> Sample(JsonNode document, int count, int seed)
    {
        var all = All(document, everyCell: true).ToArray();
        new Random(seed).Shuffle(all);
        return all.Take(count).ToList();
    }

    /// <summary>Every place in the document: a property of an object or an item of a list, as a path of keys.</summary>
    public static IEnumerable<object[]> Locations(JsonNode node, bool everyCell, object[]? at = null)
    {
        at ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    object[] here = [.. at, key];
                    yield return here;
                    if (value is not null) foreach (var inner in Locations(value, everyCell, here)) yield return inner;
                }
                break;
            case JsonArray a:
                var items = everyCell && at is ["cells"] ? a.Count : Math.Min(a.Count, 3);
                for (var i = 0; i < items; i++)
                {
                    object[] here = [.. at, i];
                    yield return here;
                    if (a[i] is { } value) foreach (var inner in Locations(value, everyCell, here)) yield return inner;
                }
                break;
        }
    }

    internal static bool Mutate(JsonNode root, object[] location, JsonNode? value)
    {
        var parent = root;
        foreach (var step in location[..^1])
            parent = step is string key ? parent[key]! : parent[(int)step]!;
        var last = location[^1];
        var replacement = value?.DeepClone();
        switch (parent, last)
        {
            case (JsonObject o, string key) when ReferenceEquals(value, Deleted): return o.Remove(key);
            case (JsonObject o, string key): o[key] = replacement; return true;
            case (JsonArray a, int i) when ReferenceEquals(value, Deleted): a.RemoveAt(i); return true;
            case (JsonArray a, int i): a[i] = replacement; return true;
            default: return false;
        }
    }
}
