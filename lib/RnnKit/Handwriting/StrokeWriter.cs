using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;

namespace RnnKit.Handwriting;

/// <summary>
/// A handwriting model (Graves 2013, §4) as a 1:N task: an LSTM reads the previous pen step x⟨t−1⟩ (zeros before
/// the first) and, when conditioned, a learned vector of the character to write; a linear layer turns its state into
/// the raw outputs of a <see cref="MixtureDensityOutput"/> (混合密度网络), the distribution of x⟨t⟩. Trained by the
/// negative log-likelihood of the pen sequences; writes by sampling one step at a time.
/// </summary>
public sealed class StrokeWriter : IFastModule
{
    /// <param name="characters">How many characters it is conditioned on; 0 for an unconditioned writer.</param>
    /// <param name="conditionSize">The size of each character's vector (ignored when unconditioned).</param>
    /// <param name="hiddenSize">LSTM units.</param>
    /// <param name="components">K, the mixture's components.</param>
    /// <param name="random">Initial weights (seed it through Kit).</param>
    public StrokeWriter(int characters, int conditionSize, int hiddenSize, int components, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(characters);
        Condition = characters > 0 ? new FastEmbedding(characters, conditionSize, random) : null;
        InputSize = PenSequence.Features + (Condition?.Dimension ?? 0);
        Lstm = new FastLstm(InputSize, hiddenSize, random);
        Mixture = new MixtureDensityOutput(components);
        Head = new FastLinear(hiddenSize, Mixture.InputSize, random);
    }

    /// <summary>One learned vector per character; null when unconditioned.</summary>
    public FastEmbedding? Condition { get; }

    public FastLstm Lstm { get; }

    /// <summary>h⟨t⟩ (H) → ŷ⟨t⟩ (6K+1).</summary>
    public FastLinear Head { get; }

    public MixtureDensityOutput Mixture { get; }

    /// <summary>3 (the previous step) + the condition's size.</summary>
    public int InputSize { get; }

    public int HiddenSize => Lstm.Weights.HiddenSize;

    public IEnumerable<FastParameter> Parameters() => [.. Condition?.Parameters() ?? [], .. Lstm.Parameters(), .. Head.Parameters()];

    /// <summary>The mean negative log-likelihood per pen step (offset and pen terms) of the sequences, without training.</summary>
    /// <param name="sequences">The pen sequences.</param>
    /// <param name="characters">Each sequence's character id (ignored when unconditioned).</param>
    public MixtureDensityLoss Evaluate(IReadOnlyList<PenSequence> sequences, IReadOnlyList<int> characters) =>
        Run(sequences, characters).Loss;

    /// <summary>One step of training: the likelihood, backward, clipping, an Adam update. Returns the loss before it.</summary>
    public MixtureDensityLoss TrainStep(IReadOnlyList<PenSequence> sequences, IReadOnlyList<int> characters, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.ZeroGrad();
        var run = Run(sequences, characters);
        var dY = Mixture.Backward(run.Mixture);
        var dHead = new float[dY.RowCount * dY.ColumnCount];
        var values = dY.AsColumnMajorArray() ?? dY.ToColumnMajorArray();   // (6K+1, N) column-major = (N, 6K+1) row-major
        for (var i = 0; i < dHead.Length; i++) dHead[i] = (float)values[i];
        int rows = run.Steps * run.Batch, hidden = HiddenSize;
        var dH = new float[rows * hidden];
        Head.Backward(run.Head, dHead, dH);
        var dX = Condition is null ? [] : new float[rows * InputSize];
        Lstm.Backward(run.Lstm, dH, dX);
        if (Condition is not null && run.Condition is not null)
        {
            var size = Condition.Dimension;
            var dCondition = new float[run.Batch * size];
            for (var row = 0; row < rows; row++)
            {
                var into = dCondition.AsSpan(row % run.Batch * size, size);
                System.Numerics.Tensors.TensorPrimitives.Add(into, dX.AsSpan(row * InputSize + PenSequence.Features, size), into);
            }
            Condition.Backward(run.Condition, dCondition);
        }
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return run.Loss;
    }

