namespace RnnKit.Fast;

/// <summary>
/// What <see cref="RecurrentEncoder.Forward"/> computed: the states of the top layer, position by position, and
/// every layer's caches for the backward pass.
/// </summary>
/// <param name="Steps">T.</param>
/// <param name="Lengths">Each sequence's length; positions past it are zero in <paramref name="Output"/>.</param>
/// <param name="Output">The top layer's states (T, B, F), F = H, or 2H = [h→; h←] when bidirectional.</param>
/// <param name="Layers">Per layer, bottom first: its input (T, B, ·) and its caches (Backwards null when uni-directional).</param>
public sealed record RecurrentEncoderRun(int Steps, int[] Lengths, float[] Output, IReadOnlyList<RecurrentEncoderLayerRun> Layers)
{
    /// <summary>B.</summary>
    public int Batch => Lengths.Length;
}

/// <summary>One layer's part of a <see cref="RecurrentEncoderRun"/>.</summary>
public sealed record RecurrentEncoderLayerRun(FastRecurrentCache Forwards, FastRecurrentCache? Backwards);

/// <summary>How an N:1 reader turns the states of a sequence into one vector.</summary>
public enum SequencePooling
{
    /// <summary>The state after the last position (bidirectional: h→ after the last, h← after the first).</summary>
    Last,

    /// <summary>The mean of the states over the sequence's own positions (the padding left out).</summary>
    Mean,
}

/// <summary>
/// A stack of fast recurrent layers over a padded batch, optionally bidirectional (Graves et al.'s deep
/// bidirectional RNN): layer 1 reads the input, layer l reads the states of layer l − 1. A bidirectional layer runs a
/// second layer over each sequence reversed within its own length and concatenates the two states of every
/// position, [h→⟨t⟩; h←⟨t⟩], so the padding at the end is never read before a real position in either direction.
/// </summary>
public sealed class RecurrentEncoder : IFastModule
{
    /// <param name="inputSize">I.</param>
    /// <param name="hiddenSize">H, per direction and layer.</param>
    /// <param name="layers">How many layers are stacked (≥ 1).</param>
    /// <param name="bidirectional">Whether every layer reads both ways.</param>
    /// <param name="cell">LSTM, GRU or tanh RNN.</param>
    /// <param name="random">Initial weights.</param>
    public RecurrentEncoder(int inputSize, int hiddenSize, int layers, bool bidirectional, CellKind cell, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hiddenSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        IsBidirectional = bidirectional;
        var forwards = new List<IFastRecurrentLayer>();
        var backwards = new List<IFastRecurrentLayer>();
        for (var l = 0; l < layers; l++)
        {
            var input = l == 0 ? inputSize : OutputSize;
            forwards.Add(NewLayer(cell, input, hiddenSize, random));
            if (bidirectional)
                backwards.Add(NewLayer(cell, input, hiddenSize, random));
        }
        Forwards = forwards;
        Backwards = backwards;
    }

    /// <summary>I.</summary>
    public int InputSize { get; }

    /// <summary>H per direction.</summary>
    public int HiddenSize { get; }

    public bool IsBidirectional { get; }

    public int LayerCount => Forwards.Count;

    /// <summary>F: the size of one position's output, H or 2H.</summary>
    public int OutputSize => IsBidirectional ? 2 * HiddenSize : HiddenSize;

    /// <summary>The left-to-right layers, bottom first.</summary>
    public IReadOnlyList<IFastRecurrentLayer> Forwards { get; }

    /// <summary>The right-to-left layers, bottom first; empty when uni-directional.</summary>
    public IReadOnlyList<IFastRecurrentLayer> Backwards { get; }

    public IEnumerable<FastParameter> Parameters() => [.. Forwards.SelectMany(l => l.Parameters()), .. Backwards.SelectMany(l => l.Parameters())];

