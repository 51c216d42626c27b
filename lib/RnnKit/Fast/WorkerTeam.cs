using System.Runtime.ExceptionServices;

namespace RnnKit.Fast;

/// <summary>
/// The fixed team of threads the fast layer's parallel loops share: part 0 of a loop runs on the caller, parts 1…n−1
/// on long-lived workers that wait for work by spinning briefly and then blocking, so a loop costs two signals per
/// worker instead of a task per part (<see cref="Parallel.For(int, int, Action{int})"/>) and no thread-pool injection.
/// </summary>
/// <remarks>
/// One loop runs at a time. A loop started while the team is busy (another thread's model, or a loop inside a part)
/// runs its parts one after another on its own thread: the fast layer's parts write disjoint outputs in an order
/// fixed by the problem size, so the results are the same either way.
/// </remarks>
internal sealed class WorkerTeam
{
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
                var spin = new SpinWait();
                while (Volatile.Read(ref _pending) != 0) spin.SpinOnce(sleep1Threshold: -1);
                _body = null;
            }
            if (_failure is not null) ExceptionDispatchInfo.Capture(_failure).Throw();
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
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

    /// <summary>One background thread that runs part <see cref="_part"/> each time it is started.</summary>
    private sealed class Worker
    {
        private readonly WorkerTeam _team;
        private readonly int _part;
        private readonly ManualResetEventSlim _start = new(false, spinCount: 2000);

        public Worker(WorkerTeam team, int part)
        {
            _team = team;
            _part = part;
            new Thread(Loop) { IsBackground = true, Name = $"RnnKit fast worker {part}" }.Start();
        }

        public void Start() => _start.Set();

        private void Loop()
        {
            while (true)
            {
                _start.Wait();
                _start.Reset();
                _team.RunPart(_part);
            }
        }
    }
}
