using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Model;

/// <summary>
/// Malformed notebooks are named errors, never crashes: every field of a real lesson with exercises (and of an
/// executed notebook's outputs) deleted or replaced by a value of each other JSON type must either still read or
/// fail with a <see cref="NotebookInputException"/> naming the file — through reading and the student version.
/// </summary>
public class NotebookFuzzTests
{
    private static readonly JsonNode?[] WrongValues = [null, 7, -1.5, "text", true, new JsonArray(1, "x"), new JsonObject { ["k"] = 1 }];

    public static TheoryData<string> Sources => new(
        Repo.PathOf("notebooks", "04-the-binary-adder.ipynb"),
        Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "course", "01-first.ipynb"));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_field_deleted_or_of_a_wrong_type_is_a_named_error_or_still_reads(string path)
    {
        var original = JsonNode.Parse(File.ReadAllText(path))!;
        var mutations = 0;
        foreach (var location in Locations(original))
        foreach (var value in WrongValues.Prepend(Deleted))
        {
            var copy = original.DeepClone();
            if (!Mutate(copy, location, value)) continue;
            mutations++;
            try
            {
                var notebook = Notebook.Parse(copy.ToJsonString(), "fuzzed.ipynb");
                StudentVersion.Create(notebook);
            }
            catch (NotebookInputException e)
            {
                Assert.Contains("fuzzed.ipynb", e.Message);
            }
        }
        Assert.True(mutations > 200, $"only {mutations} mutations");
    }

    [Fact]
    public void A_transient_display_id_that_is_no_string_is_named()
    {
        const string json = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "1", "metadata": {},
             "outputs": [{"output_type": "display_data", "data": {"text/plain": "1"}, "metadata": {}, "transient": {"display_id": 7}}]}]}
            """;
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "odd.ipynb"));
        Assert.Contains("odd.ipynb: cell 1: output 1: field 'transient.display_id'", e.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_not_replaced()
    {
        var path = Path.Combine(Repo.TempFolder(), "latin1.ipynb");
        var bytes = Encoding.UTF8.GetBytes("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "markdown", "source": "caf#", "metadata": {}}]}""");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.Contains("not UTF-8", e.Message);
    }

    private static readonly JsonNode Deleted = JsonValue.Create("<deleted>")!;

    /// <summary>Every place in the document: a property of an object or an item of a list, as a path of keys.</summary>
    private static IEnumerable<object[]> Locations(JsonNode node, object[]? at = null)
    {
        at ??= [];
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    object[] here = [.. at, key];
                    yield return here;
                    if (value is not null) foreach (var inner in Locations(value, here)) yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < Math.Min(a.Count, 3); i++)
                {
                    object[] here = [.. at, i];
                    yield return here;
                    if (a[i] is { } value) foreach (var inner in Locations(value, here)) yield return inner;
                }
                break;
        }
    }

    private static bool Mutate(JsonNode root, object[] location, JsonNode? value)
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
