using RnnKit.Cli;
using Xunit;

namespace RnnKit.Cli.Tests;

public class PgoSwitchTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] set) =>
        name => set.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Only_bench_is_relaunched_with_PGO()
    {
        Assert.True(PgoSwitch.ShouldRelaunch(["bench", "--json"], Environment()));
        Assert.False(PgoSwitch.ShouldRelaunch(["build"], Environment()));
        Assert.False(PgoSwitch.ShouldRelaunch(["run", "bench"], Environment()));
        Assert.False(PgoSwitch.ShouldRelaunch([], Environment()));
    }

    [Theory]
    [InlineData(PgoSwitch.Variable, "0")]
    [InlineData(PgoSwitch.Variable, "1")]
    [InlineData("COMPlus_TieredPGO", "0")]
    public void A_setting_the_user_made_is_kept_and_nothing_is_relaunched(string name, string value) =>
        Assert.False(PgoSwitch.ShouldRelaunch(["bench"], Environment((name, value))));

    [Theory]
    [InlineData("/usr/share/dotnet/dotnet")]
    [InlineData(@"C:\Program Files\dotnet\dotnet.exe")]
    [InlineData(@"C:\Program Files\dotnet\DOTNET.EXE")]
    public void Under_the_dotnet_host_the_assembly_is_passed_first(string host)
    {
        var command = PgoSwitch.Command(host, "RnnKit.Cli.dll", ["bench", "--json"]);
        Assert.Equal([host, "RnnKit.Cli.dll", "bench", "--json"], command);
    }

    [Theory]
    [InlineData("/home/s/rnnkit/lib/RnnKit.Cli/bin/Release/net10.0/RnnKit.Cli")]
    [InlineData(@"C:\Users\s\rnnkit\lib\RnnKit.Cli\bin\Release\net10.0\RnnKit.Cli.exe")]
    public void An_app_host_starts_itself(string apphost) =>
        Assert.Equal([apphost, "bench"], PgoSwitch.Command(apphost, "RnnKit.Cli.dll", ["bench"]));

    /// <summary>The command lines of a launch script, paths written one way: comments, @echo off and set -e dropped.</summary>
    private static string[] Commands(string script, string newLine) =>
        File.ReadAllText(TestSupport.Repo.PathOf(script)).Split(newLine)
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#') && !l.StartsWith("rem ") && l is not ("@echo off" or "set -euo pipefail"))
            .Select(l => l.Replace("%~dp0", "").Replace("$cli/", "lib/RnnKit.Cli/").Replace('\\', '/')
                .Replace(" 1>&2 ", " >&2 ").Replace("exec dotnet", "dotnet").Replace("\"$@\"", "%*"))
            .ToArray();

    [Fact]
    public void The_two_launch_scripts_build_and_run_the_same_way_and_nothing_else()
    {
        var bash = Commands("rnnkit", "\n");
        var cmd = Commands("rnnkit.cmd", "\r\n");
        Assert.StartsWith("cli=", bash[0]);
        Assert.Equal(cmd.Length, bash.Length - 1);
        var build = cmd[0][..cmd[0].IndexOf(" || ", StringComparison.Ordinal)];
        Assert.StartsWith("dotnet msbuild \"lib/RnnKit.Cli/RnnKit.Cli.csproj\" -restore -p:Configuration=Release", build);
        Assert.StartsWith(build, bash[1]);
        Assert.Equal("dotnet \"lib/RnnKit.Cli/bin/Release/net10.0/RnnKit.Cli.dll\" %*", cmd[1]);
        Assert.Equal(cmd[1], bash[2]);
    }
}
