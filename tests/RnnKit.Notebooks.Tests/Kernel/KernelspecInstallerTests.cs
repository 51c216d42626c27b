using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using RnnKit.TestSupport;
using CliRunner = RnnKit.TestSupport.Cli;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>`rnnkit kernel install`: where the kernelspecs go and what they run. Changes JUPYTER_* variables, so not parallel.</summary>
[Collection(JupyterEnvironment.Name)]
public class KernelspecInstallerTests
{
    private static JsonObject Spec(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!.AsObject();

    [Fact]
    public void User_install_honours_JUPYTER_DATA_DIR_and_runs_this_checkouts_cli()
    {
        using var env = new JupyterEnvironment();
        var result = CliRunner.Run("kernel", "install", "--user");
        Assert.Equal(0, result.ExitCode);

        var folder = Path.Combine(env.DataDir, "kernels", "rnnkit-csharp");
        var spec = Spec(folder);
        Assert.Equal("C# (RnnKit)", spec["display_name"]!.GetValue<string>());
        Assert.Equal("C#", spec["language"]!.GetValue<string>());
        Assert.Equal("message", spec["interrupt_mode"]!.GetValue<string>());
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.EndsWith("RnnKit.Cli.dll", argv[1]);
        Assert.True(Path.IsPathRooted(argv[1]) && File.Exists(argv[1]), argv[1]);
        Assert.Equal(["kernel", "serve", "-f", "{connection_file}"], argv[2..]);
        Assert.Contains($"installed kernelspec 'rnnkit-csharp' in {folder}", result.Stdout);

        var alias = Spec(Path.Combine(env.DataDir, "kernels", ".net-csharp"));
        Assert.Equal(argv, alias["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray());
        Assert.Contains("installed kernelspec '.net-csharp'", result.Stdout);

        // Installing again updates our own alias instead of treating it as someone else's kernel.
        Assert.Contains("installed kernelspec '.net-csharp'", CliRunner.Run("kernel", "install", "--user").Stdout);
    }

    [Fact]
    public void Prefix_install_writes_under_share_jupyter_kernels_and_no_alias_skips_the_alias()
    {
        using var env = new JupyterEnvironment();
        var prefix = Repo.TempFolder("rnnkit-prefix");
        Assert.Equal(0, CliRunner.Run("kernel", "install", "--prefix", prefix, "--no-alias").ExitCode);
        Assert.True(File.Exists(Path.Combine(prefix, "share", "jupyter", "kernels", "rnnkit-csharp", "kernel.json")));
        Assert.False(Directory.Exists(Path.Combine(prefix, "share", "jupyter", "kernels", ".net-csharp")));
    }

    [Fact]
    public void An_existing_polyglot_kernel_keeps_its_name()
    {
        using var env = new JupyterEnvironment();
        var polyglot = Path.Combine(env.PathDir, "kernels", ".net-csharp");
        Directory.CreateDirectory(polyglot);
        File.WriteAllText(Path.Combine(polyglot, "kernel.json"), """{"argv": ["dotnet", "interactive"], "display_name": ".NET (C#)", "language": "C#"}""");

        var result = CliRunner.Run("kernel", "install", "--user");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("did not install '.net-csharp': another kernel already has that name", result.Stdout);
        Assert.False(Directory.Exists(Path.Combine(env.DataDir, "kernels", ".net-csharp")));
        Assert.Equal("interactive", Spec(polyglot)["argv"]![1]!.GetValue<string>());
    }

    [Fact]
    public void Bad_command_lines_are_usage_errors()
    {
        using var env = new JupyterEnvironment();
        Assert.Equal(64, CliRunner.Run("kernel").ExitCode);
        Assert.Equal(64, CliRunner.Run("kernel", "fly").ExitCode);
        Assert.Equal(64, CliRunner.Run("kernel", "install", "--user", "--prefix", "/tmp/x").ExitCode);
        Assert.Equal(64, CliRunner.Run("kernel", "serve").ExitCode);
        var missing = CliRunner.Run("kernel", "serve", "-f", "/nonexistent/kernel-9.json");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("/nonexistent/kernel-9.json: not found", missing.Stderr);
    }
}

/// <summary>A temporary JUPYTER_DATA_DIR and JUPYTER_PATH for one test, restored afterwards.</summary>
public sealed class JupyterEnvironment : IDisposable
{
    public const string Name = "Jupyter environment variables";

    private readonly string? _dataBefore = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
    private readonly string? _pathBefore = Environment.GetEnvironmentVariable("JUPYTER_PATH");

    public JupyterEnvironment()
    {
        DataDir = Repo.TempFolder("rnnkit-jupyter-data");
        PathDir = Repo.TempFolder("rnnkit-jupyter-path");
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", DataDir);
        Environment.SetEnvironmentVariable("JUPYTER_PATH", PathDir);
    }

    public string DataDir { get; }

    public string PathDir { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("JUPYTER_DATA_DIR", _dataBefore);
        Environment.SetEnvironmentVariable("JUPYTER_PATH", _pathBefore);
    }
}

[CollectionDefinition(JupyterEnvironment.Name, DisableParallelization = true)]
public sealed class JupyterEnvironmentCollection;
