namespace RnnKit.Fast;

/// <summary>
/// Many to one with a number as the answer: a recurrent reader pools a sequence into one vector s (its last state or
/// the mean of its states) and a linear layer maps it to one value, ŷ = w_yᵀ s + b_y, trained by the mean squared
/// error (均方误差) L = (1/B) Σ_b (ŷ_b − y_b)². A forecaster reading a window of a time series is one.
/// </summary>
public sealed class SequenceRegressor : IFastModule
{
    /// <param name="inputSize">I: the features of one step.</param>
    /// <param name="hiddenSize">H per direction and layer.</param>
    /// <param name="layers">Stacked recurrent layers.</param>
    /// <param name="bidirectional">Whether every layer reads both ways.</param>
    /// <param name="cell">LSTM, GRU or tanh RNN.</param>
    /// <param name="pooling">The last state or the mean of the states.</param>
    /// <param name="random">Initial weights.</param>
    public SequenceRegressor(int inputSize, int hiddenSize, int layers, bool bidirectional, CellKind cell, SequencePooling pooling, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Pooling = pooling;
        Encoder = new RecurrentEncoder(inputSize, hiddenSize, layers, bidirectional, cell, random);
        Output = new FastLinear(Encoder.OutputSize, 1, random);
    }

    public SequencePooling Pooling { get; }

    public RecurrentEncoder Encoder { get; }

    /// <summary>s (F) → ŷ.</summary>
    public FastLinear Output { get; }

    public IEnumerable<FastParameter> Parameters() => [.. Encoder.Parameters(), .. Output.Parameters()];

    /// <summary>ŷ for every sequence of a batch of feature vectors.</summary>
    public float[] Predict(SequenceBatch batch) => Forward(batch).Output.Output;

    /// <summary>The mean squared error over the batch, and its gradient added into every Grad.</summary>
    /// <param name="batch">Sequences of feature vectors.</param>
    /// <param name="targets">y, one per sequence.</param>
    public float LossAndGradients(SequenceBatch batch, float[] targets) => Loss(batch, targets, backward: true);

    /// <summary>The mean squared error, without gradients.</summary>
    public float Loss(SequenceBatch batch, float[] targets) => Loss(batch, targets, backward: false);

    /// <summary>One step of training: zero the gradients, backward, clip the global norm, an Adam update.</summary>
    public float TrainStep(SequenceBatch batch, float[] targets, FastAdam optimizer, float maxNorm = 5)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        this.ZeroGrad();
        var loss = LossAndGradients(batch, targets);
        FastGradientClipping.ClipGlobalNorm(Parameters(), maxNorm);
        optimizer.Step();
        return loss;
    }

    private float Loss(SequenceBatch batch, float[] targets, bool backward)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != batch.Batch)
            throw new ShapeMismatchException($"targets has {targets.Length} entries but the batch has {batch.Batch} sequences");
        var (run, pooled, output) = Forward(batch);
        var b = batch.Batch;
        double total = 0;
        var dOutput = new float[b];
        for (var i = 0; i < b; i++)
        {
            var error = output.Output[i] - targets[i];
            total += (double)error * error;
            dOutput[i] = 2 * error / b;
        }
        if (backward)
        {
            var dPooled = new float[pooled.Length];
            Output.Backward(output, dOutput, dPooled);
            Encoder.Backward(run, Encoder.PoolBackward(run, Pooling, dPooled), []);
        }
        return (float)(total / b);
    }

    private (RecurrentEncoderRun Run, float[] Pooled, FastLinearCache Output) Forward(SequenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Features is null || batch.FeatureSize != Encoder.InputSize)
            throw new ArgumentException($"this regressor reads feature vectors of size {Encoder.InputSize}, but the batch holds " +
                                        (batch.Features is null ? "token ids" : $"vectors of size {batch.FeatureSize}"), nameof(batch));
        var run = Encoder.Forward(batch.Features, batch.Steps, batch.Lengths);
        var pooled = Encoder.Pool(run, Pooling);
        return (run, pooled, Output.Forward(pooled, batch.Batch));
    }

    public override string ToString() => $"SequenceRegressor({Encoder}, {Pooling} → 1 value)";
}
