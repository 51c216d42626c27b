using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RnnKit.Fast;

namespace RnnKit.Cli.Verbs;

/// <summary>
/// `rnnkit bench`: training-step throughput of the fast layer. One step = embedding lookup → recurrent layer →
/// linear to the vocabulary → softmax cross-entropy → backward → clip the global norm at 5 → Adam, on random ids.
/// </summary>
public sealed class BenchVerb : IVerb
{
    /// <summary>Timed repeats; the median is reported, so one noisy repeat (a neighbour's build) does not count.</summary>
    private const int Repeats = 5;

    /// <summary>Untimed steps first: buffer allocation, caches.</summary>
    private const int WarmUpSteps = 3;

    /// <summary>
    /// Untimed time first, at least: the JIT recompiles a method optimized only after 30 calls and a 100 ms pause,
    /// so a big model's first ~30 steps (a second at 40 ms per step) run partly unoptimized code; three steps alone
    /// made LSTM-256 look 15 % slower than it trains.
    /// </summary>
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1.5);

    /// <summary>Default time budget of the timed repeats, in seconds.</summary>
    private const double DefaultSeconds = 3;

    public string Name => "bench";

    public string Summary => "training-step throughput of the fast (float32, SIMD) layer";

    public string Usage => """
        usage: rnnkit bench [--cell lstm|gru|rnn] [--vocab 65] [--hidden 128] [--batch 32] [--steps 64]
                            [--seconds 3] [--threads N] [--seed 0] [--json]
          One step = embedding → recurrent layer → linear → softmax cross-entropy → backward → clip norm 5 → Adam,
          on random token ids, after 1.5 s of warm-up. Reports the median of 5 timed repeats that share --seconds.
          --threads  threads to use, forced whatever the model's size (default: the model chooses, Parallelism.Automatic)
          --json     print one line {"cell", "vocab", "hidden", "batch", "steps", "ms_per_step", "tokens_per_second"}
        """;

    public Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new ArgReader(args, ["--cell", "--vocab", "--hidden", "--batch", "--steps", "--seconds", "--threads", "--seed"], ["--json"]);
        if (a.Positionals.Count > 0)
            throw new UsageException($"unexpected argument '{a.Positionals[0]}'");
        var cellName = a.Get("--cell", "lstm");
        if (!CellKinds.TryParse(cellName, out var kind) || !FastLanguageModelConfig.Cells.Contains(kind))
            throw new UsageException($"--cell must be one of lstm, gru, rnn, got '{cellName}'");
        var cell = cellName.ToLowerInvariant();
        var vocab = a.GetInt("--vocab", 65, min: 2, max: 1 << 20);
        var hidden = a.GetInt("--hidden", 128, min: 1, max: 1 << 14);
        var batch = a.GetInt("--batch", 32, min: 1, max: 1 << 14);
        var steps = a.GetInt("--steps", 64, min: 1, max: 1 << 16);
        var seconds = a.GetDouble("--seconds", DefaultSeconds, min: 0);
        int? forced = a.Has("--threads") ? a.GetInt("--threads", 1, min: 1, max: 1024) : null;
        var seed = a.GetInt("--seed", 0);

        var previous = Parallelism.Threads;
        Parallelism.Threads = forced;
        try
        {
            var config = new FastLanguageModelConfig { Cell = kind, Vocabulary = vocab, HiddenSize = hidden, Seed = seed };
            var threads = forced ?? Math.Min(Parallelism.MaxDegree,
                Parallelism.Automatic(batch, hidden, kind.GateCount() * hidden, vocab, Environment.ProcessorCount));
            var msPerStep = Measure(config, batch, steps, seconds);
            var tokensPerSecond = batch * steps / (msPerStep / 1000);
            if (a.Has("--json"))
                stdout.WriteLine(Json(cell, vocab, hidden, batch, steps, msPerStep, tokensPerSecond));
            else
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cell} vocab {vocab} hidden {hidden} batch {batch} steps {steps} ({threads} threads{(forced is null ? ", chosen by the model" : "")}, {Sgemm.Kernel} kernel): {msPerStep:F2} ms/step, {tokensPerSecond:F0} tokens/s"));
        }
        finally
        {
            Parallelism.Threads = previous;
        }
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Median over <see cref="Repeats"/> of the mean milliseconds per training step.</summary>
    internal static double Measure(FastLanguageModelConfig config, int batch, int steps, double seconds)
    {
        var trainer = new FastTrainer(new FastLanguageModel(config));
        var random = new Random(config.Seed);
        var inputs = RandomIds(random, steps * batch, config.Vocabulary);
        var targets = RandomIds(random, steps * batch, config.Vocabulary);
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < WarmUpSteps || warmUp.Elapsed < WarmUpTime; i++)
            trainer.Step(inputs, targets, steps, batch);
        var perRepeat = TimeSpan.FromSeconds(seconds / Repeats);
        var samples = new double[Repeats];
        for (var r = 0; r < Repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            var count = 0;
            do
            {
                trainer.Step(inputs, targets, steps, batch);
                count++;
            }
            while (clock.Elapsed < perRepeat);
            samples[r] = clock.Elapsed.TotalMilliseconds / count;
        }
        Array.Sort(samples);
        return samples[Repeats / 2];
    }

    private static int[] RandomIds(Random random, int count, int vocabulary)
    {
        var ids = new int[count];
        for (var i = 0; i < count; i++) ids[i] = random.Next(vocabulary);
        return ids;
    }

    private static string Json(string cell, int vocab, int hidden, int batch, int steps, double msPerStep, double tokensPerSecond)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("cell", cell);
            w.WriteNumber("vocab", vocab);
            w.WriteNumber("hidden", hidden);
            w.WriteNumber("batch", batch);
            w.WriteNumber("steps", steps);
            // Six significant digits: a tiny model's step takes a few microseconds, and rounding milliseconds to 4
            // decimals kept two digits of it, so tokens_per_second no longer followed from ms_per_step.
            w.WriteNumber("ms_per_step", double.Parse(msPerStep.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            w.WriteNumber("tokens_per_second", Math.Round(tokensPerSecond, 1));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
