namespace RnnKit.TestSupport;

/// <summary>Paths inside the repository, found from the test assembly's location (tests run from bin/…).</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A fresh, empty temporary folder for one test.</summary>
    public static string TempFolder(string prefix = "rnnkit-test")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RnnKit.slnx")))
                return dir.FullName;
        throw new InvalidOperationException($"RnnKit.slnx not found above {AppContext.BaseDirectory}");
    }
}
