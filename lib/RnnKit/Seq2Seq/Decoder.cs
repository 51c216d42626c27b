using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>What one decoder step produced.</summary>
/// <param name="Logits">Scores of the next token (targetVocab, m), before softmax.</param>
/// <param name="State">z⟨t⟩ (and c⟨t⟩ for an LSTM) (decoderSize, m).</param>
/// <param name="Weights">α⟨t⟩ (Tx, m), the attention over the source; null without attention.</param>
public sealed record DecoderStepOutput(Matrix<double> Logits, RecurrentState State, Matrix<double>? Weights);

/// <summary>What one decoder step keeps for its backward pass.</summary>
/// <param name="Embedding">The previous tokens y⟨t−1⟩ looked up.</param>
/// <param name="Attention">The attention's cache; null for the plain encoder–decoder (its context is the summary).</param>
/// <param name="Cell">The recurrent cell's step cache.</param>
/// <param name="Readout">The readout's input [z⟨t⟩; c⟨t⟩] (or z⟨t⟩).</param>
/// <param name="Batch">m.</param>
public readonly record struct DecoderStepCache(EmbeddingCache Embedding, AttentionCache? Attention, IStepCache Cell, LinearCache Readout, int Batch);

/// <summary>Gradients one decoder step sends back: to the previous state, to the encoder states, to the summary.</summary>
/// <param name="DPrevious">∂L/∂z⟨t−1⟩ (and c⟨t−1⟩).</param>
/// <param name="DHs">∂L/∂h_i (keySize, m) through the attention; null without attention.</param>
/// <param name="DSummary">∂L/∂summary (keySize, m) when the summary is the context; null with attention.</param>
public sealed record DecoderStepGrads(RecurrentState DPrevious, IReadOnlyList<Matrix<double>>? DHs, Matrix<double>? DSummary);

/// <summary>What the bridge z⟨0⟩ = tanh(Wb·summary + bb) keeps.</summary>
public readonly record struct BridgeCache(LinearCache Linear, Matrix<double> Z0);

