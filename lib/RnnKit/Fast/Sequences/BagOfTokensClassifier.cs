namespace RnnKit.Fast;

/// <summary>
/// The order-blind baseline of many-to-one tasks: a sequence becomes its bag of tokens, the count of every token
/// divided by the sequence's length, and a softmax regression (logistic regression for two classes) names the
/// class, ŷ = softmax(W x_bag + b). Whatever it reaches, it reaches without knowing the order: shuffling the
/// tokens of a sequence cannot change its answer.
/// </summary>
public sealed class BagOfTokensClassifier : IFastModule
{
    public BagOfTokensClassifier(int vocabulary, int classes, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabulary, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Output = new FastLinear(vocabulary, classes, random);
    }

    /// <summary>W (classes, V), b (classes, 1).</summary>
    public FastLinear Output { get; }

    public int Vocabulary => Output.InputSize;

    public int Classes => Output.OutputSize;

    public IEnumerable<FastParameter> Parameters() => Output.Parameters();

    /// <summary>The bags (N, V) of N sequences: token frequencies within each sequence.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A token outside the vocabulary, named with its sequence and position.</exception>
    public float[] Bags(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var v = Vocabulary;
        var bags = new float[sequences.Count * v];
        for (var n = 0; n < sequences.Count; n++)
        {
            var s = sequences[n];
            for (var t = 0; t < s.Count; t++)
            {
                if ((uint)s[t] >= (uint)v)
                    throw new ArgumentOutOfRangeException(nameof(sequences), $"sequence {n}, position {t}: token {s[t]} is outside the vocabulary [0, {v})");
                bags[n * v + s[t]] += 1f / s.Count;
            }
        }
        return bags;
    }

    /// <summary>Full-batch training: <paramref name="steps"/> Adam steps on the mean cross-entropy of all sequences.</summary>
    /// <returns>The loss before each step.</returns>
    public List<double> Train(IReadOnlyList<IReadOnlyList<int>> sequences, int[] labels, int steps, FastAdamConfig? adam = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length != sequences.Count)
            throw new ShapeMismatchException($"labels has {labels.Length} entries but there are {sequences.Count} sequences");
        var bags = Bags(sequences);
        var optimizer = new FastAdam(Parameters(), adam ?? new FastAdamConfig { LearningRate = 0.05f });
        var losses = new List<double>(steps);
        for (var step = 0; step < steps; step++)
        {
            this.ZeroGrad();
            var run = Output.Forward(bags, labels.Length);
            var dScores = new float[run.Output.Length];
            losses.Add(FastSoftmaxCrossEntropy.LossAndGradient(run.Output, labels, Classes, dScores));
            Output.Backward(run, dScores, []);
            optimizer.Step();
        }
        return losses;
    }

    /// <summary>P(class | bag) (N, classes) row-major.</summary>
    public float[] Probabilities(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        var scores = Output.Forward(Bags(sequences), sequences.Count).Output;
        for (var n = 0; n < sequences.Count; n++)
            SequenceClassifier.Softmax(scores.AsSpan(n * Classes, Classes));
        return scores;
    }

    /// <summary>The most probable class of each sequence.</summary>
    public int[] Predict(IReadOnlyList<IReadOnlyList<int>> sequences)
    {
        var p = Probabilities(sequences);
        return [.. Enumerable.Range(0, sequences.Count).Select(n => SequenceClassifier.ArgMax(p.AsSpan(n * Classes, Classes)))];
    }

    public override string ToString() => $"BagOfTokensClassifier({Vocabulary} tokens → {Classes} classes)";
}
