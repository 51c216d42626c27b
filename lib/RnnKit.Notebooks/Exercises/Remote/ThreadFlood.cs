using System.Globalization;
using Words = RnnKit.Exercises.Feedback;

namespace RnnKit.Notebooks.Exercises.Remote;

/// <summary>
/// Inside the sandbox, around every cell and call: did the student's code leave so many threads running that the
/// process is at its limits? Threads that outlive their cell keep their share of the process limit (RLIMIT_NPROC)
/// and of the memory limit (each thread's stack counts); at a limit the .NET runtime itself cannot start the
/// thread it needs next and the process dies — in the next cell, the next call, or the replay of a restarted
/// sandbox, depending on timing and load. Checked here, the flood is named in the reply to the request that
/// caused it, and the grader starts a new sandbox without it (<see cref="SubmissionSandbox"/>).
/// </summary>
public static class ThreadFlood
{
    /// <summary>The field of a reply that says the sandbox must be started again, and why.</summary>
    public const string ReplyField = "restart";

    /// <summary>How many more threads than before a request, together with a thread that failed to start (or an
    /// allocation that failed), make a flood. A lesson's cell adds a few pool threads at most.</summary>
    public const int FloodGrowth = 32;

    private static int s_limitHit;
    private static int s_watching;

    /// <summary>What a request starts from: the threads running, and the limit-hit flag cleared.</summary>
    public readonly record struct Start(int Threads);

    /// <summary>Call before serving a request.</summary>
    public static Start Begin()
    {
        if (Interlocked.Exchange(ref s_watching, 1) == 0)
            // Thread.Start at the process or memory limit throws OutOfMemoryException, which the student's code may
            // catch: seen here first, whatever the code does with it. Nothing is allocated in the handler.
            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            {
                if (e.Exception is OutOfMemoryException or ThreadStartException) Volatile.Write(ref s_limitHit, 1);
            };
        Volatile.Write(ref s_limitHit, 0);
        return new Start(Running());
    }

    /// <summary>Why the process is flooded after the request begun at <paramref name="start"/>, or null when it is
    /// healthy: a thread failed to start and <see cref="FloodGrowth"/> or more threads were added; more than
    /// <paramref name="lingering"/> threads are running; or no thread can be started now.</summary>
    public static string? Check(Start start, int lingering)
    {
        var running = Running();
        var limitHit = Volatile.Read(ref s_limitHit) == 1;
        if (limitHit && running - start.Threads >= FloodGrowth)
            return Words.ThreadsUntilLimits(Count(running));
        if (running > lingering)
            return Words.ThreadsLeftRunning(Count(running), Count(lingering));
        if (!CanStartThread())
            return Words.NoThreadCanStart(Count(running));
        return null;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The process's threads (Linux: /proc/self/status, cheap; elsewhere the runtime's list).</summary>
    private static int Running()
    {
        if (OperatingSystem.IsLinux())
            try
            {
                if (int.TryParse(ProcStatus.Field(File.ReadLines("/proc/self/status"), "Threads"), CultureInfo.InvariantCulture, out var n))
                    return n;
            }
            catch (IOException)
            {
            }
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.Threads.Count;
    }

    private static bool CanStartThread()
    {
        try
        {
            var probe = new Thread(() => { }) { IsBackground = true, Name = "thread probe" };
            probe.Start();
            probe.Join();
            return true;
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            return false;
        }
    }
}
