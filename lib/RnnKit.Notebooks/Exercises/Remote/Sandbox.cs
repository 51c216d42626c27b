using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>`rnnkit grade` cannot sandbox here and was not told to grade without one.</summary>
public sealed class SandboxMissingException(string message) : Exception(message);

/// <summary>The limits of one student's sandbox. Specialise with <c>with { … }</c>.</summary>
public sealed record SandboxLimits
{
    /// <summary>Run student code without bubblewrap (`--unsafe-no-sandbox`): still in its own process, with the
    /// memory and process limits, but it can read and write whatever the grader's user can.</summary>
    public bool Unsafe { get; init; }

    /// <summary>Most memory the student's process may allocate (RLIMIT_DATA); 3 GB holds every lesson's models.</summary>
    public long MemoryBytes { get; init; } = 3L << 30;

    /// <summary>Most processes and threads (RLIMIT_NPROC). Set inside the sandbox's user namespace, where Linux
    /// (5.14 and later) counts only the sandbox's own tasks: the grader's and other submissions' threads never count
    /// against it, nor its flood against them. When the grader is root each sandbox also runs as a user id of its
    /// own. A .NET process uses a few dozen threads.</summary>
    public int Processes { get; init; } = 1024;

    /// <summary>Threads a cell or call may leave running (half of <see cref="Processes"/>): more, or a process that
    /// can start no thread, and the sandbox is started again without that cell (<see cref="ThreadFlood"/>).</summary>
    public int LingeringThreads => Processes / 2;
}

/// <summary>
/// How a student's code is started: inside bubblewrap (https://github.com/containers/bubblewrap, Debian's
/// `bubblewrap`), which gives it new namespaces — no network, its own process tree (everything it starts dies with
/// the sandbox, `setsid` included), no view of the host's files except the system (read-only), the kit's program
/// and data (read-only) and its own scratch folder. The teacher's notebooks, the other submissions and the output
/// folder are not there at all. Limits come from <c>prlimit</c> (memory, processes); time from the grader.
/// </summary>
public static class Sandbox
{
    public const string Tool = "bwrap";

    public const string InstallHint =
        "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora: dnf install bubblewrap), or grade inside " +
        "a Linux VM or WSL2 on Windows/macOS; --unsafe-no-sandbox grades without one (student code can then read and write your files)";

    /// <summary>The first user id sandboxes run as when the grader is root: unused by any account, one per sandbox started.</summary>
    private const int FirstSandboxUser = 1_000_000;

    private static int s_started;

    /// <summary>The bwrap program, or null when it is not on PATH (or this is not Linux).</summary>
    public static string? Find() => OperatingSystem.IsLinux() ? OnPath(Tool) : null;

    private static string? OnPath(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, program);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>Why sandboxing cannot work here (no bwrap, or bwrap cannot create namespaces), or null when it works.</summary>
    public static string? Problem()
    {
        var bwrap = Find();
        if (bwrap is null)
            return OperatingSystem.IsLinux()
                ? $"bubblewrap ({Tool}) is not installed; {InstallHint}"
                : $"student code is sandboxed with bubblewrap, which exists on Linux only; {InstallHint}";
        var probe = new ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true" }) probe.ArgumentList.Add(a);
        using var p = Process.Start(probe)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? null : $"{Tool} cannot create a sandbox here ({err.Trim()}); user namespaces may be disabled; {InstallHint}";
    }

    /// <summary>The start of one sandboxed process running <paramref name="program"/> with <paramref name="arguments"/>.</summary>
    /// <param name="limits">Memory, processes, or no sandbox.</param>
    /// <param name="program">The program to start (the dotnet host).</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="scratch">The only writable folder (the student's working directory); made writable for the sandbox's user.</param>
    /// <param name="readable">Files and folders the program needs to read (the kit's program, its data).</param>
    /// <param name="hidden">Folders that must not be seen even when they lie inside a readable one (teacher, submissions, output).</param>
    public static ProcessStartInfo Start(SandboxLimits limits, string program, IEnumerable<string> arguments, string scratch,
        IEnumerable<string> readable, IEnumerable<string> hidden)
    {
        var inv = CultureInfo.InvariantCulture;
        var asRoot = OperatingSystem.IsLinux() && geteuid() == 0;
        var limited = OperatingSystem.IsLinux();
        var psi = new ProcessStartInfo(limited ? "prlimit" : program)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = scratch,
        };
        var args = psi.ArgumentList;
        void Add(params string[] a)
        {
            foreach (var x in a) args.Add(x);
        }

