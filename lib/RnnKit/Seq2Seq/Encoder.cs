using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What the encoder gives the decoder.</summary>
/// <param name="Hs">h_1 … h_Tx (keySize, m): the annotations the attention reads.</param>
/// <param name="Summary">One vector per example (keySize, m): h_Tx, or [h→_Tx; h←_1] when bidirectional. It sets the decoder's first state and is the whole context of the plain encoder–decoder.</param>
public sealed record EncoderOutput(IReadOnlyList<Matrix<double>> Hs, Matrix<double> Summary)
{
    public int Length => Hs.Count;
}

/// <summary>The embedding lookups and the recurrent layer's caches (exactly one of the two layer caches is set).</summary>
public readonly record struct EncoderCache(IReadOnlyList<EmbeddingCache> Embeddings, SequenceCache? Unidirectional, BidirectionalCache? Bidirectional);

/// <summary>
/// Source ids → embeddings → a uni- or bidirectional recurrent layer. The summary is read off the layer's outputs
/// (not its final state), so its gradient flows back through the same path as the annotations'.
/// </summary>
public sealed class Encoder : IModule
{
    private readonly RecurrentLayer? _unidirectional;
    private readonly BidirectionalLayer? _bidirectional;

    public Encoder(int vocabSize, int embeddingSize, int hiddenSize, CellKind cell, bool bidirectional, Random random)
    {
        Embedding = new Embedding(vocabSize, embeddingSize, random);
        if (bidirectional)
            _bidirectional = new BidirectionalLayer(
                RecurrentCells.Create(cell, embeddingSize, hiddenSize, random),
                RecurrentCells.Create(cell, embeddingSize, hiddenSize, random));
        else
            _unidirectional = new RecurrentLayer(RecurrentCells.Create(cell, embeddingSize, hiddenSize, random));
        HiddenSize = hiddenSize;
    }

    public Embedding Embedding { get; }

    /// <summary>Hidden units per direction.</summary>
    public int HiddenSize { get; }

    public bool IsBidirectional => _bidirectional is not null;

    /// <summary>Rows of each h_i and of the summary.</summary>
    public int OutputSize => IsBidirectional ? 2 * HiddenSize : HiddenSize;

    public IEnumerable<Parameter> Parameters() =>
        [.. Embedding.Parameters(), .. ((IModule?)_unidirectional ?? _bidirectional!).Parameters()];

    /// <summary>source [Tx][m] token ids (time-major) → h_1 … h_Tx and the summary, each (OutputSize, m).</summary>
    public (EncoderOutput Output, EncoderCache Cache) Forward(IReadOnlyList<IReadOnlyList<int>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count == 0) throw new ArgumentException("the source sequence is empty; it needs at least one token", nameof(source));
        var embedded = source.Select(Embedding.Forward).ToList();
        var xs = embedded.Select(e => e.X).ToList();
        var embeddings = embedded.Select(e => e.Cache).ToList();
        if (_bidirectional is not null)
        {
            var (output, cache) = _bidirectional.Forward(xs);
            var summary = Columns.Stack(output.FinalForward.H, output.FinalBackward.H);
            return (new EncoderOutput(output.Ys, summary), new EncoderCache(embeddings, null, cache));
        }
        var (sequence, sequenceCache) = _unidirectional!.Forward(xs);
        return (new EncoderOutput(sequence.Hs, sequence.Last), new EncoderCache(embeddings, sequenceCache, null));
    }

    /// <summary>
    /// BPTT from ∂L/∂h_i (null entries where none arrives) and ∂L/∂summary; adds into every encoder Grad.
    /// </summary>
    public void Backward(IReadOnlyList<Matrix<double>?> dHs, Matrix<double>? dSummary, EncoderCache cache)
    {
        ArgumentNullException.ThrowIfNull(dHs);
        var steps = cache.Embeddings.Count;
        if (dHs.Count != steps)
            throw new ArgumentException($"got gradients for {dHs.Count} encoder states but the source has {steps}", nameof(dHs));
        var batch = cache.Embeddings[0].Ids.Count;
        var upstream = dHs.ToArray();
        if (dSummary is not null)
        {
            Shape.Require(dSummary, OutputSize, batch, "gradient of the encoder summary");
            // the summary is h→ at the last step (top half) and h← at the first step (bottom half)
            var top = IsBidirectional ? dSummary.SubMatrix(0, HiddenSize, 0, batch) : dSummary;
            upstream[^1] = Add(upstream[^1], Pad(top, 0, batch));
            if (IsBidirectional)
                upstream[0] = Add(upstream[0], Pad(dSummary.SubMatrix(HiddenSize, HiddenSize, 0, batch), HiddenSize, batch));
        }
        var dxs = _bidirectional is not null
            ? _bidirectional.Backward(upstream, cache.Bidirectional!.Value).Dxs
            : _unidirectional!.Backward(upstream, cache.Unidirectional!.Value).Dxs;
        for (var t = 0; t < steps; t++)
            Embedding.Accumulate(Embedding.Backward(dxs[t], cache.Embeddings[t]));
    }

    /// <summary>Places a (HiddenSize, m) block at row <paramref name="row"/> of an (OutputSize, m) zero matrix.</summary>
    private Matrix<double> Pad(Matrix<double> block, int row, int batch)
    {
        if (!IsBidirectional) return block;
        var full = Matrix<double>.Build.Dense(OutputSize, batch);
        full.SetSubMatrix(row, 0, block);
        return full;
    }

    private static Matrix<double> Add(Matrix<double>? a, Matrix<double> b) => a is null ? b : a + b;

    public override string ToString() =>
        $"Encoder({(IsBidirectional ? "bidirectional " : "")}{HiddenSize} hidden, embedding {Embedding.EmbeddingSize})";
}
