namespace RnnKit.Notebooks.Export;

/// <summary>How the course site is written. Defaults suit the kit's own course.</summary>
public sealed record SiteOptions
{
    /// <summary>The course title, shown in every page's header and as the index heading when there is no syllabus.</summary>
    public string Title { get; init; } = "RnnKit: recurrent neural networks in C#";

    /// <summary>A Markdown file rendered at the top of the index (the course's notebooks/README.md); null for none.</summary>
    public string? SyllabusPath { get; init; }

    /// <summary>Where KaTeX comes from (npm registry through the local cache).</summary>
    public AssetSource Assets { get; init; } = AssetSource.Default;
}
