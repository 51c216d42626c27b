using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

public sealed partial class Seq2SeqModel
{
    /// <summary>Most output tokens greedy decoding writes when none is given.</summary>
    public const int DefaultMaxLength = 50;

    /// <summary>
    /// Greedy decoding of one source sequence: at each step take the most likely token (lowest id on ties) and
    /// feed it back, until the end token or <paramref name="maxLength"/> tokens.
    /// </summary>
    public Translation Greedy(IReadOnlyList<int> source, int maxLength = DefaultMaxLength)
    {
        if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "maxLength must be at least 1");
        var (encoded, state) = StartDecoding(source);
        var tokens = new List<int>();
        var rows = new List<double[]>();
        var logProbability = 0.0;
        var previous = Config.StartToken;
        for (var step = 0; step < maxLength; step++)
        {
            var (output, _) = Decoder.Step([previous], state, encoded);
            var logProbabilities = LogSoftmax(output.Logits);
            var next = ArgMax(logProbabilities);
            logProbability += logProbabilities[next];
            if (output.Weights is not null) rows.Add(output.Weights.Column(0).ToArray());
            if (next == Config.EndToken)
                return Result(tokens, logProbability, ended: true, rows, source.Count, logProbability);
            tokens.Add(next);
            (previous, state) = (next, output.State);
        }
        return Result(tokens, logProbability, ended: false, rows, source.Count, logProbability);
    }

    /// <summary>The best hypothesis of <see cref="BeamSearchAll"/>.</summary>
    public Translation BeamSearch(IReadOnlyList<int> source, BeamSearchOptions? options = null) => BeamSearchAll(source, options)[0];

    /// <summary>
    /// Beam search over one source sequence: keep the k most probable partial outputs; at each step extend each by
    /// its k most likely tokens and keep the best k of those by log-probability. A hypothesis that emits the end
    /// token is set aside; the search stops when k have ended (or at <see cref="BeamSearchOptions.MaxLength"/>,
    /// where unfinished ones are kept with <see cref="Translation.Ended"/> false). Returns the ended hypotheses best
    /// first by <see cref="Translation.Score"/> (log-probability, length-normalised if asked).
    /// </summary>
    public IReadOnlyList<Translation> BeamSearchAll(IReadOnlyList<int> source, BeamSearchOptions? options = null)
    {
        options ??= new BeamSearchOptions();
        options.Validate();
        var (encoded, start) = StartDecoding(source);
        var live = new List<Hypothesis> { new([], 0, start, []) };
        var finished = new List<Translation>();
        for (var step = 0; step < options.MaxLength && finished.Count < options.Width && live.Count > 0; step++)
        {
            var candidates = new List<(Hypothesis From, int Token, double LogProbability, RecurrentState State, double[]? Row)>();
            foreach (var hypothesis in live)
            {
                var previous = hypothesis.Tokens.Count == 0 ? Config.StartToken : hypothesis.Tokens[^1];
                var (output, _) = Decoder.Step([previous], hypothesis.State, encoded);
                var logProbabilities = LogSoftmax(output.Logits);
                var row = output.Weights?.Column(0).ToArray();
                foreach (var token in TopTokens(logProbabilities, options.Width))
                    candidates.Add((hypothesis, token, hypothesis.LogProbability + logProbabilities[token], output.State, row));
            }
            // stable sort: among equal log-probabilities the earlier hypothesis and the lower token win, as in Greedy
            live = [];
            foreach (var c in candidates.OrderByDescending(c => c.LogProbability).Take(options.Width))
            {
                List<double[]> rows = c.Row is null ? c.From.Rows : [.. c.From.Rows, c.Row];
                if (c.Token == Config.EndToken)
                    finished.Add(Result(c.From.Tokens, c.LogProbability, ended: true, rows, source.Count,
                        options.Normalise(c.LogProbability, c.From.Tokens.Count + 1)));
                else
                    live.Add(new Hypothesis([.. c.From.Tokens, c.Token], c.LogProbability, c.State, rows));
            }
        }
        if (finished.Count < options.Width)
            finished.AddRange(live.Select(h => Result(h.Tokens, h.LogProbability, ended: false, h.Rows, source.Count,
                options.Normalise(h.LogProbability, h.Tokens.Count))));
        return finished.OrderByDescending(t => t.Score).ToList();
    }

    /// <summary>log p(target, end | source) under the model, teacher-forced: the number beam search maximises.</summary>
    /// <param name="source">Source ids.</param>
    /// <param name="target">Output ids without start and end.</param>
    public double LogProbability(IReadOnlyList<int> source, IReadOnlyList<int> target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var (output, _) = Forward(source.Select(id => (IReadOnlyList<int>)[id]).ToList(), target.Select(id => (IReadOnlyList<int>)[id]).ToList());
        return -output.Loss * output.Tokens;
    }

    private sealed record Hypothesis(List<int> Tokens, double LogProbability, RecurrentState State, List<double[]> Rows);

    private (EncoderOutput Encoded, RecurrentState State) StartDecoding(IReadOnlyList<int> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (encoded, _) = Encoder.Forward(source.Select(id => (IReadOnlyList<int>)[id]).ToList());
        var (state, _) = Decoder.Start(encoded.Summary);
        return (encoded, state);
    }

    private Translation Result(List<int> tokens, double logProbability, bool ended, List<double[]> rows, int sourceLength, double score)
    {
        var weights = rows.Count == 0
            ? Matrix<double>.Build.Dense(0, sourceLength)
            : Matrix<double>.Build.DenseOfRowArrays(rows);
        return new Translation(tokens.ToArray(), logProbability, ended, weights, score);
    }

    /// <summary>log softmax of the single column of logits (targetVocab, 1), stable for large logits.</summary>
    private static double[] LogSoftmax(Matrix<double> logits)
    {
        var z = logits.Column(0);
        var max = z.Maximum();
        var logSum = max + Math.Log(z.Sum(v => Math.Exp(v - max)));
        return z.Select(v => v - logSum).ToArray();
    }

    private static int ArgMax(double[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>The <paramref name="k"/> largest entries' indices, largest first, lower index first on ties.</summary>
    private static IEnumerable<int> TopTokens(double[] logProbabilities, int k) =>
        Enumerable.Range(0, logProbabilities.Length).OrderByDescending(i => logProbabilities[i]).Take(k);
}
