using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// Updates every <see cref="Parameter"/> of a model from its accumulated <see cref="Parameter.Grad"/>.
/// Each optimizer keeps its own per-parameter state (velocity, squared-gradient averages…), created lazily on the
/// first <see cref="Step"/> and keyed on the parameter object, so the order of <see cref="IModule.Parameters"/> does
/// not matter and a parameter keeps its state across steps.
/// </summary>
public abstract class Optimizer
{
    private readonly IReadOnlyList<Parameter> _parameters;

    protected Optimizer(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToList();
        if (_parameters.Count == 0)
            throw new ArgumentException("an optimizer needs at least one parameter", nameof(parameters));
        if (_parameters.Distinct().Count() != _parameters.Count)
            throw new ArgumentException("a parameter is listed twice; it would be updated twice per step", nameof(parameters));
    }

    /// <summary>The parameters this optimizer updates, in the order given.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Number of <see cref="Step"/> calls so far (Adam's bias correction uses it).</summary>
    public int StepCount { get; private set; }

    /// <summary>One update of every parameter: w ← w − (the optimizer's step from ∂L/∂w). Does not zero the grads.</summary>
    public void Step()
    {
        StepCount++;
        foreach (var p in _parameters)
            Update(p);
    }

    /// <summary>Sets every gradient to zero, before the next backward pass accumulates into it.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters)
            p.ZeroGrad();
    }

    /// <summary>Updates one parameter's <see cref="Parameter.Value"/> in place from its <see cref="Parameter.Grad"/>.</summary>
    protected abstract void Update(Parameter p);

    /// <summary>A zero matrix of <paramref name="p"/>'s shape, the initial value of most optimizer state.</summary>
    protected static Matrix<double> ZerosLike(Parameter p) => Matrix<double>.Build.Dense(p.Rows, p.Columns);
}

/// <summary>Per-parameter state of an optimizer, created on first use.</summary>
internal sealed class StateTable<TState>(Func<Parameter, TState> create) where TState : class
{
    private readonly Dictionary<Parameter, TState> _states = new(ReferenceEqualityComparer.Instance);

    public TState For(Parameter p)
    {
        if (!_states.TryGetValue(p, out var state))
            _states[p] = state = create(p);
        return state;
    }
}
