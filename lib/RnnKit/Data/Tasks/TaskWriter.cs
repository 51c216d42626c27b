using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>
/// Writes every generated task as a JSON Lines file (one example per line, UTF-8, '\n' line ends) and a
/// <c>MANIFEST.json</c> with their sizes and SHA-256s. With the default options of each task the files are the
/// same bytes on every machine and every run (see <see cref="SeededRandom"/>).
/// </summary>
public static class TaskWriter
{
    /// <summary>Recorded in MANIFEST.json: what wrote the files.</summary>
    public const string Generator = "rnnkit datasets generate";

    /// <summary>
    /// Recorded in MANIFEST.json. Each task has its own seed (its options' Seed: 101, 102, …) so that changing one
    /// task leaves the others' files unchanged; this is their common base.
    /// </summary>
    public const int BaseSeed = 100;

    /// <summary>One task: its name, file, one-line description and how to make its examples.</summary>
    public sealed record TaskDefinition(string Name, string Description, Func<IEnumerable<IJsonLine>> Examples)
    {
        public string File => Name + ".jsonl";
    }

    /// <summary>Every task, in the order of the manifest.</summary>
    public static IReadOnlyList<TaskDefinition> Tasks { get; } =
    [
        new("binary-addition", "a + b bit by bit, least significant first, sum bits 2 steps later (N:N)",
            () => BinaryAddition.Generate()),
        new("copy", "copy problem: remember 8 symbols across 30 blank steps (long dependency, N:N)",
            () => CopyProblem.Generate()),
        new("adding", "adding problem: sum of the two marked values of 40 (long dependency, N:1)",
            () => AddingProblem.Generate()),
        new("parity", "running parity of 16 bits (N:N and N:1)",
            () => Parity.Generate()),
        new("dates", "human-readable dates in 12 formats → ISO yyyy-MM-dd (seq2seq)",
            () => Dates.Generate()),
        new("toy-tagging", "toy-language sentences with part-of-speech and entity tags; some need right context (N:N)",
            () => ToyLanguage.Generate()),
        new("sentiment", "short review sentences with negation and 'but', labelled 1 positive / 0 negative (N:1)",
            () => Sentiment.Generate()),
        new("pen-strokes", "handwritten capital letters as (x, y, pen-down) sequences (generation, N:1)",
            () => PenStrokes.Generate()),
        new("shapes", "8×8 shape images with captions (1:N)",
            () => ShapeImages.Generate()),
        new("mackey-glass", "Mackey–Glass chaotic series, τ = 17, RK4 with h = 0.1, sampled every 1: 4 × 2000 values (prediction)",
            () => MackeyGlass.Generate()),
    ];

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes all task files and MANIFEST.json into <paramref name="folder"/>; returns the manifest.</summary>
    public static GeneratedManifest WriteAll(string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<GeneratedFile>();
        foreach (var task in Tasks)
        {
            var (bytes, count) = JsonLines(task.Examples());
            File.WriteAllBytes(Path.Combine(folder, task.File), bytes);
            files.Add(new GeneratedFile(task.Name, task.File, task.Description, count, bytes.Length, Hashing.Sha256Of(bytes)));
        }
        var manifest = new GeneratedManifest(Generator, BaseSeed, files);
        var json = JsonSerializer.Serialize(manifest, GeneratedManifest.Json) + "\n";
        File.WriteAllBytes(Path.Combine(folder, GeneratedManifest.FileName), new UTF8Encoding(false).GetBytes(json));
        return manifest;
    }

    /// <summary>The examples as JSON Lines bytes, and how many there were.</summary>
    public static (byte[] Bytes, int Count) JsonLines(IEnumerable<IJsonLine> examples)
    {
        using var buffer = new MemoryStream();
        var count = 0;
        foreach (var example in examples)
        {
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                json.WriteStartObject();
                example.WriteTo(json);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            count++;
        }
        return (buffer.ToArray(), count);
    }
}
