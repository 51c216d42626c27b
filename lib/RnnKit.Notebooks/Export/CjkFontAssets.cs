using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RnnKit.Notebooks.Export;

/// <summary>
/// A Chinese web font for the site, so 循环神经网络 reads as characters, not boxes, on a machine without CJK fonts
/// (a Debian machine has none by default): Noto Sans SC from the npm package <c>@fontsource/noto-sans-sc</c>
/// (SIL Open Font License 1.1), pinned. The package splits the font into about a hundred files by
/// <c>unicode-range</c>; the site gets only the files holding characters its pages use, and a stylesheet with just
/// their <c>@font-face</c> rules.
/// </summary>
public static partial class CjkFontAssets
{
    /// <summary>The regular weight's files, its stylesheet and the licence: all the site takes from 73 MB.</summary>
    public static NpmPackage Package { get; } = new("@fontsource/noto-sans-sc", "5.3.0",
        "sha512-HeqIlGm0+ohOKxZLuHj1qW6r6avHH0OWdKERAcSDI0RQ+MXrteuLKA+M+5eOA8rYy0MFvOR5AT0fQo2rUkye0Q==",
        Keep: path => path is "400.css" or "LICENSE" || (path.StartsWith("files/", StringComparison.Ordinal) && path.EndsWith("-400-normal.woff2", StringComparison.Ordinal)));

    /// <summary>The family name the stylesheets use.</summary>
    public const string Family = "Noto Sans SC";

    /// <summary>The site folder of the font, relative to the site root.</summary>
    public const string SiteFolder = "assets/noto-sans-sc";

    public const string Stylesheet = SiteFolder + "/noto-sans-sc.css";

    /// <summary>
    /// Whether <paramref name="code"/> is a character the site's Latin fonts do not draw and the Chinese font must:
    /// CJK radicals, punctuation (、。「」), ideographs and compatibility forms, fullwidth forms (，：), and the
    /// supplementary ideographic planes.
    /// </summary>
    public static bool IsCjk(int code) =>
        code is >= 0x2E80 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFFEF
            or >= 0x20000 and <= 0x3FFFF;

    /// <summary>The distinct CJK characters in <paramref name="text"/>.</summary>
    public static IEnumerable<int> CjkCharacters(string text) =>
        text.EnumerateRunes().Select(r => r.Value).Where(IsCjk).Distinct();

    /// <summary>
    /// Copies the font files covering <paramref name="used"/> and a stylesheet of their rules into
    /// <paramref name="siteRoot"/>/assets/noto-sans-sc, with the licence.
    /// </summary>
    /// <returns>The files copied and their total size in bytes.</returns>
    /// <exception cref="SiteExportException">The package cannot be had, or its stylesheet is not in the expected form.</exception>
    public static async Task<(int Files, long Bytes)> CopyToAsync(string siteRoot, AssetSource source, IReadOnlySet<int> used,
        CancellationToken cancel = default)
    {
        var package = await Package.EnsureExtractedAsync(source, cancel);
        var faces = Parse(await File.ReadAllTextAsync(Path.Combine(package, "400.css"), cancel), Package.Id);
        var needed = faces.Where(face => used.Any(face.Covers)).ToList();

        var target = Path.Combine(siteRoot, SiteFolder);
        Directory.CreateDirectory(Path.Combine(target, "files"));
        var css = new StringBuilder()
            .Append("/* ").Append(Family).Append(" (").Append(Package.Name).Append(' ').Append(Package.Version)
            .Append(", SIL Open Font License 1.1, see LICENSE): the ").Append(needed.Count).Append(" of ")
            .Append(faces.Count).Append(" subsets this site's pages use. Written by rnnkit export. */\n");
        long bytes = 0;
        foreach (var face in needed)
        {
            var from = Path.Combine(package, "files", face.File);
            if (!File.Exists(from))
                throw new SiteExportException($"{Package.Id}: its stylesheet names files/{face.File}, which the package does not have");
            File.Copy(from, Path.Combine(target, "files", face.File), overwrite: true);
            bytes += new FileInfo(from).Length;
            css.Append("@font-face {\n  font-family: '").Append(Family).Append("';\n  font-style: normal;\n  font-display: block;\n")
                .Append("  font-weight: 400;\n  src: url(files/").Append(face.File).Append(") format('woff2');\n")
                .Append("  unicode-range: ").Append(face.Range).Append(";\n}\n");
        }
        await File.WriteAllTextAsync(Path.Combine(target, "noto-sans-sc.css"), css.ToString(), cancel);
        File.Copy(Path.Combine(package, "LICENSE"), Path.Combine(target, "LICENSE"), overwrite: true);
        return (needed.Count, bytes);
    }

    /// <summary>One <c>@font-face</c> of the package: its woff2 file and the code points it covers.</summary>
    internal sealed record Face(string File, string Range, IReadOnlyList<(int First, int Last)> Spans)
    {
        public bool Covers(int code) => Spans.Any(s => code >= s.First && code <= s.Last);
    }

    /// <summary>The faces of a fontsource stylesheet: each rule's woff2 file and its <c>unicode-range</c>.</summary>
    internal static List<Face> Parse(string css, string source)
    {
        var faces = new List<Face>();
        foreach (Match rule in FontFace().Matches(css))
        {
            var body = rule.Groups["body"].Value;
            var file = Woff2().Match(body);
            var range = UnicodeRange().Match(body);
            if (!file.Success || !range.Success)
                throw new SiteExportException($"{source}: an @font-face rule without a woff2 file or a unicode-range: {body.Trim()[..Math.Min(120, body.Trim().Length)]}");
            var text = range.Groups["range"].Value.Trim();
            faces.Add(new Face(file.Groups["file"].Value, text, [.. text.Split(',').Select(part => Span(part.Trim(), source))]));
        }
        if (faces.Count == 0) throw new SiteExportException($"{source}: its stylesheet has no @font-face rules");
        return faces;
    }

    /// <summary>"U+4e00-4e2f" or "U+3002" as a closed range of code points.</summary>
    private static (int, int) Span(string part, string source)
    {
        if (!part.StartsWith("U+", StringComparison.OrdinalIgnoreCase))
            throw new SiteExportException($"{source}: '{part}' is not a unicode-range entry");
        var bounds = part[2..].Split('-');
        int Hex(string digits) => int.TryParse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value
            : throw new SiteExportException($"{source}: '{part}' is not a unicode-range entry");
        var first = Hex(bounds[0]);
        return (first, bounds.Length > 1 ? Hex(bounds[1]) : first);
    }

    [GeneratedRegex(@"@font-face\s*\{(?<body>[^}]*)\}")]
    private static partial Regex FontFace();

    [GeneratedRegex(@"url\(\./files/(?<file>[A-Za-z0-9._-]+\.woff2)\)")]
    private static partial Regex Woff2();

    [GeneratedRegex(@"unicode-range:(?<range>[^;]+);")]
    private static partial Regex UnicodeRange();
}
