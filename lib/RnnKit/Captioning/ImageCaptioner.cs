using RnnKit.Fast;

namespace RnnKit.Captioning;

/// <summary>
/// One to many (一对多): image captioning (图像描述) as a language model conditioned on an image. An image encoder,
/// here one linear map of the pixels v = W_I x_img + b_I, hands the image to an LSTM decoder — as its first input
/// (Show and Tell) or as its initial state h⟨0⟩ = tanh(v) — which then writes the caption one word at a time,
/// P(w⟨t⟩ | image, w⟨1⟩ … w⟨t−1⟩) = softmax(W_y h⟨t⟩ + b_y), until &lt;eos&gt;. Trained with teacher forcing by the
/// mean cross-entropy of every word and the end; decoded greedily or by beam search. Float32, the fast layer.
/// </summary>
public sealed class ImageCaptioner : IFastModule
{
    public ImageCaptioner(ImageCaptionerConfig config, Random random)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.ImageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(config.Vocabulary, 2);
        if ((uint)config.BeginToken >= (uint)config.Vocabulary || (uint)config.EndToken >= (uint)config.Vocabulary)
            throw new ArgumentOutOfRangeException(nameof(config), $"BeginToken {config.BeginToken} and EndToken {config.EndToken} must lie in [0, {config.Vocabulary})");
        Config = config;
        if (config.ConvolutionFilters > 0)
        {
            var side = (int)Math.Round(Math.Sqrt(config.ImageSize));
            if (side * side != config.ImageSize)
                throw new ArgumentException($"a convolution needs square images, but ImageSize {config.ImageSize} is not a square", nameof(config));
            Convolution = new ConvolutionFeatures(side, config.ConvolutionFilters, config.ConvolutionGrid, random);
        }
        Image = new FastLinear(Convolution?.OutputSize ?? config.ImageSize, config.Feed == ImageFeed.FirstInput ? config.EmbeddingSize : config.HiddenSize, random);
        Words = new FastEmbedding(config.Vocabulary, config.EmbeddingSize, random);
        Decoder = new FastLstm(config.EmbeddingSize, config.HiddenSize, random);
        Output = new FastLinear(config.HiddenSize, config.Vocabulary, random);
    }

    public ImageCaptionerConfig Config { get; }

    /// <summary>The convolution the image goes through first, or null when the linear map reads the pixels.</summary>
    public ConvolutionFeatures? Convolution { get; }

    /// <summary>The image encoder W_I, b_I: pixels → E (first input) or H (initial state).</summary>
    public FastLinear Image { get; }

    /// <summary>The word vectors (V, E).</summary>
    public FastEmbedding Words { get; }

    public FastLstm Decoder { get; }

    /// <summary>h⟨t⟩ → scores of the next word (V).</summary>
    public FastLinear Output { get; }

    public IEnumerable<FastParameter> Parameters() =>
        [.. Convolution?.Parameters() ?? [], .. Image.Parameters(), .. Words.Parameters(), .. Decoder.Parameters(), .. Output.Parameters()];

    /// <summary>Mean cross-entropy per predicted token (the words and &lt;eos&gt;), and its gradient added into every Grad.</summary>
    /// <param name="images">(B, pixels) row-major.</param>
    /// <param name="captions">B captions of word ids, without &lt;bos&gt; and &lt;eos&gt;.</param>
    public float LossAndGradients(float[] images, IReadOnlyList<IReadOnlyList<int>> captions) => Run(images, captions, backward: true);

    /// <summary>The mean cross-entropy per predicted token, without gradients.</summary>
    public float Loss(float[] images, IReadOnlyList<IReadOnlyList<int>> captions) => Run(images, captions, backward: false);

    /// <summary>One step of training: zero the gradients, backward, clip the global norm, an Adam update.</summary>
    public float TrainStep(float[] images, IReadOnlyList<IReadOnlyList<int>> captions, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.ZeroGrad();
        var loss = LossAndGradients(images, captions);
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return loss;
    }

    private float Run(float[] images, IReadOnlyList<IReadOnlyList<int>> captions, bool backward)
    {
        ArgumentNullException.ThrowIfNull(captions);
        var batch = captions.Count;
        RequireImages(images, batch);
        int e = Config.EmbeddingSize, h = Config.HiddenSize, v = Config.Vocabulary;
        var steps = captions.Max(c => c.Count) + 1;
        var firstInput = Config.Feed == ImageFeed.FirstInput;

        // inputs: t = 0 the image (or <bos>), t ≥ 1 word t; targets: word t + 1, then <eos>
        var tokens = new int[steps * batch];
        var targets = new List<int>();
        var rows = new List<int>();
        for (var b = 0; b < batch; b++)
        {
            var caption = captions[b];
            for (var t = 0; t < steps; t++)
            {
                tokens[t * batch + b] = t == 0 ? Config.BeginToken : t <= caption.Count ? RequireWord(caption[t - 1], b, t - 1) : Config.EndToken;
                if (t <= caption.Count)
                {
                    rows.Add(t * batch + b);
                    targets.Add(t < caption.Count ? caption[t] : Config.EndToken);
                }
            }
        }
        var features = Convolution?.Forward(images, batch);
        var encoded = Image.Forward(features?.Output ?? images, batch);
        var embedded = Words.Forward(tokens);
        var x = embedded.Output.ToArray();
        FastState? initial = null;
        float[] h0 = [];
        if (firstInput)
            encoded.Output.CopyTo(x.AsSpan(0, batch * e));
        else
        {
            h0 = encoded.Output.Select(MathF.Tanh).ToArray();
            initial = new FastState(h0, new float[batch * h]);
        }
        var decoded = Decoder.Forward(x, steps, batch, initial);
        var states = decoded.Output.Span;
        var picked = new float[rows.Count * h];
        for (var n = 0; n < rows.Count; n++)
            states.Slice(rows[n] * h, h).CopyTo(picked.AsSpan(n * h, h));
        var scores = Output.Forward(picked, rows.Count);
        var dScores = new float[scores.Output.Length];
        var loss = FastSoftmaxCrossEntropy.LossAndGradient(scores.Output, targets.ToArray(), v, dScores);
        if (!backward)
            return loss;

        var dPicked = new float[picked.Length];
        Output.Backward(scores, dScores, dPicked);
        var dStates = new float[steps * batch * h];
        for (var n = 0; n < rows.Count; n++)
            dPicked.AsSpan(n * h, h).CopyTo(dStates.AsSpan(rows[n] * h, h));
        var dX = new float[x.Length];
        var dInitial = Decoder.Backward(decoded, dStates, dX);
        var dEncoded = new float[encoded.Output.Length];
        if (firstInput)
        {
            dX.AsSpan(0, batch * e).CopyTo(dEncoded);
            dX.AsSpan(0, batch * e).Clear();
        }
        else
            for (var i = 0; i < dEncoded.Length; i++)
                dEncoded[i] = dInitial.H[i] * (1 - h0[i] * h0[i]);
        Words.Backward(embedded, dX);
        if (features is null)
            Image.Backward(encoded, dEncoded, []);
        else
        {
            var dFeatures = new float[features.Output.Length];
            Image.Backward(encoded, dEncoded, dFeatures);
            Convolution!.Backward(features, dFeatures);
        }
        return loss;
    }

    /// <summary>log P(next word) (B, V) for B states that read <paramref name="input"/>, and the states after it.</summary>
    private (float[] LogProbabilities, FastState State) Step(float[] input, FastState state, int batch)
    {
        var run = Decoder.Forward(input, 1, batch, state);
        var scores = Output.Forward(run.FinalH.ToArray(), batch).Output;
        var v = Config.Vocabulary;
        for (var b = 0; b < batch; b++)
        {
            var row = scores.AsSpan(b * v, v);
            var max = float.NegativeInfinity;
            foreach (var s in row) max = MathF.Max(max, s);
            var sum = 0.0;
            foreach (var s in row) sum += Math.Exp(s - max);
            var log = max + (float)Math.Log(sum);
            for (var k = 0; k < v; k++) row[k] -= log;
        }
        return (scores, new FastState(run.FinalH.ToArray(), run.FinalC.ToArray()));
    }

    /// <summary>
    /// The first decoder input and state for B images: with the image as first input, the decoder has read it and
    /// the first word is predicted from that state; with the image as initial state, the decoder reads &lt;bos&gt;.
    /// </summary>
    private (float[] LogProbabilities, FastState State) First(float[] images, int batch)
    {
        RequireImages(images, batch);
        var h = Config.HiddenSize;
        var encoded = Image.Forward(Convolution?.Forward(images, batch).Output ?? images, batch).Output;
        if (Config.Feed == ImageFeed.FirstInput)
            return Step(encoded, new FastState(new float[batch * h], new float[batch * h]), batch);
        var begin = Words.Forward(Enumerable.Repeat(Config.BeginToken, batch).ToArray()).Output;
        return Step(begin, new FastState(encoded.Select(MathF.Tanh).ToArray(), new float[batch * h]), batch);
    }

    /// <summary>Greedy decoding of B images at once: the most probable word at every step, until &lt;eos&gt; or <paramref name="maxLength"/> words.</summary>
    /// <param name="images">(B, pixels).</param>
    /// <param name="batch">B.</param>
    /// <param name="maxLength">The most words a caption may have.</param>
    public IReadOnlyList<Caption> Greedy(float[] images, int batch, int maxLength = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var v = Config.Vocabulary;
        var (logP, state) = First(images, batch);
        var words = Enumerable.Range(0, batch).Select(_ => new List<int>()).ToArray();
        var total = new double[batch];
        var ended = new bool[batch];
        var done = new bool[batch];
        while (true)
        {
            var next = new int[batch];
            for (var b = 0; b < batch; b++)
            {
                next[b] = SequenceArgMax(logP.AsSpan(b * v, v));
                if (done[b]) continue;
                if (next[b] == Config.EndToken)
                {
                    total[b] += logP[b * v + next[b]];
                    ended[b] = done[b] = true;
                }
                else if (words[b].Count == maxLength)
                    done[b] = true;
                else
                {
                    total[b] += logP[b * v + next[b]];
                    words[b].Add(next[b]);
                }
            }
            if (done.All(d => d)) break;
            (logP, state) = Step(Words.Forward(next).Output, state, batch);
        }
        return [.. Enumerable.Range(0, batch).Select(b => new Caption(words[b], total[b], ended[b]))];
    }

    /// <summary>
    /// Beam search for one image: keeps the <paramref name="width"/> most probable partial captions at every step,
    /// extends each by every word, and returns the most probable caption that ended (or, if none did within
    /// <paramref name="maxLength"/> words, the most probable unfinished one).
    /// </summary>
    /// <param name="image">(pixels).</param>
    /// <param name="width">How many partial captions are kept.</param>
    /// <param name="maxLength">The most words a caption may have.</param>
    public Caption BeamSearch(float[] image, int width = 3, int maxLength = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var v = Config.Vocabulary;
        var (logP, state) = First(image, 1);
        var beams = new List<(List<int> Words, double Score, int Row)> { ([], 0, 0) };
        var finished = new List<Caption>();
        for (var step = 0; step <= maxLength && beams.Count > 0; step++)
        {
            var candidates = new List<(List<int> Words, double Score, int Row, int Word)>();
            foreach (var (words, score, row) in beams)
                for (var w = 0; w < v; w++)
                    candidates.Add((words, score + logP[row * v + w], row, w));
            candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
            var next = new List<(List<int> Words, double Score, int Row, int Word)>();
            foreach (var c in candidates)
            {
                if (next.Count == width) break;
                if (c.Word == Config.EndToken)
                {
                    finished.Add(new Caption(c.Words, c.Score, true));
                    continue;
                }
                if (step < maxLength) next.Add(c);
            }
            if (finished.Count > 0 && (next.Count == 0 || finished.Max(f => f.LogProbability) >= next[0].Score))
                break;
            if (next.Count == 0) break;
            var h = Config.HiddenSize;
            var picked = new FastState(new float[next.Count * h], new float[next.Count * h]);
            for (var k = 0; k < next.Count; k++)
            {
                state.H.AsSpan(next[k].Row * h, h).CopyTo(picked.H.AsSpan(k * h, h));
                state.C!.AsSpan(next[k].Row * h, h).CopyTo(picked.C.AsSpan(k * h, h));
            }
            (logP, state) = Step(Words.Forward([.. next.Select(n => n.Word)]).Output, picked, next.Count);
            beams = [.. next.Select((n, k) => (new List<int>(n.Words) { n.Word }, n.Score, k))];
        }
        if (finished.Count > 0)
            return finished.MaxBy(f => f.LogProbability)!;
        var best = beams.MaxBy(b => b.Score);
        return new Caption(best.Words, best.Score, false);
    }

    /// <summary>log P(caption, &lt;eos&gt; | image) under the model.</summary>
    public double LogProbability(float[] image, IReadOnlyList<int> caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        var (logP, state) = First(image, 1);
        double total = 0;
        for (var t = 0; t <= caption.Count; t++)
        {
            var word = t < caption.Count ? RequireWord(caption[t], 0, t) : Config.EndToken;
            total += logP[word];
            if (t < caption.Count)
                (logP, state) = Step(Words.Forward([word]).Output, state, 1);
        }
        return total;
    }

    private int RequireWord(int word, int b, int t) => (uint)word < (uint)Config.Vocabulary
        ? word
        : throw new ArgumentOutOfRangeException("captions", $"caption {b}, word {t}: id {word} is outside the vocabulary [0, {Config.Vocabulary})");

    private void RequireImages(float[] images, int batch)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Length != batch * Config.ImageSize)
            throw new ShapeMismatchException($"images must have shape (B, pixels) = ({batch}, {Config.ImageSize}) = {batch * Config.ImageSize} values but has {images.Length}");
    }

    private static int SequenceArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var i = 1; i < row.Length; i++)
            if (row[i] > row[best]) best = i;
        return best;
    }

    public override string ToString() => $"ImageCaptioner({Config.ImageSize} pixels, {Config.Feed}, LSTM {Config.EmbeddingSize} → {Config.HiddenSize}, {Config.Vocabulary} words)";
}