    /// <summary>The fast layer of a cell kind.</summary>
    /// <exception cref="ArgumentException">A kind the fast layer does not have (ReLU RNN).</exception>
    public static IFastRecurrentLayer NewLayer(CellKind cell, int inputSize, int hiddenSize, Random random) => cell switch
    {
        CellKind.Lstm => new FastLstm(inputSize, hiddenSize, random),
        CellKind.Gru => new FastGru(inputSize, hiddenSize, random),
        CellKind.RnnTanh => new FastRnn(inputSize, hiddenSize, random),
        _ => throw new ArgumentException($"the fast layer has no {cell.Name()} cell; expected lstm, gru or rnn_tanh", nameof(cell)),
    };

    /// <summary>Runs every layer over the batch.</summary>
    /// <param name="x">(T, B, I); what lies past a sequence's end is ignored.</param>
    /// <param name="steps">T.</param>
    /// <param name="lengths">Each sequence's length, 1 … T.</param>
    public RecurrentEncoderRun Forward(ReadOnlyMemory<float> x, int steps, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var batch = lengths.Length;
        if (x.Length != steps * batch * InputSize)
            throw new ShapeMismatchException($"x must have shape (T, B, I) = ({steps}, {batch}, {InputSize}) = {steps * batch * InputSize} values but has {x.Length}");
        for (var b = 0; b < batch; b++)
            if (lengths[b] < 1 || lengths[b] > steps)
                throw new ArgumentOutOfRangeException(nameof(lengths), $"sequence {b} has length {lengths[b]}, outside 1 … T = {steps}");
        var runs = new List<RecurrentEncoderLayerRun>();
        var input = x;
        float[] output = [];
        for (var l = 0; l < LayerCount; l++)
        {
            var forwards = Forwards[l].Forward(input, steps, batch);
            FastRecurrentCache? backwards = null;
            output = new float[steps * batch * OutputSize];
            if (IsBidirectional)
            {
                var width = l == 0 ? InputSize : OutputSize;
                backwards = Backwards[l].Forward(Reverse(input.Span, steps, lengths, width), steps, batch);
            }
            var f = forwards.Output.Span;
            var r = backwards is null ? default : backwards.Output.Span;
            int h = HiddenSize, o = OutputSize;
            for (var b = 0; b < batch; b++)
                for (var t = 0; t < lengths[b]; t++)
                {
                    f.Slice((t * batch + b) * h, h).CopyTo(output.AsSpan((t * batch + b) * o, h));
                    if (backwards is not null)
                        r.Slice(((lengths[b] - 1 - t) * batch + b) * h, h).CopyTo(output.AsSpan((t * batch + b) * o + h, h));
                }
            runs.Add(new RecurrentEncoderLayerRun(forwards, backwards));
            input = output;
        }
        return new RecurrentEncoderRun(steps, lengths, output, runs);
    }

    /// <summary>Backpropagates ∂L/∂output through every layer; adds into the parameters' Grad.</summary>
    /// <param name="run">From <see cref="Forward"/>.</param>
    /// <param name="dOutput">(T, B, F); values past a sequence's end are ignored.</param>
    /// <param name="dX">Receives ∂L/∂x (T, B, I); empty to skip.</param>
    public void Backward(RecurrentEncoderRun run, ReadOnlySpan<float> dOutput, Span<float> dX)
    {
        ArgumentNullException.ThrowIfNull(run);
        int steps = run.Steps, batch = run.Batch, h = HiddenSize, o = OutputSize;
        if (dOutput.Length != steps * batch * o)
            throw new ShapeMismatchException($"dOutput must have shape (T, B, F) = ({steps}, {batch}, {o}) but has {dOutput.Length} values");
        if (!dX.IsEmpty && dX.Length != steps * batch * InputSize)
            throw new ShapeMismatchException($"dX must have shape (T, B, I) = ({steps}, {batch}, {InputSize}) but has {dX.Length} values");
        var dAbove = dOutput.ToArray();
        for (var l = LayerCount - 1; l >= 0; l--)
        {
            var width = l == 0 ? InputSize : o;
            var wantInput = l > 0 || !dX.IsEmpty;
            var dForwards = new float[steps * batch * h];
            var dBackwards = IsBidirectional ? new float[steps * batch * h] : null;
            for (var b = 0; b < batch; b++)
                for (var t = 0; t < run.Lengths[b]; t++)
                {
                    dAbove.AsSpan((t * batch + b) * o, h).CopyTo(dForwards.AsSpan((t * batch + b) * h, h));
                    if (dBackwards is not null)
                        dAbove.AsSpan((t * batch + b) * o + h, h).CopyTo(dBackwards.AsSpan(((run.Lengths[b] - 1 - t) * batch + b) * h, h));
                }
            var dInput = wantInput ? new float[steps * batch * width] : [];
            Forwards[l].Backward(run.Layers[l].Forwards, dForwards, dInput);
            if (dBackwards is not null)
            {
                var dReversed = wantInput ? new float[steps * batch * width] : [];
                Backwards[l].Backward(run.Layers[l].Backwards!, dBackwards, dReversed);
                if (wantInput)
                {
                    var unreversed = Reverse(dReversed, steps, run.Lengths, width);
                    for (var i = 0; i < dInput.Length; i++) dInput[i] += unreversed[i];
                }
            }
            if (l > 0)
                dAbove = dInput;
            else if (!dX.IsEmpty)
                dInput.CopyTo(dX);
        }
    }

