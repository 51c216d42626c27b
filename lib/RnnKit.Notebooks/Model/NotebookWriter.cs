using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>Writes nbformat 4.5 JSON the way Jupyter does: sorted keys, one-space indent, sources as line lists.</summary>
internal static class NotebookWriter
{
    public static string Write(Notebook nb)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(nb.Cells.Select(CellNode).ToArray<JsonNode?>()),
            ["metadata"] = nb.Metadata.DeepClone(),
            ["nbformat"] = Notebook.FormatMajor,
            ["nbformat_minor"] = Notebook.FormatMinor,
        };
        return Sorted(root)!.ToJsonString(Notebook.WriteOptions) + "\n";
    }

    private static JsonObject CellNode(Cell cell)
    {
        var node = new JsonObject
        {
            ["cell_type"] = cell.Type switch { CellType.Code => "code", CellType.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.Attachments is not null && cell.Type != CellType.Code)
            node["attachments"] = cell.Attachments.DeepClone();
        if (cell.Type == CellType.Code)
        {
            node["execution_count"] = cell.ExecutionCount;
            node["outputs"] = new JsonArray(cell.Outputs.Select(OutputNode).ToArray<JsonNode?>());
        }
        return node;
    }

    private static JsonObject OutputNode(Output output)
    {
        var node = new JsonObject { ["output_type"] = output.OutputType };
        switch (output)
        {
            case StreamOutput s:
                node["name"] = s.Name;
                node["text"] = Lines(s.Text);
                break;
            case DisplayOutput d:
                var data = new JsonObject();
                foreach (var (mime, value) in d.Data)
                    data[mime] = NotebookReader.IsJsonMime(mime) ? ParseOrString(value) : Lines(value);
                node["data"] = data;
                node["metadata"] = d.Metadata?.DeepClone() ?? new JsonObject();
                if (d.IsResult) node["execution_count"] = d.ExecutionCount;
                if (d.DisplayId is not null) node["transient"] = new JsonObject { ["display_id"] = d.DisplayId };
                break;
            case ErrorOutput e:
                node["ename"] = e.Name;
                node["evalue"] = e.Value;
                node["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
                break;
        }
        return node;
    }

    private static JsonNode? ParseOrString(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }

    /// <summary>nbformat's multiline string as a list of lines, each keeping its '\n'.</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    /// <summary>A copy of <paramref name="node"/> with every object's keys in ordinal order (as Python's sort_keys).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => KeyValuePair.Create(kv.Key, Sorted(kv.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
