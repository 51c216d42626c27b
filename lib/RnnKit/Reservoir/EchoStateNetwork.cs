using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// An echo-state network (回声状态网络): a fixed random recurrent reservoir driven by the input,
/// x⟨t⟩ = (1 − α)·x⟨t−1⟩ + α·tanh(W·x⟨t−1⟩ + Win·u⟨t⟩ + b), and a linear readout y⟨t⟩ = Wout·[1; u⟨t⟩; x⟨t⟩], the only
/// trained part, fitted by ridge regression. Sequences are matrices with one column per time step:
/// u (inputSize, T), x (reservoirSize, T), y (outputSize, T).
/// </summary>
public sealed class EchoStateNetwork
{
    /// <summary>A reservoir drawn from <paramref name="random"/>: Win, then W (scaled to the configured ρ), then b.</summary>
    public EchoStateNetwork(int inputSize, int outputSize, EchoStateConfig config, Random random)
    {
        CellInit.RequirePositive(inputSize, nameof(inputSize));
        CellInit.RequirePositive(outputSize, nameof(outputSize));
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(random);
        CellInit.RequirePositive(config.ReservoirSize, nameof(config.ReservoirSize));
        HyperParameter.Positive(config.InputScale, nameof(config.InputScale));
        if (config.LeakRate is not (> 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(config), config.LeakRate, $"LeakRate must be in (0, 1] but is {config.LeakRate}");
        if (config.Washout < 0)
            throw new ArgumentOutOfRangeException(nameof(config), config.Washout, $"Washout must be ≥ 0 but is {config.Washout}");
        InputSize = inputSize;
        OutputSize = outputSize;
        Config = config;
        var n = config.ReservoirSize;
        Win = CellInit.Uniform(n, inputSize, config.InputScale, random);
        W = Initialisers.EchoState(n, config.SpectralRadius, random, config.Density);
        Bias = CellInit.Uniform(n, 1, config.BiasScale, random);
    }

    /// <summary>A reservoir drawn from System.Random(seed).</summary>
    public EchoStateNetwork(int inputSize, int outputSize, EchoStateConfig? config = null, int seed = CellInit.DefaultSeed)
        : this(inputSize, outputSize, config ?? new EchoStateConfig(), new Random(seed))
    {
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    public EchoStateConfig Config { get; }

    public int ReservoirSize => Config.ReservoirSize;

    /// <summary>Win (reservoirSize, inputSize), fixed.</summary>
    public Matrix<double> Win { get; }

    /// <summary>W (reservoirSize, reservoirSize), fixed, spectral radius <see cref="EchoStateConfig.SpectralRadius"/>.</summary>
    public Matrix<double> W { get; }

    /// <summary>b (reservoirSize, 1), fixed.</summary>
    public Matrix<double> Bias { get; }

    /// <summary>Wout (outputSize, 1 + inputSize + reservoirSize) after <see cref="Fit"/>; null before.</summary>
    public Matrix<double>? Wout { get; private set; }

    /// <summary>One reservoir step: x⟨t−1⟩ (reservoirSize, 1), u⟨t⟩ (inputSize, 1) → x⟨t⟩.</summary>
    public Matrix<double> Step(Matrix<double> state, Matrix<double> input)
    {
        Shape.Require(state, ReservoirSize, 1, "reservoir state");
        Shape.Require(input, InputSize, 1, "input u");
        var alpha = Config.LeakRate;
        var update = Activations.Tanh(W * state + Win * input + Bias);
        return alpha == 1 ? update : (1 - alpha) * state + alpha * update;
    }

    /// <summary>Drives the reservoir with u (inputSize, T) from <paramref name="initial"/> (zeros if null); returns x (reservoirSize, T).</summary>
    public Matrix<double> Run(Matrix<double> inputs, Matrix<double>? initial = null)
    {
        Shape.RequireRows(inputs, InputSize, "inputs u");
        var states = Matrix<double>.Build.Dense(ReservoirSize, inputs.ColumnCount);
        var x = initial ?? Matrix<double>.Build.Dense(ReservoirSize, 1);
        for (var t = 0; t < inputs.ColumnCount; t++)
        {
            x = Step(x, inputs.SubMatrix(0, InputSize, t, 1));
            states.SetColumn(t, x.Column(0));
        }
        return states;
    }

    /// <summary>The readout's features [1; u⟨t⟩; x⟨t⟩], (1 + inputSize + reservoirSize, T).</summary>
    public Matrix<double> Features(Matrix<double> inputs, Matrix<double> states)
    {
        Shape.RequireRows(inputs, InputSize, "inputs u");
        Shape.Require(states, ReservoirSize, inputs.ColumnCount, "reservoir states x");
        var ones = Matrix<double>.Build.Dense(1, inputs.ColumnCount, 1.0);
        return ones.Stack(inputs).Stack(states);
    }

    /// <summary>
    /// Teacher-forced training: drives the reservoir with u (inputSize, T), drops the first
    /// <see cref="EchoStateConfig.Washout"/> steps and fits Wout to y (outputSize, T) by ridge regression.
    /// Returns the reservoir states of the whole run (for plots).
    /// </summary>
    public Matrix<double> Fit(Matrix<double> inputs, Matrix<double> targets)
    {
        Shape.Require(targets, OutputSize, inputs.ColumnCount, "targets y");
        var washout = Config.Washout;
        if (washout >= inputs.ColumnCount)
            throw new ArgumentException($"the run has {inputs.ColumnCount} steps, not more than the washout of {washout}", nameof(inputs));
        var states = Run(inputs);
        var kept = inputs.ColumnCount - washout;
        var features = Features(inputs, states).SubMatrix(0, 1 + InputSize + ReservoirSize, washout, kept);
        Wout = RidgeRegression.Solve(features, targets.SubMatrix(0, OutputSize, washout, kept), Config.Ridge);
        return states;
    }

    /// <summary>The readout of given features: Wout·[1; u; x] (outputSize, T).</summary>
    public Matrix<double> Readout(Matrix<double> inputs, Matrix<double> states) => RequireFitted() * Features(inputs, states);

    /// <summary>Teacher-forced outputs for u (inputSize, T), from a zero state (outputSize, T).</summary>
    public Matrix<double> Predict(Matrix<double> inputs) => Readout(inputs, Run(inputs));

    /// <summary>
    /// Closed-loop generation (自由运行) for an ESN trained to predict its next input (outputSize = inputSize): the
    /// reservoir is first driven by <paramref name="prime"/> (inputSize, T₀), then each output is fed back as the next
    /// input for <paramref name="steps"/> steps. Returns the generated outputs (outputSize, steps); the first is the
    /// prediction that follows the last primed input.
    /// </summary>
    public Matrix<double> Generate(Matrix<double> prime, int steps)
    {
        var wout = RequireFitted();
        if (OutputSize != InputSize)
            throw new InvalidOperationException($"closed-loop generation feeds the output back as input, so outputSize ({OutputSize}) must equal inputSize ({InputSize})");
        CellInit.RequirePositive(steps, nameof(steps));
        Shape.RequireRows(prime, InputSize, "prime inputs");
        if (prime.ColumnCount == 0)
            throw new ArgumentException("the prime needs at least one step", nameof(prime));
        var states = Run(prime);
        var x = states.SubMatrix(0, ReservoirSize, prime.ColumnCount - 1, 1);
        var u = prime.SubMatrix(0, InputSize, prime.ColumnCount - 1, 1);
        var outputs = Matrix<double>.Build.Dense(OutputSize, steps);
        for (var t = 0; t < steps; t++)
        {
            var y = wout * Features(u, x);
            outputs.SetColumn(t, y.Column(0));
            u = y;
            x = Step(x, u);
        }
        return outputs;
    }

    private Matrix<double> RequireFitted() =>
        Wout ?? throw new InvalidOperationException("the readout is not trained yet: call Fit first");

    public override string ToString() =>
        $"EchoStateNetwork(input {InputSize}, reservoir {ReservoirSize}, ρ {Config.SpectralRadius}, output {OutputSize})";
}
