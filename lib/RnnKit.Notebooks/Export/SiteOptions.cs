namespace RnnKit.Notebooks.Export;

/// <summary>How the course site is written. Defaults suit the kit's own course.</summary>
public sealed record SiteOptions
{
    /// <summary>The course title, shown in every page's header and as the index heading when there is no syllabus.</summary>
    public string Title { get; init; } = "RnnKit: recurrent neural networks in C#";

    /// <summary>The course title on the Chinese edition's pages.</summary>
    public string ChineseTitle { get; init; } = "RnnKit：用 C# 学循环神经网络";

    /// <summary>A Markdown file rendered at the top of the index (the course's notebooks/README.md); null for none.</summary>
    public string? SyllabusPath { get; init; }

    /// <summary>The Chinese edition's syllabus (notebooks/README.zh.md) at the top of index.zh.html; null for a plain heading.</summary>
    public string? ChineseSyllabusPath { get; init; }

    /// <summary>Where KaTeX comes from (npm registry through the local cache).</summary>
    public AssetSource Assets { get; init; } = AssetSource.Default;

    /// <summary>The course title of an edition's pages.</summary>
    public string TitleIn(SiteLanguage language) => language == SiteLanguage.Chinese ? ChineseTitle : Title;
}
