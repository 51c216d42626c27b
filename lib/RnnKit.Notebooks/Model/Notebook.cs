using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>
/// A Jupyter notebook (nbformat 4) in memory. Read with <see cref="Load"/> or <see cref="Parse"/>, written as
/// nbformat 4.5 with cell ids, sorted keys and one-space indent, as Jupyter itself writes, so a lesson that is read
/// and written back unchanged keeps its bytes. Metadata we do not interpret is kept as read.
/// </summary>
public sealed class Notebook
{
    public const int FormatMajor = 4;
    public const int FormatMinor = 5;

    public Notebook(JsonObject? metadata = null) => Metadata = metadata ?? Polyglot.NotebookMetadata();

    public JsonObject Metadata { get; set; }

    public List<Cell> Cells { get; } = [];

    /// <summary>Where it was read from (for messages); null for a notebook built in memory.</summary>
    public string? Path { get; set; }

    public IEnumerable<Cell> CodeCells => Cells.Where(c => c.Type == CellType.Code);

    /// <summary>The title: the first Markdown heading, else the file name.</summary>
    public string Title
    {
        get
        {
            foreach (var cell in Cells.Where(c => c.Type == CellType.Markdown))
                foreach (var line in cell.Source.Split('\n'))
                    if (line.StartsWith('#'))
                        return line.TrimStart('#').Trim();
            return Path is null ? "Untitled" : System.IO.Path.GetFileNameWithoutExtension(Path);
        }
    }

    /// <summary>UTF-8 that refuses invalid bytes instead of turning them into U+FFFD.</summary>
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new NotebookFormatException($"{path}: not UTF-8 text (byte {e.Index} cannot be decoded); .ipynb files are UTF-8", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"{path}: cannot read the notebook: {e.Message}", e);
        }
        var nb = Parse(text, path);
        nb.Path = path;
        return nb;
    }

    /// <param name="json">The .ipynb text.</param>
    /// <param name="source">A name for messages, usually the file path.</param>
    public static Notebook Parse(string json, string source = "notebook") => NotebookReader.Read(json, source);

    public Notebook Clone()
    {
        var copy = new Notebook((JsonObject)Metadata.DeepClone()) { Path = Path };
        copy.Cells.AddRange(Cells.Select(c => c.Clone()));
        return copy;
    }

    public string ToJson() => NotebookWriter.Write(this);

    /// <summary>Writes the notebook, creating the folder if needed.</summary>
    public void Save(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllText(path, ToJson());
    }

    internal static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
