using System.Diagnostics;
using Xunit;

namespace RnnKit.TestSupport;

/// <summary>
/// Tests that need an outside tool (Chromium, Jupyter's Python packages, PyTorch) call <see cref="Require"/>:
/// without the tool the test is skipped with the reason, unless RNNKIT_REQUIRE_INTEROP=1 (set by .ci/run after it
/// installs the tools), and then a missing tool fails the test.
/// </summary>
public static class Interop
{
    public static bool Required => Environment.GetEnvironmentVariable("RNNKIT_REQUIRE_INTEROP") == "1";

    /// <summary>Skips (or fails, under RNNKIT_REQUIRE_INTEROP=1) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string what)
    {
        if (available) return;
        var reason = $"{what} is not installed (see .ci/run for the Debian packages)";
        if (Required)
            Assert.Fail($"RNNKIT_REQUIRE_INTEROP=1 but {reason}");
        Assert.Skip(reason);
    }

    /// <summary>Skips unless <paramref name="program"/> is an executable on PATH (or an absolute path that exists).</summary>
    public static string RequireProgram(string program, string what)
    {
        var found = FindProgram(program);
        Require(found is not null, what);
        return found!;
    }

    /// <summary>Skips (or fails) unless bubblewrap is installed and can create a sandbox here (rnnkit grade needs it).</summary>
    public static void RequireSandbox()
    {
        var problem = RnnKit.Notebooks.Exercises.Remote.Sandbox.Problem();
        Require(problem is null, $"a working bubblewrap (bwrap, Debian's bubblewrap) [{problem}]");
    }

    /// <summary>Skips unless Debian's python3 can import every module named.</summary>
    public static void RequirePythonModules(params string[] modules)
    {
        var python = FindProgram("/usr/bin/python3");
        var ok = python is not null && Run(python, ["-c", "import " + string.Join(", ", modules)], TimeSpan.FromSeconds(60)).ExitCode == 0;
        Require(ok, "python3 with " + string.Join(", ", modules));
    }

    /// <summary>Validates each .ipynb with Debian's nbformat (skips without it); the result says which one failed and why.</summary>
    public static ProcessResult ValidateNotebooks(IEnumerable<string> paths)
    {
        RequirePythonModules("nbformat");
        const string validate = "import sys, nbformat\nfor p in sys.argv[1:]:\n    nbformat.validate(nbformat.read(p, as_version=nbformat.NO_CONVERT))\n    print('valid', p)";
        return Run("/usr/bin/python3", ["-c", validate, .. paths], TimeSpan.FromSeconds(60));
    }

    public static string? FindProgram(string program)
    {
        if (Path.IsPathRooted(program))
            return File.Exists(program) ? program : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a program to completion (killed after <paramref name="timeout"/>), capturing both streams.</summary>
    public static ProcessResult Run(string program, IEnumerable<string> args, TimeSpan timeout, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeout.TotalSeconds} s");
        }
        p.WaitForExit();
        return new ProcessResult(p.ExitCode, stdout.Result, stderr.Result);
    }
}