    /// <summary>One vector per sequence (B, F) from the top layer's states.</summary>
    public float[] Pool(RecurrentEncoderRun run, SequencePooling pooling)
    {
        ArgumentNullException.ThrowIfNull(run);
        int batch = run.Batch, o = OutputSize, h = HiddenSize;
        var pooled = new float[batch * o];
        for (var b = 0; b < batch; b++)
        {
            var into = pooled.AsSpan(b * o, o);
            var length = run.Lengths[b];
            if (pooling == SequencePooling.Last)
            {
                run.Output.AsSpan(((length - 1) * batch + b) * o, h).CopyTo(into[..h]);
                if (IsBidirectional)
                    run.Output.AsSpan(b * o + h, h).CopyTo(into[h..]);
            }
            else
            {
                for (var t = 0; t < length; t++)
                {
                    var state = run.Output.AsSpan((t * batch + b) * o, o);
                    for (var k = 0; k < o; k++) into[k] += state[k];
                }
                for (var k = 0; k < o; k++) into[k] /= length;
            }
        }
        return pooled;
    }

    /// <summary>∂L/∂output (T, B, F) from ∂L/∂pooled (B, F): the inverse routing of <see cref="Pool"/>.</summary>
    public float[] PoolBackward(RecurrentEncoderRun run, SequencePooling pooling, ReadOnlySpan<float> dPooled)
    {
        ArgumentNullException.ThrowIfNull(run);
        int batch = run.Batch, o = OutputSize, h = HiddenSize;
        if (dPooled.Length != batch * o)
            throw new ShapeMismatchException($"dPooled must have shape (B, F) = ({batch}, {o}) but has {dPooled.Length} values");
        var dOutput = new float[run.Steps * batch * o];
        for (var b = 0; b < batch; b++)
        {
            var from = dPooled.Slice(b * o, o);
            var length = run.Lengths[b];
            if (pooling == SequencePooling.Last)
            {
                from[..h].CopyTo(dOutput.AsSpan(((length - 1) * batch + b) * o, h));
                if (IsBidirectional)
                    from[h..].CopyTo(dOutput.AsSpan(b * o + h, h));
            }
            else
                for (var t = 0; t < length; t++)
                {
                    var into = dOutput.AsSpan((t * batch + b) * o, o);
                    for (var k = 0; k < o; k++) into[k] = from[k] / length;
                }
        }
        return dOutput;
    }

    /// <summary>Each sequence reversed within its own length; positions past its end stay zero.</summary>
    private static float[] Reverse(ReadOnlySpan<float> x, int steps, int[] lengths, int width)
    {
        var batch = lengths.Length;
        var reversed = new float[steps * batch * width];
        for (var b = 0; b < batch; b++)
            for (var t = 0; t < lengths[b]; t++)
                x.Slice((t * batch + b) * width, width).CopyTo(reversed.AsSpan(((lengths[b] - 1 - t) * batch + b) * width, width));
        return reversed;
    }

    public override string ToString() =>
        $"RecurrentEncoder({Forwards[0].Kind.Name()}, {LayerCount} layer(s), {(IsBidirectional ? "bidirectional" : "uni-directional")}, {InputSize} → {OutputSize})";
}
