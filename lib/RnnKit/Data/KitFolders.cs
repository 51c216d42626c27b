namespace RnnKit.Data;

/// <summary>Finds the kit's checkout (the folder holding <c>RnnKit.slnx</c>) from wherever code runs.</summary>
public static class KitFolders
{
    /// <summary>Overrides the datasets folder (manifests, generated files and cache), e.g. for a read-only checkout.</summary>
    public const string DatasetsVariable = "RNNKIT_DATASETS";

    private const string SolutionFile = "RnnKit.slnx";

    /// <summary>
    /// The repository root: the nearest folder above the current directory (a lesson runs in notebooks/) or above
    /// the running program (the CLI runs from lib/RnnKit.Cli/bin/…) that holds RnnKit.slnx.
    /// </summary>
    /// <exception cref="DatasetException">Neither place is inside a checkout.</exception>
    public static string Root()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
        throw new DatasetException($"cannot find the RnnKit checkout ({SolutionFile}) above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}; run from inside it or set {DatasetsVariable}");
    }

    /// <summary><c>$RNNKIT_DATASETS</c> if set, else <c>ROOT/datasets</c>.</summary>
    public static string Datasets() =>
        Environment.GetEnvironmentVariable(DatasetsVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(Root(), "datasets");
}
