using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// v ↦ G·v for an <see cref="RnnRegressor"/> at fixed weights, G = Jᵀ H J the Gauss–Newton matrix (Schraudolph 2002):
/// J·v by forward-mode differentiation through the unrolled RNN (Pearlmutter's R-operator), then Jᵀ·(H J v) by the
/// ordinary backward pass. G is positive semi-definite, unlike the Hessian, so conjugate gradient can use it.
/// Vectors are flat, in the order of <see cref="ParameterVector"/> over <see cref="RnnRegressor.Parameters"/>.
/// </summary>
public sealed class GaussNewtonProduct
{
    private readonly RnnRegressor _model;
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly RegressionBatch _batch;
    private readonly SequenceCache _cache;
    private readonly LinearCache _readoutCache;

    internal GaussNewtonProduct(RnnRegressor model, RegressionBatch batch, SequenceCache cache, LinearCache readoutCache, Matrix<double> output)
    {
        _model = model;
        _parameters = model.Parameters().ToList();
        _batch = batch;
        _cache = cache;
        _readoutCache = readoutCache;
        Output = output;
    }

    /// <summary>ŷ at the weights this product was made at (outputSize, batch).</summary>
    public Matrix<double> Output { get; }

    /// <summary>Products taken so far.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// J·v, the change of ŷ (outputSize, batch) per unit step along v. With a⟨t⟩ = act(z⟨t⟩):
    /// R(z⟨t⟩) = V_Wax·x⟨t⟩ + V_Waa·a⟨t−1⟩ + V_ba + Waa·R(a⟨t−1⟩), R(a⟨t⟩) = act′(z⟨t⟩) ⊙ R(z⟨t⟩), R(a⟨0⟩) = 0,
    /// R(ŷ) = V_Wya·a⟨T⟩ + Wya·R(a⟨T⟩) + V_by.
    /// </summary>
    public Matrix<double> Directional(Vector<double> v)
    {
        var parts = ParameterVector.Split(_parameters, v);
        var (vWax, vWaa, vBa, vWya, vBy) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        var cell = _model.Cell;
        var m = _batch.Batch;
        var ra = Matrix<double>.Build.Dense(cell.HiddenSize, m);
        Matrix<double> a = ra;
        foreach (var step in _cache.Steps)
        {
            var s = CacheCast.To<RnnStepCache>(step, nameof(GaussNewtonProduct));
            var rz = Columns.AddBias(vWax * s.X + vWaa * s.APrev + cell.Waa.Value * ra, vBa);
            ra = cell.Slope(s.A).PointwiseMultiply(rz);
            a = s.A;
        }
        return Columns.AddBias(vWya * a + _model.Readout.W.Value * ra, vBy);
    }

    /// <summary>G·v = Jᵀ H J v. Uses the parameters' Grads as scratch and puts them back as they were.</summary>
    public Vector<double> Apply(Vector<double> v)
    {
        Count++;
        var saved = ParameterVector.Grads(_parameters);
        foreach (var p in _parameters) p.ZeroGrad();
        _model.Backward(RnnRegressor.OutputGradient(Directional(v)), _readoutCache, _cache);
        var product = ParameterVector.Grads(_parameters);
        ParameterVector.SetGrads(_parameters, saved);
        return product;
    }
}
