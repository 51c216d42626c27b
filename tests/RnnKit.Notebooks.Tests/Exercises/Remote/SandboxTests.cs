using System.Diagnostics;
using RnnKit.Notebooks.Exercises.Remote;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises.Remote;

/// <summary>
/// The sandbox's process limit belongs to one sandbox: set inside its user namespace, where the kernel counts only
/// its own tasks, so a submission that starts processes until its limit is reached takes nothing from the grader
/// or from another submission graded at the same time.
/// </summary>
public class SandboxTests
{
    private const int Processes = 24;

    /// <summary>Forks sleeping children until the limit stops it (or <paramref name="most"/>); writes the soft
    /// RLIMIT_NPROC it runs under and how many it started to the file "report" of its folder, then holds them.</summary>
    private static string Forks(int most) => $$"""
        import os, resource, sys, time
        started = 0
        try:
            while started < {{most}}:
                if os.fork() == 0:
                    time.sleep(60)
                    os._exit(0)
                started += 1
        except OSError:
            pass
        with open("report.tmp", "w") as f:
            f.write(f"{resource.getrlimit(resource.RLIMIT_NPROC)[0]} {started}")
        os.rename("report.tmp", "report")
        time.sleep(60)
        """;

    private static (Process Process, string Folder) Start(string code)
    {
        var python = Interop.RequireProgram("/usr/bin/python3", "Debian's python3");
        var limits = new SandboxLimits { Processes = Processes, MemoryBytes = 1L << 30 };
        var folder = Repo.TempFolder();
        var psi = Sandbox.Start(limits, python, ["-c", code], folder, [], []);
        psi.RedirectStandardInput = psi.RedirectStandardOutput = psi.RedirectStandardError = false;
        return (Process.Start(psi)!, folder);
    }

    private static (int Limit, int Started) Report((Process Process, string Folder) sandbox)
    {
        var report = Path.Combine(sandbox.Folder, "report");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(report) && !sandbox.Process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(50);
        Assert.True(File.Exists(report), $"no report from the sandbox (exit code {(sandbox.Process.HasExited ? sandbox.Process.ExitCode : "none yet")})");
        var parts = File.ReadAllText(report).Split(' ');
        return (int.Parse(parts[0]), int.Parse(parts[1]));
    }

    [Fact]
    public void A_sandbox_that_starts_processes_to_its_limit_takes_none_from_another()
    {
        Interop.RequireSandbox();
        var flood = Start(Forks(most: 10 * Processes));
        try
        {
            var (limit, started) = Report(flood);
            // The limit is the sandbox's own, not the user's count plus a margin: the flood stops just below it.
            Assert.Equal(Processes, limit);
            Assert.InRange(started, Processes / 2, Processes - 1);

            // While it holds its processes, a second sandbox (and this process) can still start what they need.
            var other = Start(Forks(most: Processes / 2));
            try
            {
                Assert.Equal((Processes, Processes / 2), Report(other));
            }
            finally
            {
                other.Process.Kill(entireProcessTree: true);
                other.Process.Dispose();
            }
            using var here = Process.Start(new ProcessStartInfo("/bin/true"))!;
            here.WaitForExit();
        }
        finally
        {
            flood.Process.Kill(entireProcessTree: true);
            flood.Process.Dispose();
        }
    }
}
