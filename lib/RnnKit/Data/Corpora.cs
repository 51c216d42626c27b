namespace RnnKit.Data;

/// <summary>The text corpora of the lessons, each one call away.</summary>
public static class Corpora
{
    /// <summary>The 300 Tang poems (dataset "tang300", from Debian's fortunes-zh).</summary>
    public static IReadOnlyList<Poem> TangPoems(DatasetHub? hub = null) => Poems("tang300", hub);

    /// <summary>The Song-dynasty poems (dataset "song100", from Debian's fortunes-zh).</summary>
    public static IReadOnlyList<Poem> SongPoems(DatasetHub? hub = null) => Poems("song100", hub);

    /// <summary>The 300 Song lyrics (宋词三百首; dataset "songci300", from npm's chinese-poetry): title = the tune (词牌).</summary>
    public static IReadOnlyList<Poem> SongLyrics(DatasetHub? hub = null)
    {
        hub ??= DatasetHub.ForKit();
        return ChinesePoetryJson.ParseFile(hub.Resolve("songci300"));
    }

    /// <summary>A poem collection in the fortune format, resolved by the hub (the kit's by default).</summary>
    public static IReadOnlyList<Poem> Poems(string dataset, DatasetHub? hub = null)
    {
        hub ??= DatasetHub.ForKit();
        return FortuneParser.ParseFile(hub.Resolve(dataset));
    }

    /// <summary>A plain UTF-8 text file with line ends normalised to '\n'.</summary>
    /// <exception cref="FileNotFoundException">The message names the path.</exception>
    public static string PlainText(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"text corpus {Path.GetFullPath(path)} does not exist", path);
        return File.ReadAllText(path).Replace("\r\n", "\n");
    }

    /// <summary>
    /// The kit's own C# sources, <c>lib/**/*.cs</c> (build output under bin/ and obj/ excluded), in ordinal order
    /// of their paths, each preceded by a line <c>// FILE: lib/…</c>: a corpus of code for a character model.
    /// </summary>
    /// <param name="root">The checkout; by default the one found by <see cref="KitFolders.Root"/>.</param>
    public static string KitSources(string? root = null)
    {
        root ??= KitFolders.Root();
        var lib = Path.Combine(root, "lib");
        if (!Directory.Exists(lib))
            throw new DirectoryNotFoundException($"{lib} does not exist; pass the RnnKit checkout as root");
        var files = Directory.EnumerateFiles(lib, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj"))
            .OrderBy(f => f, StringComparer.Ordinal);
        var text = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            text.Append("// FILE: ").Append(file).Append('\n');
            text.Append(File.ReadAllText(Path.Combine(root, file)).Replace("\r\n", "\n"));
            if (text[^1] != '\n')
                text.Append('\n');
        }
        return text.ToString();
    }
}
