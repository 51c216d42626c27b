using System.Diagnostics;

namespace RnnKit.Cli;

/// <summary>
/// Dynamic PGO for the one verb that gains from it. Lessons are short-lived code: without PGO's instrumented tier
/// they use about 20 % less CPU (lesson 05: 7.7–8.4 s against 10.2–10.3 s), so RnnKit.Cli.csproj turns it off
/// (<c>TieredPGO=false</c>, which also covers the kernel). Only <c>bench</c> measures steady-state training, where
/// PGO gains ~8 %: it runs again in a child process with <c>DOTNET_TieredPGO=1</c>. A value the user set is kept
/// (since .NET 9 the environment overrides runtimeconfig.json), and then nothing is relaunched.
/// </summary>
public static class PgoSwitch
{
    public const string Variable = "DOTNET_TieredPGO";

    /// <summary>The older spelling of the same knob, still honoured by the runtime.</summary>
    private const string LegacyVariable = "COMPlus_TieredPGO";

    /// <summary>The verbs that run with PGO on.</summary>
    private static readonly string[] PgoVerbs = ["bench"];

    /// <summary>True when <paramref name="args"/> asks for a PGO verb and the environment does not already decide.</summary>
    public static bool ShouldRelaunch(IReadOnlyList<string> args, Func<string, string?> environment) =>
        args.Count > 0 && PgoVerbs.Contains(args[0])
        && string.IsNullOrEmpty(environment(Variable)) && string.IsNullOrEmpty(environment(LegacyVariable));

    /// <summary>
    /// The command line that starts this program again: <c>dotnet RnnKit.Cli.dll ARGS</c> when it runs under the
    /// dotnet host (dotnet, dotnet.exe), else the app host itself (RnnKit.Cli, RnnKit.Cli.exe) with ARGS.
    /// </summary>
    public static IReadOnlyList<string> Command(string processPath, string assemblyPath, IReadOnlyList<string> args)
    {
        var name = processPath.Replace('\\', '/').Split('/')[^1];
        var underHost = name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) || name.Equals("dotnet.exe", StringComparison.OrdinalIgnoreCase);
        return underHost ? [processPath, assemblyPath, .. args] : [processPath, .. args];
    }

    /// <summary>Runs this program again with PGO on, sharing the console, and returns its exit code.</summary>
    public static int Relaunch(IReadOnlyList<string> args)
    {
        var command = Command(Environment.ProcessPath!, typeof(PgoSwitch).Assembly.Location, args);
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var a in command.Skip(1))
            start.ArgumentList.Add(a);
        start.Environment[Variable] = "1";
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
