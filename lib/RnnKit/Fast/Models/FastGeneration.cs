using RnnKit.Text;

namespace RnnKit.Fast;

/// <summary>
/// What a <see cref="FastLanguageModel"/> computed while reading one sequence (batch 1): the hidden state and, for
/// an LSTM, the cell state after every token, the logits of the next token, and the final state to continue from.
/// </summary>
/// <param name="Steps">T: tokens read.</param>
/// <param name="HiddenSize">H.</param>
/// <param name="Vocabulary">V.</param>
/// <param name="H">h⟨1⟩…h⟨T⟩ (T, H) row-major: row t is the state after reading token t.</param>
/// <param name="C">c⟨1⟩…c⟨T⟩ (T, H) for an LSTM, null for a GRU or an RNN.</param>
/// <param name="Logits">z⟨1⟩…z⟨T⟩ (T, V): row t scores the token that follows token t.</param>
/// <param name="Final">h⟨T⟩ (and c⟨T⟩) as a (1, H) state, to read or generate further from.</param>
public sealed record FastReading(int Steps, int HiddenSize, int Vocabulary, float[] H, float[]? C, float[] Logits, FastState Final)
{
    /// <summary>Hidden unit k over time: h⟨1⟩_k … h⟨T⟩_k.</summary>
    public double[] HiddenUnit(int k) => Column(H, k, "hidden unit");

    /// <summary>Cell-state unit k over time: c⟨1⟩_k … c⟨T⟩_k (LSTM only).</summary>
    public double[] CellUnit(int k) =>
        Column(C ?? throw new InvalidOperationException("only an LSTM has a cell state; this model's recurrent layer has none"), k, "cell unit");

    /// <summary>The logits z⟨t⟩ (V) of the token after token t (0-based).</summary>
    public ReadOnlySpan<float> LogitsAt(int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(t);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(t, Steps);
        return new(Logits, t * Vocabulary, Vocabulary);
    }

    private double[] Column(float[] values, int k, string what)
    {
        if ((uint)k >= (uint)HiddenSize)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"{what} must be in [0, {HiddenSize})");
        var column = new double[Steps];
        for (var t = 0; t < Steps; t++)
            column[t] = values[t * HiddenSize + k];
        return column;
    }
}

/// <summary>
/// Running a trained <see cref="FastLanguageModel"/> on one sequence at a time: <see cref="Read"/> a text (its
/// states and next-token logits), the probabilities it gave to the tokens that really came next (for perplexity),
/// and <see cref="Generate"/> new text from a priming sequence with a temperature.
/// </summary>
public static class FastGeneration
{
    /// <summary>Reads <paramref name="tokens"/> (batch 1) from <paramref name="initial"/> (zeros when null).</summary>
    /// <param name="model">A trained model.</param>
    /// <param name="tokens">T ≥ 1 token ids.</param>
    /// <param name="initial">A state from an earlier reading (its <see cref="FastReading.Final"/>), or null.</param>
    public static FastReading Read(this FastLanguageModel model, IReadOnlyList<int> tokens, FastState? initial = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
            throw new ArgumentException("there is nothing to read: the token list is empty", nameof(tokens));
        return ReadCore(model, [.. tokens], initial, reuse: null).Reading;
    }

