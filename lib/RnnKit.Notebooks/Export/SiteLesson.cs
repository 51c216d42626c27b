using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Export;

/// <summary>One lesson of the site: its (executed) notebook and, when its run failed, what went wrong.</summary>
/// <param name="Notebook">The notebook; its <see cref="Notebook.Path"/> names the page.</param>
/// <param name="Problem">Why the lesson did not run cleanly (its first failing cell), shown on the index and, after the
/// edition's "This lesson did not run cleanly: ", on the page; null when it ran cleanly.</param>
public sealed record SiteLesson(Notebook Notebook, string? Problem = null)
{
    private const string ExecutedSuffix = ".executed";

    /// <summary>
    /// The lesson's file stem: "02-the-recurrent-network" for notebooks/02-the-recurrent-network.ipynb and for its
    /// executed copy 02-the-recurrent-network.executed.ipynb.
    /// </summary>
    public string Stem
    {
        get
        {
            var stem = Path.GetFileNameWithoutExtension(Notebook.Path ?? Notebook.Title);
            return stem.EndsWith(ExecutedSuffix, StringComparison.Ordinal) ? stem[..^ExecutedSuffix.Length] : stem;
        }
    }

    /// <summary>The edition the notebook's metadata names (<see cref="SiteLanguage.Of"/>).</summary>
    /// <exception cref="SiteExportException">The name and the metadata disagree, or a language the site has no edition for.</exception>
    public SiteLanguage Language => SiteLanguage.Of(NamedPath, Notebook);

    /// <summary>The lesson's file as its name stands for it: the notebook's path, an executed copy's
    /// (02-x.zh.executed.ipynb) without ".executed", or the title for a notebook without a path.</summary>
    private string NamedPath => Path.Combine(Path.GetDirectoryName(Notebook.Path ?? "") ?? "", Stem + NotebookFiles.Extension);

    /// <summary>
    /// The lesson's id, shared by both editions: the stem without the edition's suffix ("04-the-binary-adder" for
    /// 04-the-binary-adder.ipynb and for its Chinese twin 04-the-binary-adder.zh.ipynb).
    /// </summary>
    public string Id
    {
        get
        {
            var suffix = Language.Suffix;
            return suffix.Length > 0 && Stem.EndsWith(suffix, StringComparison.Ordinal) ? Stem[..^suffix.Length] : Stem;
        }
    }

    /// <summary>The page: "04-the-binary-adder.html", the twin's "04-the-binary-adder.zh.html".</summary>
    public string PageName => Stem + ".html";

    /// <summary>The page of this lesson in <paramref name="language"/>'s edition (it may not exist).</summary>
    public string PageIn(SiteLanguage language) => Id + language.Suffix + ".html";

    public string Title => Notebook.Title;

    /// <summary>The page students may read (<see cref="StudentVersion.ForReading"/>): stubs for solutions, no hidden
    /// tests, no outputs of exercise and test cells.</summary>
    /// <exception cref="SiteExportException">The lesson's exercise markup is wrong.</exception>
    public SiteLesson ForStudents()
    {
        try
        {
            return this with { Notebook = StudentVersion.ForReading(Notebook) };
        }
        catch (ExerciseMarkupException e)
        {
            throw new SiteExportException($"cannot make the student version: {e.Message}", e);
        }
    }
}

/// <summary>What <see cref="SiteExporter"/> wrote.</summary>
/// <param name="Folder">The site's root folder (full path).</param>
/// <param name="Pages">The pages, the editions' indexes first, then each edition's lessons in course order, as paths
/// relative to <paramref name="Folder"/>.</param>
/// <param name="Formulas">Math elements written (each becomes one KaTeX formula in the browser).</param>
/// <param name="Charts">Plotly charts written.</param>
/// <param name="Elapsed">Wall time of the export.</param>
public sealed record SiteReport(string Folder, IReadOnlyList<string> Pages, int Formulas, int Charts, TimeSpan Elapsed)
{
    /// <summary>Distinct Chinese characters on the pages (drawn with the site's own web font).</summary>
    public int CjkCharacters { get; init; }

    /// <summary>The font files those characters needed (<see cref="CjkFontAssets"/>), and their size.</summary>
    public int FontFiles { get; init; }

    public long FontBytes { get; init; }

    /// <summary>Lesson pages written (both editions).</summary>
    public int Lessons { get; init; }

    /// <summary>The editions written, by language code ("en", "zh-Hans"); each has its index.</summary>
    public IReadOnlyList<string> Editions { get; init; } = [];
}