        if (!limited)
        {
            foreach (var a in arguments) Add(a);
            return psi;
        }
        // A user id of its own per sandbox started (as root), not per worker: a sandbox that was just killed may still
        // hold its threads for a moment, and they must not count against the next one.
        var user = FirstSandboxUser + (int)(((long)Environment.ProcessId * 64 + Interlocked.Increment(ref s_started) % 64) % 1_000_000);
        Add($"--data={limits.MemoryBytes.ToString(inv)}", "--core=0");
        if (limits.Unsafe)
        {
            // No namespace: RLIMIT_NPROC counts every task of the user, so the user's count now is the base.
            Add($"--nproc={(limits.Processes + TasksOf((int)geteuid())).ToString(inv)}", "--");
            Add(program);
            foreach (var a in arguments) Add(a);
            return psi;
        }
        if (asRoot)
        {
            // Root is never held to RLIMIT_NPROC, and bwrap keeps root's identity: run as an unused user instead.
            _ = lchown(scratch, user, user);
            foreach (var entry in Directory.EnumerateFileSystemEntries(scratch, "*", SearchOption.AllDirectories))
                _ = lchown(entry, user, user);
            Add("--", "setpriv", $"--reuid={user.ToString(inv)}", $"--regid={user.ToString(inv)}", "--clear-groups");
        }
        Add("--", Find() ?? Tool, "--die-with-parent", "--unshare-all", "--new-session", "--clearenv");
        foreach (var dir in new[] { "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc" })
        {
            var info = new FileInfo(dir);
            if (info.LinkTarget is { } target) Add("--symlink", target, dir);
            else if (Directory.Exists(dir)) Add("--ro-bind", dir, dir);
        }
        Add("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp");
        var bound = new List<string>();
        foreach (var path in readable.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            if (IsUnder(path, "/usr") || IsUnder(path, "/etc") || (!File.Exists(path) && !Directory.Exists(path))) continue;
            Add("--ro-bind", path, path);
            bound.Add(path);
        }
        foreach (var path in hidden.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
            if (bound.Any(b => IsUnder(path, b)) && Directory.Exists(path))
                Add("--tmpfs", path);
        Add("--bind", scratch, scratch, "--chdir", scratch);
        Add("--setenv", "HOME", scratch, "--setenv", "TMPDIR", "/tmp", "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
            "--setenv", "DOTNET_CLI_TELEMETRY_OPTOUT", "1", "--setenv", "DOTNET_NOLOGO", "1");
        foreach (var name in new[] { "DOTNET_ROOT", "DOTNET_EnableAVX512", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic", "RNNKIT_DATASETS", "RNNKIT_NO_SYSTEM_DATA", "LANG" })
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
                Add("--setenv", name, value);
        // The process limit is set inside the sandbox's new user namespace: since Linux 5.14 RLIMIT_NPROC is counted
        // per user *in that namespace* (its tasks only), while the namespace as a whole is held to the limit of the
        // process that made it (the grader's). Set outside, it would be compared with every task of the user —
        // the grader's and the other sandboxes' — so one submission's flood would starve the others. Older kernels
        // count per user everywhere: there the user's count now is the base, as without a sandbox.
        var processes = limits.Processes + (NprocPerNamespace() ? 0 : TasksOf(asRoot ? user : (int)geteuid()));
        Add("--", OnPath("prlimit") ?? "prlimit", $"--nproc={processes.ToString(inv)}", "--", program);
        foreach (var a in arguments) Add(a);
        return psi;
    }

    /// <summary>Whether this kernel counts RLIMIT_NPROC per user namespace (Linux 5.14, "ucounts").</summary>
    private static bool NprocPerNamespace() => Environment.OSVersion.Version >= new Version(5, 14);

    /// <summary>Threads of the processes whose real user is <paramref name="uid"/> (what RLIMIT_NPROC counts).</summary>
    private static int TasksOf(int uid)
    {
        var count = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var lines = File.ReadAllLines(Path.Combine(dir, "status"));
                var real = ProcStatus.Field(lines, "Uid");
                var threads = ProcStatus.Field(lines, "Threads");
                if (real == uid.ToString(CultureInfo.InvariantCulture) && int.TryParse(threads, out var n)) count += n;
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return count;
    }

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int lchown(string path, int owner, int group);
}
