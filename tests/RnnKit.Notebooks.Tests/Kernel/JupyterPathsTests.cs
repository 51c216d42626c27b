using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using RnnKit.Platform;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>Jupyter's folders on each OS, with the OS and its environment injected (jupyter_core.paths' rules).</summary>
public class JupyterPathsTests
{
    private static HostSystem Host(HostOs os, string home, params (string Name, string Value)[] variables) =>
        HostSystem.Simulated(os, home, variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void The_user_data_dir_follows_each_os()
    {
        Assert.Equal(Path.Combine(@"C:\Users\li\AppData\Roaming", "jupyter"),
            JupyterPaths.UserDataDir(Host(HostOs.Windows, @"C:\Users\li", ("APPDATA", @"C:\Users\li\AppData\Roaming"))));
        Assert.Equal(Path.Combine("/Users/li", "Library", "Jupyter"), JupyterPaths.UserDataDir(Host(HostOs.MacOS, "/Users/li")));
        Assert.Equal(Path.Combine("/home/li", ".local", "share", "jupyter"), JupyterPaths.UserDataDir(Host(HostOs.Linux, "/home/li")));
        Assert.Equal(Path.Combine("/data/li", "jupyter"), JupyterPaths.UserDataDir(Host(HostOs.Linux, "/home/li", ("XDG_DATA_HOME", "/data/li"))));
        Assert.Equal("/srv/jd", JupyterPaths.UserDataDir(Host(HostOs.MacOS, "/Users/li", ("JUPYTER_DATA_DIR", "/srv/jd"))));
    }

    [Fact]
    public void The_system_dirs_and_the_search_order_follow_each_os()
    {
        var windows = Host(HostOs.Windows, @"C:\Users\li", ("APPDATA", @"C:\R"), ("PROGRAMDATA", @"C:\ProgramData"), ("JUPYTER_PATH", @"D:\a;D:\b"));
        Assert.Equal([Path.Combine(@"C:\ProgramData", "jupyter")], JupyterPaths.SystemDataDirs(windows));
        Assert.Equal(new[] { @"D:\a", @"D:\b", Path.Combine(@"C:\R", "jupyter"), Path.Combine(@"C:\ProgramData", "jupyter") }
            .Select(d => Path.Combine(d, "kernels")), JupyterPaths.KernelDirs(windows));

        var linux = Host(HostOs.Linux, "/home/li", ("JUPYTER_PATH", "/opt/a:/opt/b"));
        Assert.Equal(new[] { "/opt/a", "/opt/b", "/home/li/.local/share/jupyter", "/usr/local/share/jupyter", "/usr/share/jupyter" }
            .Select(d => Path.Combine(d, "kernels")), JupyterPaths.KernelDirs(linux));
    }

    [Theory]
    [InlineData(@"C:\Program Files\dotnet\dotnet.exe")]
    [InlineData("/usr/local/share/dotnet/dotnet")]
    [InlineData("/usr/share/dotnet/dotnet")]
    public void The_kernelspec_starts_the_dotnet_host_on_the_dll_without_a_shell_script(string dotnet)
    {
        var dll = Path.Combine(Repo.TempFolder(), "RnnKit.Cli.dll");
        File.WriteAllText(dll, "");
        var prefix = Repo.TempFolder();
        KernelspecInstaller.Install(new KernelspecTarget(Prefix: prefix), dll, dotnet, alias: false);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(prefix, "share", "jupyter", "kernels", KernelInfo.KernelName, "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Equal([dotnet, dll, "kernel", "serve", "-f", "{connection_file}"], argv);
        Assert.DoesNotContain(argv, a => a.EndsWith("rnnkit") || a.EndsWith(".cmd") || a.Contains("bash"));
        Assert.Null(spec["env"]);
    }

    [Fact]
    public void A_kernelspec_for_chinese_feedback_sets_the_language_in_its_environment()
    {
        var dll = Path.Combine(Repo.TempFolder(), "RnnKit.Cli.dll");
        File.WriteAllText(dll, "");
        var prefix = Repo.TempFolder();
        KernelspecInstaller.Install(new KernelspecTarget(Prefix: prefix), dll, "dotnet", alias: false, language: KitSettings.Chinese);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(prefix, "share", "jupyter", "kernels", KernelInfo.KernelName, "kernel.json")))!;
        Assert.Equal("zh-Hans", spec["env"]!["RNNKIT_LANGUAGE"]!.GetValue<string>());
    }
}