/// <summary>
/// The decoder of an encoder–decoder, one step at a time (so training, greedy decoding and beam search share it):
/// <code>
/// z⟨0⟩ = tanh(Wb·s + bb)                   the bridge from the encoder summary s (c⟨0⟩ = 0 for an LSTM)
/// c⟨t⟩ = Σ_i α⟨t⟩_i h_i, α⟨t⟩ = softmax(score(z⟨t−1⟩, h_i))   attention (or c⟨t⟩ = s without it)
/// z⟨t⟩ = cell([emb(y⟨t−1⟩); c⟨t⟩], z⟨t−1⟩)
/// logits⟨t⟩ = Wy·[z⟨t⟩; c⟨t⟩] + by
/// </code>
/// The decoder state z that produced a token is the query of the next step's attention. Which of the two
/// concatenations happen is set by <see cref="Seq2SeqConfig.ContextIntoInput"/> and <see cref="Seq2SeqConfig.ContextIntoOutput"/>.
/// </summary>
public sealed class Decoder : IModule
{
    public Decoder(Seq2SeqConfig config, Random random)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        var keySize = config.KeySize;
        Embedding = new Embedding(config.TargetVocab, config.EmbeddingSize, random);
        Bridge = new Linear(keySize, config.DecoderSize, random, "Wb", "bb");
        var cellInput = config.EmbeddingSize + (config.ContextIntoInput ? keySize : 0);
        Cell = RecurrentCells.Create(config.Cell, cellInput, config.DecoderSize, random);
        if (config.Attention is { } kind)
            Attention = new Attention(AttentionScores.Create(kind, config.DecoderSize, keySize, config.AttentionSize, random));
        Readout = new Linear(config.DecoderSize + (config.ContextIntoOutput ? keySize : 0), config.TargetVocab, random, "Wy", "by");
    }

    public Seq2SeqConfig Config { get; }

    /// <summary>The target embedding (embeddingSize, targetVocab).</summary>
    public Embedding Embedding { get; }

    /// <summary>Wb (decoderSize, keySize), bb: encoder summary → first decoder state.</summary>
    public Linear Bridge { get; }

    public IRecurrentCell Cell { get; }

    /// <summary>Null for the plain encoder–decoder.</summary>
    public Attention? Attention { get; }

    /// <summary>Wy (targetVocab, decoderSize [+ keySize]), by.</summary>
    public Linear Readout { get; }

    public IEnumerable<Parameter> Parameters() =>
        [.. Embedding.Parameters(), .. Bridge.Parameters(), .. Cell.Parameters(), .. Attention?.Parameters() ?? [], .. Readout.Parameters()];

    /// <summary>summary (keySize, m) → the first state z⟨0⟩ = tanh(Wb·summary + bb) (decoderSize, m).</summary>
    public (RecurrentState State, BridgeCache Cache) Start(Matrix<double> summary)
    {
        Shape.RequireRows(summary, Config.KeySize, "encoder summary");
        var (pre, linear) = Bridge.Forward(summary);
        var z0 = Activations.Tanh(pre);
        var state = new RecurrentState(z0, Cell.HasCellState ? Matrix<double>.Build.Dense(z0.RowCount, z0.ColumnCount) : null);
        return (state, new BridgeCache(linear, z0));
    }

    /// <summary>∂L/∂z⟨0⟩ → ∂L/∂summary; adds into Wb and bb's Grads. (c⟨0⟩ is a constant zero.)</summary>
    public Matrix<double> StartBackward(RecurrentState dState, BridgeCache cache)
    {
        Shape.RequireSame(dState.H, "gradient of z⟨0⟩", cache.Z0, "z⟨0⟩");
        var grads = Bridge.Backward(dState.H.PointwiseMultiply(Columns.OneMinusSquare(cache.Z0)), cache.Linear);
        Bridge.Accumulate(grads);
        return grads.Dx;
    }

    /// <summary>One step: previous tokens y⟨t−1⟩ (m ids), state z⟨t−1⟩ (decoderSize, m) and the encoder's output.</summary>
    public (DecoderStepOutput Output, DecoderStepCache Cache) Step(IReadOnlyList<int> previousTokens, RecurrentState previous, EncoderOutput encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var batch = previousTokens.Count;
        Shape.Require(previous.H, Config.DecoderSize, batch, "previous decoder state z");
        Shape.Require(encoder.Summary, Config.KeySize, batch, "encoder summary");
        var (embedded, embeddingCache) = Embedding.Forward(previousTokens);

        Matrix<double> context;
        Matrix<double>? weights = null;
        AttentionCache? attentionCache = null;
        if (Attention is not null)
        {
            var (attended, cache) = Attention.Forward(previous.H, encoder.Hs);
            (context, weights, attentionCache) = (attended.Context, attended.Weights, cache);
        }
        else
        {
            context = encoder.Summary;
        }

        var x = Config.ContextIntoInput ? Columns.Stack(embedded, context) : embedded;
        var (state, cellCache) = Cell.Step(x, previous);
        var readoutInput = Config.ContextIntoOutput ? Columns.Stack(state.H, context) : state.H;
        var (logits, readoutCache) = Readout.Forward(readoutInput);
        return (new DecoderStepOutput(logits, state, weights),
            new DecoderStepCache(embeddingCache, attentionCache, cellCache, readoutCache, batch));
    }

    /// <summary>
    /// Backward of one step from ∂L/∂logits⟨t⟩ (targetVocab, m) and ∂L/∂state⟨t⟩ arriving from later steps.
    /// Adds into the Grads of the embedding, cell, attention and readout.
    /// </summary>
    public DecoderStepGrads StepBackward(Matrix<double> dLogits, RecurrentState dState, DecoderStepCache cache)
    {
        var batch = cache.Batch;
        var decoderSize = Config.DecoderSize;
        var keySize = Config.KeySize;
        Shape.Require(dLogits, Config.TargetVocab, batch, "gradient of the decoder logits");
        Shape.Require(dState.H, decoderSize, batch, "gradient of the decoder state z");

        var readout = Readout.Backward(dLogits, cache.Readout);
        Readout.Accumulate(readout);
        var dz = readout.Dx.SubMatrix(0, decoderSize, 0, batch);
        var dContext = Config.ContextIntoOutput
            ? readout.Dx.SubMatrix(decoderSize, keySize, 0, batch)
            : Matrix<double>.Build.Dense(keySize, batch);

        var cell = Cell.StepBackward(dState with { H = dState.H + dz }, cache.Cell);
        var embeddingSize = Config.EmbeddingSize;
        var dEmbedded = cell.Dx.SubMatrix(0, embeddingSize, 0, batch);
        if (Config.ContextIntoInput)
            dContext += cell.Dx.SubMatrix(embeddingSize, keySize, 0, batch);
        Embedding.Accumulate(Embedding.Backward(dEmbedded, cache.Embedding));

        if (Attention is null || cache.Attention is not { } attentionCache)
            return new DecoderStepGrads(cell.DPrevious, null, dContext);
        var attention = Attention.Backward(dContext, attentionCache);
        Attention.Accumulate(attention);
        var dPrevious = cell.DPrevious with { H = cell.DPrevious.H + attention.Dz };
        return new DecoderStepGrads(dPrevious, attention.Dhs, null);
    }

    public override string ToString() =>
        $"Decoder({Cell}, {(Attention is null ? "no attention" : Attention.ToString())}, readout {Readout.InputSize} → {Readout.OutputSize})";
}
