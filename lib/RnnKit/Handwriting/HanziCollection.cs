using System.Text;

namespace RnnKit.Handwriting;

/// <summary>
/// Characters read from hanzi-writer-data: one <c>X.json</c> per character X, either in a folder (the package
/// unpacked, or the repository's small fixture) or inside the package's npm tarball (<c>package/X.json</c>).
/// </summary>
public sealed class HanziCollection
{
    private readonly Dictionary<string, HanziCharacter> _characters;

    private HanziCollection(Dictionary<string, HanziCharacter> characters, string source)
    {
        _characters = characters;
        Source = source;
    }

    /// <summary>Where the characters were read from.</summary>
    public string Source { get; }

    public int Count => _characters.Count;

    /// <summary>Every character, in ordinal order.</summary>
    public IEnumerable<string> Characters => _characters.Keys.Order(StringComparer.Ordinal);

    public bool Contains(string character) => _characters.ContainsKey(character);

    /// <summary>The character's strokes.</summary>
    /// <exception cref="KeyNotFoundException">The message names the character and the source.</exception>
    public HanziCharacter this[string character] => _characters.TryGetValue(character, out var c) ? c
        : throw new KeyNotFoundException($"'{character}' is not among the {Count} characters of {Source}");

    /// <summary>The dataset's name in the kit's hub (npm's hanzi-writer-data 2.0.1, unpacked).</summary>
    public const string Dataset = "hanzi-strokes";

    /// <summary>
    /// The characters of the kit's <see cref="Dataset"/>, fetched and verified by the hub the first time (13.5 MB
    /// from the npm registry), then read from the per-user cache.
    /// </summary>
    /// <param name="only">When given, read only these characters.</param>
    /// <param name="hub">The hub; the kit's by default.</param>
    /// <param name="progress">Where to draw the download's progress bar, or null.</param>
    public static HanziCollection FromKit(IEnumerable<string>? only = null, Data.DatasetHub? hub = null, TextWriter? progress = null) =>
        Load((hub ?? Data.DatasetHub.ForKit()).Resolve(Dataset, progress), only);

    /// <summary>
    /// Reads a folder of <c>X.json</c> files or an npm tarball (<c>.tgz</c>) holding <c>package/X.json</c>. Only
    /// files whose name (without <c>.json</c>) is one character are read — the package also has package.json.
    /// </summary>
    /// <param name="path">The folder or the tarball.</param>
    /// <param name="only">When given, read only these characters (faster for a tarball of 9,574 files).</param>
    /// <exception cref="FileNotFoundException">Nothing at <paramref name="path"/>.</exception>
    /// <exception cref="HanziFormatException">A character file that is not in the format; the message names it.</exception>
    public static HanziCollection Load(string path, IEnumerable<string>? only = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var wanted = only?.ToHashSet(StringComparer.Ordinal);
        var characters = new Dictionary<string, HanziCharacter>(StringComparer.Ordinal);
        void Add(string name, Func<string> text, string source)
        {
            if (!name.EndsWith(".json", StringComparison.Ordinal)) return;
            var character = name[..^".json".Length];
            if (!IsOneCharacter(character) || (wanted is not null && !wanted.Contains(character))) return;
            characters[character] = HanziCharacter.Parse(character, text(), source);
        }

        if (Directory.Exists(path))
        {
            foreach (var file in Directory.EnumerateFiles(path, "*.json"))
                Add(Path.GetFileName(file), () => File.ReadAllText(file), file);
        }
        else if (File.Exists(path))
        {
            try
            {
                Data.PackageArchive.Read(path, Data.ArchiveKind.NpmTarball,
                    name => name.StartsWith("package/", StringComparison.Ordinal) && name.IndexOf('/', "package/".Length) < 0,
                    (name, stream) => Add(name["package/".Length..], () => ReadAll(stream), $"{path}: {name}"), path);
            }
            catch (Data.DatasetException e)
            {
                throw new HanziFormatException($"{path}: not a gzip-compressed npm tarball: {e.Message}", e);
            }
        }
        else
        {
            throw new FileNotFoundException($"no hanzi-writer-data folder or tarball at {Path.GetFullPath(path)}", path);
        }
        if (wanted is not null && wanted.FirstOrDefault(w => !characters.ContainsKey(w)) is { } missing)
            throw new KeyNotFoundException($"'{missing}' is not in {path} ({characters.Count} of the {wanted.Count} characters asked for were found)");
        return new HanziCollection(characters, path);
    }

    private static string ReadAll(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }

    /// <summary>One Unicode character (a surrogate pair counts as one): 永, not "package".</summary>
    private static bool IsOneCharacter(string s) =>
        s.Length == 1 || (s.Length == 2 && char.IsSurrogatePair(s[0], s[1]));
}
