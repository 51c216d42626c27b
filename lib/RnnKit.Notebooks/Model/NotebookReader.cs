using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>Parses .ipynb JSON into a <see cref="Notebook"/>, naming the file, cell and field of every problem.</summary>
internal static class NotebookReader
{
    public static Notebook Read(string json, string source)
    {
        try
        {
            return ReadChecked(json, source);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            // A field of a type the reader did not expect where it looked deeper: still this file's problem, named.
            throw new NotebookFormatException($"{source}: a field has the wrong type: {e.Message}", e);
        }
    }

    private static Notebook ReadChecked(string json, string source)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", e);
        }
        if (root is not JsonObject obj)
            throw new NotebookFormatException($"{source}: a notebook must be a JSON object");

        var major = obj["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m
            : throw new NotebookFormatException($"{source}: field 'nbformat' is missing or not an integer");
        if (major != Notebook.FormatMajor)
            throw new NotebookFormatException($"{source}: nbformat {major} is not supported (only nbformat 4)");

        var metadata = obj["metadata"] switch
        {
            null => new JsonObject(),
            JsonObject o => (JsonObject)o.DeepClone(),
            _ => throw new NotebookFormatException($"{source}: field 'metadata' must be an object"),
        };
        if (obj["cells"] is not JsonArray cells)
            throw new NotebookFormatException($"{source}: field 'cells' is missing or not a list");

        var nb = new Notebook(metadata);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = ReadCell(cells[i], $"{source}: cell {i + 1}");
            if (!ids.Add(cell.Id))
                cell.Id = Cell.NewId();
            nb.Cells.Add(cell);
        }
        return nb;
    }

    private static Cell ReadCell(JsonNode? node, string where)
    {
        if (node is not JsonObject obj)
            throw new NotebookFormatException($"{where}: a cell must be an object");
        var type = Text(obj["cell_type"], $"{where}: field 'cell_type'") switch
        {
            "code" => CellType.Code,
            "markdown" => CellType.Markdown,
            "raw" => CellType.Raw,
            var other => throw new NotebookFormatException($"{where}: unknown cell_type '{other}' (code, markdown or raw)"),
        };
        var source = MultilineText(obj["source"], $"{where}: field 'source'");
        var metadata = obj["metadata"] as JsonObject;
        if (metadata is not null) CheckCellMetadata(metadata, where);
        var id = obj["id"]?.GetValueKind() == JsonValueKind.String ? obj["id"]!.GetValue<string>() : null;
        var cell = new Cell(type, source, id, metadata is null ? [] : (JsonObject)metadata.DeepClone())
        {
            Attachments = (JsonObject?)(obj["attachments"] as JsonObject)?.DeepClone(),
        };
        if (type != CellType.Code) return cell;

        if (obj["execution_count"] is JsonValue count && count.TryGetValue<int>(out var n))
            cell.ExecutionCount = n;
        if (obj["outputs"] is JsonArray outputs)
            for (var k = 0; k < outputs.Count; k++)
                cell.Outputs.Add(ReadOutput(outputs[k], $"{where}: output {k + 1}"));
        return cell;
    }

    private static Output ReadOutput(JsonNode? node, string where)
    {
        if (node is not JsonObject obj)
            throw new NotebookFormatException($"{where}: an output must be an object");
        var type = Text(obj["output_type"], $"{where}: field 'output_type'");
        switch (type)
        {
            case "stream":
                return new StreamOutput(Text(obj["name"], $"{where}: field 'name'"), MultilineText(obj["text"], $"{where}: field 'text'"));
            case "display_data":
            case "execute_result":
                var data = new Dictionary<string, string>(StringComparer.Ordinal);
                if (obj["data"] is JsonObject d)
                    foreach (var (mime, value) in d)
                        data[mime] = value is JsonObject || (value is JsonArray && IsJsonMime(mime))
                            ? value.ToJsonString()
                            : MultilineText(value, $"{where}: data '{mime}'");
                int? count = type == "execute_result"
                    ? (obj["execution_count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : 0)
                    : null;
                var displayId = obj["transient"] switch
                {
                    null => null,
                    JsonObject t => OptionalText(t["display_id"], $"{where}: field 'transient.display_id'"),
                    _ => throw new NotebookFormatException($"{where}: field 'transient' must be an object"),
                };
                return new DisplayOutput(data, count, displayId) { Metadata = (JsonObject?)(obj["metadata"] as JsonObject)?.DeepClone() };
            case "error":
                var traceback = obj["traceback"] is JsonArray tb ? tb.Select(t => t?.ToString() ?? "").ToArray() : [];
                return new ErrorOutput(obj["ename"]?.ToString() ?? "", obj["evalue"]?.ToString() ?? "", traceback);
            default:
                throw new NotebookFormatException($"{where}: unknown output_type '{type}'");
        }
    }

    /// <summary>The cell metadata the kit reads (<see cref="Cell.Language"/>, a raw cell's format) must have its
    /// nbformat/Polyglot types; other metadata is kept as read, whatever it holds.</summary>
    private static void CheckCellMetadata(JsonObject metadata, string where)
    {
        foreach (var (section, field) in new[] { ("polyglot_notebook", "kernelName"), ("dotnet_interactive", "language") })
            switch (metadata[section])
            {
                case null:
                    break;
                case JsonObject o:
                    OptionalText(o[field], $"{where}: field 'metadata.{section}.{field}'");
                    break;
                default:
                    throw new NotebookFormatException($"{where}: field 'metadata.{section}' must be an object");
            }
        OptionalText(metadata["format"], $"{where}: field 'metadata.format'");
    }

    internal static bool IsJsonMime(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static string Text(JsonNode? node, string what) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw new NotebookFormatException($"{what} is missing or not a string");

    private static string? OptionalText(JsonNode? node, string what) => node is null ? null : Text(node, what);

    /// <summary>nbformat's multiline string: a string, or a list of strings to concatenate.</summary>
    private static string MultilineText(JsonNode? node, string what) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonArray a when a.All(x => x?.GetValueKind() == JsonValueKind.String) => string.Concat(a.Select(x => x!.GetValue<string>())),
        _ => throw new NotebookFormatException($"{what} must be a string or a list of strings"),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }
}
