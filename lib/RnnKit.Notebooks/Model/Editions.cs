using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>
/// A lesson's editions (issue #23): the English lesson <c>NN-words.ipynb</c> and, beside it, its twins
/// <c>NN-words.SUFFIX.ipynb</c> (today <c>.zh.ipynb</c>, Simplified Chinese). A twin's notebook metadata says its
/// language (<c>"rnnkit": {"language": "zh-Hans"}</c>); an English lesson has no such key. The suffix and the metadata
/// must agree: <see cref="LanguageOf(string, Notebook)"/> refuses a notebook where they do not, naming both.
/// </summary>
public static class Editions
{
    /// <summary>The language of a notebook without <c>rnnkit.language</c> (the kit's own tag, which its feedback uses).</summary>
    public const string English = KitSettings.English;

    /// <summary>Simplified Chinese, the language of the <c>.zh.ipynb</c> twins.</summary>
    public const string Chinese = KitSettings.Chinese;

    /// <summary>The metadata key (under <c>"rnnkit"</c>) that names a notebook's language.</summary>
    public const string MetadataKey = "language";

    /// <summary>Each twin's file-name suffix (before .ipynb) and the language it stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Suffixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zh"] = Chinese,
    };

    /// <summary>The language a file name stands for: a twin's suffix, else English.</summary>
    public static string LanguageOfName(string path)
    {
        var suffix = Suffix(path);
        return suffix is null ? English : Suffixes[suffix];
    }

    /// <summary>True for a twin's file name (<c>NN-words.zh.ipynb</c>).</summary>
    public static bool IsTwin(string path) => Suffix(path) is not null;

    /// <summary>The lesson id: the file name without the edition suffix and .ipynb (<c>04-the-binary-adder</c>).</summary>
    public static string LessonId(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return Suffix(path) is { } suffix ? stem[..^(suffix.Length + 1)] : stem;
    }

    /// <summary>The English lesson a notebook is an edition of, in the same folder (itself for an English lesson).</summary>
    public static string EnglishOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", LessonId(path) + NotebookFiles.Extension);

    /// <summary>The twin of an English lesson in <paramref name="language"/>, in the same folder.</summary>
    public static string TwinOf(string path, string language)
    {
        var suffix = Suffixes.FirstOrDefault(s => s.Value == language).Key
                     ?? throw new ArgumentException($"no edition has the language '{language}' (known: {string.Join(", ", Suffixes.Values)})", nameof(language));
        return Path.Combine(Path.GetDirectoryName(path) ?? "", $"{LessonId(path)}.{suffix}{NotebookFiles.Extension}");
    }

    /// <summary>The language the metadata names (<c>rnnkit.language</c>), or English when it names none.</summary>
    /// <exception cref="NotebookInputException">The key is there but is not a known language.</exception>
    public static string LanguageOf(Notebook notebook)
    {
        var where = notebook.Path ?? "notebook";
        var node = notebook.Metadata["rnnkit"] is JsonObject rnnkit ? rnnkit[MetadataKey] : null;
        if (node is null) return English;
        var language = node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
        if (language != English && !Suffixes.Values.Contains(language))
            throw new NotebookInputException($"{where}: metadata rnnkit.{MetadataKey} is {node.ToJsonString()}; known languages: " +
                                             string.Join(", ", Suffixes.Values.Prepend(English).Select(l => $"\"{l}\"")));
        return language!;
    }

    /// <summary>The language the metadata names, or English when it names none or one the kit does not know (for
    /// choosing the language of feedback, where a wrong key must not stop a run; the tools that read a lesson refuse it
    /// with <see cref="LanguageOf(string, Notebook)"/>).</summary>
    public static string LanguageOrEnglish(Notebook notebook)
    {
        try
        {
            return LanguageOf(notebook);
        }
        catch (NotebookInputException)
        {
            return English;
        }
    }

    /// <summary>The language of a lesson read from <paramref name="path"/>: its metadata, which must agree with its file
    /// name (a <c>.zh.ipynb</c> twin says <c>zh-Hans</c>; a lesson without a suffix says nothing, or <c>en</c>).</summary>
    /// <exception cref="NotebookInputException">The name and the metadata disagree, or the metadata names no known language.</exception>
    public static string LanguageOf(string path, Notebook notebook)
    {
        var byMetadata = LanguageOf(notebook);
        var byName = LanguageOfName(path);
        if (byMetadata != byName)
            throw new NotebookInputException(byName == English
                ? $"{path}: its metadata says rnnkit.{MetadataKey} = \"{byMetadata}\", but its file name has no edition suffix (an English lesson); " +
                  $"name the twin {Path.GetFileName(TwinOf(path, byMetadata))}, or remove the key"
                : $"{path}: its file name says a {byName} twin, but its metadata " +
                  (byMetadata == English ? $"has no rnnkit.{MetadataKey}" : $"says rnnkit.{MetadataKey} = \"{byMetadata}\"") +
                  $"; a twin's metadata needs \"rnnkit\": {{\"{MetadataKey}\": \"{byName}\"}} (tools/notebooks/nbtext.py to-notebook writes it)");
        return byMetadata;
    }

    private static string? Suffix(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var dot = stem.LastIndexOf('.');
        if (dot <= 0) return null;
        var suffix = stem[(dot + 1)..];
        return Suffixes.ContainsKey(suffix) ? suffix : null;
    }
}