    /// <summary>
    /// p(x⟨t+1⟩ | x⟨1⟩…x⟨t⟩) for t = 1…N−1: the probability the model, reading from a zero state, gave to each token
    /// that really came next. Perplexity.Of of these is the model's perplexity on the text.
    /// </summary>
    /// <param name="model">A trained model.</param>
    /// <param name="tokens">N ≥ 2 token ids.</param>
    /// <returns>N − 1 probabilities.</returns>
    public static double[] NextTokenProbabilities(this FastLanguageModel model, IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count < 2)
            throw new ArgumentException($"need at least 2 tokens (one to read, one to predict), got {tokens.Count}", nameof(tokens));
        var reading = model.Read(tokens.Take(tokens.Count - 1).ToArray());
        var probabilities = new double[tokens.Count - 1];
        for (var t = 0; t < probabilities.Length; t++)
            probabilities[t] = TemperatureSampling.Softmax(reading.LogitsAt(t), 1.0)[tokens[t + 1]];
        return probabilities;
    }

    /// <summary>
    /// Generates up to <paramref name="length"/> tokens after <paramref name="prime"/>: the model reads the prime,
    /// then repeatedly draws the next token from softmax(z / T) and reads it.
    /// </summary>
    /// <param name="model">A trained model.</param>
    /// <param name="prime">The priming tokens (at least one), e.g. the first character of a poem.</param>
    /// <param name="length">Most tokens to generate.</param>
    /// <param name="temperature">T &gt; 0, or 0 for greedy decoding (always the most likely token).</param>
    /// <param name="random">Seeded source of the draws (unused when T = 0).</param>
    /// <param name="forbidden">Tokens never generated (their logit is set to −∞), e.g. &lt;unk&gt; and &lt;pad&gt;.</param>
    /// <param name="stop">Called with the tokens generated so far after each one; true stops (that token is kept).</param>
    /// <returns>The generated tokens, without the prime.</returns>
    public static int[] Generate(this FastLanguageModel model, IReadOnlyList<int> prime, int length, double temperature, Random random,
        IReadOnlyCollection<int>? forbidden = null, Func<IReadOnlyList<int>, bool>? stop = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prime);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (prime.Count == 0)
            throw new ArgumentException("generation needs at least one priming token to start from", nameof(prime));
        if (!(temperature >= 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be 0 (greedy) or a positive finite number");
        var vocabulary = model.Config.Vocabulary;
        foreach (var f in forbidden ?? [])
            if ((uint)f >= (uint)vocabulary)
                throw new ArgumentOutOfRangeException(nameof(forbidden), f, $"forbidden token must be in [0, {vocabulary})");

        var (reading, cache) = ReadCore(model, [.. prime], initial: null, reuse: null);
        var logits = reading.LogitsAt(reading.Steps - 1).ToArray();
        var state = reading.Final;
        var generated = new List<int>(length);
        var token = new int[1];
        while (generated.Count < length)
        {
            foreach (var f in forbidden ?? [])
                logits[f] = float.NegativeInfinity;
            token[0] = temperature == 0 ? TemperatureSampling.Argmax(logits) : TemperatureSampling.Sample(logits, temperature, random);
            generated.Add(token[0]);
            if (generated.Count == length || stop?.Invoke(generated) == true)
                break;
            (reading, cache) = ReadCore(model, token, state, cache);
            reading.Logits.CopyTo(logits, 0);
            state = reading.Final;
        }
        return [.. generated];
    }

    /// <summary>One forward pass at batch 1; <paramref name="reuse"/> lends the recurrent layer's buffers (one-token steps).</summary>
    private static (FastReading Reading, FastRecurrentCache Cache) ReadCore(FastLanguageModel model, int[] tokens, FastState? initial, FastRecurrentCache? reuse)
    {
        int steps = tokens.Length, hidden = model.Config.HiddenSize, vocabulary = model.Config.Vocabulary;
        var embedded = model.Embedding.Forward(tokens);
        var recurrent = model.Recurrent.Forward(embedded.Output, steps, batch: 1, initial, reuse);
        var logits = model.Output.Forward(recurrent.Output, steps).Output;
        // Copies: the recurrent buffers are lent to the next one-token step.
        var h = recurrent.Output.ToArray();
        var c = recurrent is FastLstmCache lstm ? lstm.C.AsSpan(hidden, steps * hidden).ToArray() : null;
        var final = new FastState(h.AsSpan((steps - 1) * hidden, hidden).ToArray(), c?.AsSpan((steps - 1) * hidden, hidden).ToArray());
        return (new FastReading(steps, hidden, vocabulary, h, c, logits, final), recurrent);
    }
}