    /// <summary>
    /// Writes a character: samples x⟨t⟩ from the mixture and feeds it back, until the pen has lifted
    /// <paramref name="strokes"/> times or <paramref name="maxSteps"/> steps are written.
    /// </summary>
    /// <param name="character">The character id (ignored when unconditioned).</param>
    /// <param name="strokes">How many strokes to write (the character's stroke count).</param>
    /// <param name="random">The source of the draws (seed it through Kit).</param>
    /// <param name="bias">The sampling bias b ≥ 0 of <see cref="MixtureDensityOutput"/>: higher is neater.</param>
    /// <param name="maxSteps">A limit, in case the pen never lifts often enough.</param>
    /// <param name="prime">Steps to read before writing (the start of a character to continue); they are part of the result.</param>
    /// <param name="spacing">The spacing the training sequences used, so the result can be drawn.</param>
    public PenSequence Write(int character, int strokes, Random random, double bias = 0, int maxSteps = 200, PenSequence? prime = null,
        double spacing = PenReader.DefaultSpacing)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(strokes);
        var condition = Condition?.Forward([RequireCharacter(character)]).Output;
        List<float> dx = [.. prime?.Dx ?? []], dy = [.. prime?.Dy ?? []], pen = [.. prime?.Pen ?? []];
        FastState? state = null;
        var previous = new float[PenSequence.Features];
        void Feed(float[] step)
        {
            var x = new float[InputSize];
            step.CopyTo(x, 0);
            condition?.CopyTo(x, PenSequence.Features);
            var cache = Lstm.Forward(x, 1, 1, state);
            state = new FastState(cache.FinalH.ToArray(), cache.FinalC.ToArray());
        }
        Feed(previous);
        for (var t = 0; t < dx.Count; t++)
            Feed([dx[t], dy[t], pen[t]]);
        var lifts = pen.Count(p => p > 0.5f);
        while (lifts < strokes && dx.Count < maxSteps)
        {
            var head = Head.Forward(state!.H, 1).Output;
            var draw = Mixture.Sample(Matrix<double>.Build.Dense(Mixture.InputSize, 1, head.Select(v => (double)v).ToArray()), 0, random, bias);
            float[] step = [(float)draw.Dx, (float)draw.Dy, draw.PenUp ? 1f : 0f];
            dx.Add(step[0]);
            dy.Add(step[1]);
            pen.Add(step[2]);
            if (draw.PenUp) lifts++;
            Feed(step);
        }
        return new PenSequence([.. dx], [.. dy], [.. pen], prime?.Spacing ?? spacing, prime?.Origin ?? PenReader.Origin);
    }

    private int RequireCharacter(int character)
    {
        if (Condition is not null && (uint)character >= (uint)Condition.Vocabulary)
            throw new ArgumentOutOfRangeException(nameof(character), character, $"character ids run from 0 to {Condition.Vocabulary - 1}");
        return character;
    }

    private sealed record Forwarded(int Steps, int Batch, FastEmbeddingCache? Condition, FastLstmCache Lstm, FastLinearCache Head,
        MixtureDensityCache Mixture, MixtureDensityLoss Loss);

    private Forwarded Run(IReadOnlyList<PenSequence> sequences, IReadOnlyList<int> characters)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(characters);
        if (sequences.Count == 0) throw new ArgumentException("at least one sequence is needed", nameof(sequences));
        if (Condition is not null && characters.Count != sequences.Count)
            throw new ShapeMismatchException($"characters has {characters.Count} entries but there are {sequences.Count} sequences");
        int batch = sequences.Count, steps = sequences.Max(s => s.Length), f = PenSequence.Features, width = InputSize;
        var condition = Condition?.Forward([.. Enumerable.Range(0, batch).Select(b => RequireCharacter(characters[b]))]);
        var x = new float[steps * batch * width];
        var targets = Matrix<double>.Build.Dense(f, steps * batch);
        var weights = new double[steps * batch];
        for (var t = 0; t < steps; t++)
            for (var b = 0; b < batch; b++)
            {
                var s = sequences[b];
                var row = t * batch + b;
                if (t > 0 && t <= s.Length)
                {
                    x[row * width] = s.Dx[t - 1];
                    x[row * width + 1] = s.Dy[t - 1];
                    x[row * width + 2] = s.Pen[t - 1];
                }
                condition?.Output.AsSpan(b * Condition!.Dimension, Condition.Dimension).CopyTo(x.AsSpan(row * width + f));
                if (t < s.Length)
                {
                    targets[0, row] = s.Dx[t];
                    targets[1, row] = s.Dy[t];
                    targets[2, row] = s.Pen[t];
                    weights[row] = 1;
                }
            }
        var lstm = Lstm.Forward(x, steps, batch);
        var head = Head.Forward(lstm.Output, steps * batch);
        var y = Matrix<double>.Build.Dense(Mixture.InputSize, steps * batch, head.Output.Select(v => (double)v).ToArray());
        var (loss, cache) = Mixture.Forward(y, targets, weights);
        return new Forwarded(steps, batch, condition, lstm, head, cache, loss);
    }
}
