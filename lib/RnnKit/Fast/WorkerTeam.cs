using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace RnnKit.Fast;

/// <summary>
/// The fixed team of threads the fast layer's parallel loops share: part 0 of a loop runs on the caller, parts 1…n−1
/// on long-lived workers, so a loop costs a write per worker instead of a task per part
/// (<see cref="Parallel.For(int, int, Action{int})"/>) and no thread-pool injection.
/// </summary>
/// <remarks>
/// A worker that finishes a part keeps spinning for <see cref="SpinTime"/> before it blocks: a training step runs
/// a dozen loops with short serial gaps between them, and waking a blocked thread costs about 0.1 ms on this kind
/// of virtual machine (measured: a 34 M multiply-add product on two threads took 0.25 ms back to back and 0.34 ms
/// after a 2 ms pause), more than a small loop itself. One loop runs at a time. A loop started while the team is
/// busy (another thread's model, or a loop inside a part) runs its parts one after another on its own thread: the
/// fast layer's parts write disjoint outputs in an order fixed by the problem size, so the results are the same.
/// </remarks>
internal sealed class WorkerTeam
{
    /// <summary>How long an idle worker spins for the next part before it blocks.</summary>
    public static readonly TimeSpan SpinTime = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// How long the caller spins for the workers' parts without giving up its core; after it, it yields at each turn,
    /// so on an overloaded machine a descheduled worker gets the core back. Yielding earlier costs more than it
    /// saves on this virtual machine: with a yield after 0.25 ms, LSTM-256 on two threads fell from ~95 000 to
    /// ~34 000 tokens/s, even with nothing else running.
    /// </summary>
    public static readonly TimeSpan BusySpinTime = TimeSpan.FromMilliseconds(2);

    private static readonly long SpinTicks = (long)(SpinTime.TotalSeconds * Stopwatch.Frequency);
    private static readonly long BusySpinTicks = (long)(BusySpinTime.TotalSeconds * Stopwatch.Frequency);

    /// <summary>The process's team; workers are started the first time a loop needs them.</summary>
    public static WorkerTeam Shared { get; } = new();

    private readonly List<Worker> _workers = [];
    private int _busy;
    private int _pending;
    private Action<int>? _body;
    private Exception? _failure;

    /// <summary>Runs <paramref name="body"/>(0 … parts−1), part 0 on the calling thread; returns when every part is done.</summary>
    public void Run(int parts, Action<int> body)
    {
        if (parts <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (var part = 0; part < parts; part++) body(part);
            return;
        }
        try
        {
            while (_workers.Count < parts - 1) _workers.Add(new Worker(this, _workers.Count + 1));
            _body = body;
            _failure = null;
            Volatile.Write(ref _pending, parts - 1);
            for (var w = 0; w < parts - 1; w++) _workers[w].Start();
            try
            {
                body(0);
            }
            finally
            {
                var since = Stopwatch.GetTimestamp();
                while (Volatile.Read(ref _pending) != 0) Pause(since);
                _body = null;
            }
            if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>One turn of the caller's wait that began at <paramref name="since"/>: a spin at first, a yield later.</summary>
    private static void Pause(long since)
    {
        if (Stopwatch.GetTimestamp() - since < BusySpinTicks) Thread.SpinWait(16);
        else Thread.Yield();
    }

    private void RunPart(int part)
    {
        try
        {
            _body!(part);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>
    /// One background thread that runs part <see cref="_part"/> each time it is started: it counts the starts it was
    /// given and the parts it ran, waits while they are equal, and after <see cref="SpinTime"/> blocks on an event
    /// that <see cref="Start"/> sets only when the worker said it sleeps.
    /// </summary>
    private sealed class Worker
    {
        private readonly WorkerTeam _team;
        private readonly int _part;
        private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
        private long _started;
        private int _sleeping;

        public Worker(WorkerTeam team, int part)
        {
            _team = team;
            _part = part;
            new Thread(Loop) { IsBackground = true, Name = $"RnnKit fast worker {part}" }.Start();
        }

        public void Start()
        {
            // Full fences on both sides (this increment, the worker's exchange): either the worker sees the new start
            // before it blocks, or this sees that it sleeps and wakes it.
            Interlocked.Increment(ref _started);
            if (Volatile.Read(ref _sleeping) != 0) _wake.Set();
        }

        private void Loop()
        {
            long ran = 0;
            while (true)
            {
                WaitForStart(ran);
                ran++;
                _team.RunPart(_part);
            }
        }

        private void WaitForStart(long ran)
        {
            var since = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _started) == ran)
            {
                if (Stopwatch.GetTimestamp() - since < SpinTicks)
                {
                    Thread.SpinWait(16);
                    continue;
                }
                _wake.Reset();
                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _started) == ran) _wake.Wait();
                Interlocked.Exchange(ref _sleeping, 0);
                since = Stopwatch.GetTimestamp();
            }
        }
    }
}
