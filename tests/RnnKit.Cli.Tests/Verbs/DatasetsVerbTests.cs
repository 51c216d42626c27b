using System.Text.Json;
using RnnKit.Cli;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Cli.Tests.Verbs;

public class DatasetsVerbTests
{
    [Fact]
    public void List_json_is_a_list_of_name_source_available()
    {
        var r = TestSupport.Cli.Run("datasets", "list", "--json");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.All(entries, e =>
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty("name").ValueKind);
            Assert.Equal(JsonValueKind.String, e.GetProperty("source").ValueKind);
            Assert.True(e.GetProperty("available").ValueKind is JsonValueKind.True or JsonValueKind.False);
        });
        var names = entries.Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("tang300", names);
        Assert.Contains("song100", names);
        Assert.Contains("dates", names);
        Assert.Contains("kit-sources", names);
        var dates = entries.Single(e => e.GetProperty("name").GetString() == "dates");
        Assert.True(dates.GetProperty("available").GetBoolean());
    }

    [Fact]
    public void Generate_into_a_read_only_folder_names_it_without_a_stack_trace()
    {
        // CI runs as root, whom chmod does not stop: the folder is made read-only by a read-only bind mount.
        var bwrap = Interop.RequireProgram("bwrap", "bubblewrap (bwrap)");
        var folder = Repo.TempFolder();
        var cli = typeof(VerbRunner).Assembly.Location;
        var dotnet = Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet" ? self : "dotnet";
        var r = Interop.Run(bwrap, ["--bind", "/", "/", "--ro-bind", folder, folder, "--dev", "/dev", "--proc", "/proc", "--die-with-parent",
            dotnet, cli, "datasets", "generate", "--out", folder], TimeSpan.FromSeconds(120));
        Assert.Equal(ExitCodes.Error, r.ExitCode);
        Assert.Contains("rnnkit datasets: cannot read or write a file:", r.Stderr);
        Assert.Contains(folder, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void List_prints_a_table()
    {
        var r = TestSupport.Cli.Run("datasets", "list");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("tang300", r.Stdout);
        Assert.Contains("generated", r.Stdout);
    }

    [Fact]
    public void Fetch_of_an_unknown_dataset_fails_and_lists_the_known_ones()
    {
        var r = TestSupport.Cli.Run("datasets", "fetch", "no-such-data");
        Assert.Equal(ExitCodes.Error, r.ExitCode);
        Assert.Contains("unknown dataset 'no-such-data'", r.Stderr);
        Assert.Contains("tang300", r.Stderr);
    }

    [Fact]
    public void Fetch_prints_where_an_installed_dataset_is()
    {
        Interop.Require(File.Exists("/usr/share/games/fortunes/song100"), "fortunes-zh");
        var r = TestSupport.Cli.Run("datasets", "fetch", "song100", "--cache", Repo.TempFolder());
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal("/usr/share/games/fortunes/song100", r.Stdout.Trim());
    }

    [Fact]
    public void Fetch_downloads_into_the_cache_prints_the_path_and_draws_progress_on_stderr()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("床前明月光\n");
        using var server = new LoopbackServer(body);
        var datasets = Repo.TempFolder("rnnkit-datasets");
        var manifest = new
        {
            name = "moon", description = "one line", licence = "test", source = "loopback", file = "moon.txt",
            sha256 = RnnKit.Data.Hashing.Sha256Of(body), size = body.Length, url = server.Url("moon.txt"),
            how_to_get = "run the test server",
        };
        File.WriteAllText(Path.Combine(datasets, "moon.dataset.json"), JsonSerializer.Serialize(manifest));
        var cache = Repo.TempFolder("rnnkit-cache");
        var r = TestSupport.Cli.Run("datasets", "fetch", "moon", "--datasets", datasets, "--cache", cache);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal(Path.Combine(cache, "moon.txt"), r.Stdout.Trim());
        Assert.Contains("moon [", r.Stderr);
        Assert.Contains("100%", r.Stderr);
        Assert.Equal(body, File.ReadAllBytes(Path.Combine(cache, "moon.txt")));

        var listed = TestSupport.Cli.Run("datasets", "list", "--json", "--datasets", datasets, "--cache", cache);
        using var json = JsonDocument.Parse(listed.Stdout);
        var moon = json.RootElement.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "moon");
        Assert.Equal(("cache", true), (moon.GetProperty("location").GetString(), moon.GetProperty("available").GetBoolean()));
    }

    [Fact]
    public void Generate_into_a_non_empty_folder_needs_force_and_leaves_it_alone()
    {
        var dir = Repo.TempFolder();
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "precious");
        var r = TestSupport.Cli.Run("datasets", "generate", "--out", dir);
        Assert.Equal(ExitCodes.Error, r.ExitCode);
        Assert.Contains("--force", r.Stderr);
        Assert.Equal(["keep.txt"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Bad_command_lines_are_usage_errors()
    {
        Assert.Equal(ExitCodes.Usage, TestSupport.Cli.Run("datasets").ExitCode);
        Assert.Equal(ExitCodes.Usage, TestSupport.Cli.Run("datasets", "fetch").ExitCode);
        Assert.Equal(ExitCodes.Usage, TestSupport.Cli.Run("datasets", "frob").ExitCode);
        Assert.Equal(ExitCodes.Usage, TestSupport.Cli.Run("datasets", "list", "extra").ExitCode);
    }
}
