namespace RnnKit.Fast;

/// <summary>The linear forward cache: the input (N, in) by reference and the output (N, out).</summary>
public sealed record FastLinearCache(int Rows, ReadOnlyMemory<float> X, float[] Output);

/// <summary>
/// y = x·Wᵀ + b over N positions at once, PyTorch's <c>nn.Linear</c>: W (out, in), b (out, 1), init U(−1/√in, 1/√in).
/// The vocabulary projection of a language model applies it to all T·B positions in one matrix product.
/// </summary>
public sealed class FastLinear : IFastModule
{
    public FastLinear(int inputSize, int outputSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Weight = new FastParameter("weight", outputSize, inputSize);
        Bias = new FastParameter("bias", outputSize, 1);
        var bound = 1f / MathF.Sqrt(inputSize);
        Weight.InitUniform(bound, random);
        Bias.InitUniform(bound, random);
    }

    /// <summary>W (out, in).</summary>
    public FastParameter Weight { get; }

    /// <summary>b (out, 1).</summary>
    public FastParameter Bias { get; }

    public int InputSize => Weight.Columns;

    public int OutputSize => Weight.Rows;

    public IEnumerable<FastParameter> Parameters() => [Weight, Bias];

    /// <summary>Output (N, out) = x (N, in) · Wᵀ + b. <paramref name="reuse"/> lends its output buffer.</summary>
    public FastLinearCache Forward(ReadOnlyMemory<float> x, int rows, FastLinearCache? reuse = null)
    {
        int input = InputSize, output = OutputSize;
        if (x.Length != rows * input)
            throw new ShapeMismatchException($"x must have shape (N, in) = ({rows}, {input}) = {rows * input} values but has {x.Length}");
        var y = reuse is not null && reuse.Output.Length == rows * output ? reuse.Output : new float[rows * output];
        Sgemm.MultiplyAddBias(MatrixOp.None, MatrixOp.Transpose, rows, output, input, x.Span, input, Weight.Value, input, Bias.Value, y, output);
        return new FastLinearCache(rows, x, y);
    }

    /// <summary>∂W += dYᵀ·x, ∂b += Σ dY, and dX (N, in) = dY (N, out) · W unless dX is empty.</summary>
    public void Backward(FastLinearCache cache, ReadOnlySpan<float> dY, Span<float> dX)
    {
        ArgumentNullException.ThrowIfNull(cache);
        int input = InputSize, output = OutputSize, rows = cache.Rows;
        if (dY.Length != rows * output)
            throw new ShapeMismatchException($"dY must have shape (N, out) = ({rows}, {output}) but has {dY.Length} values");
        if (!dX.IsEmpty && dX.Length != rows * input)
            throw new ShapeMismatchException($"dX must have shape (N, in) = ({rows}, {input}) but has {dX.Length} values");
        Sgemm.Multiply(MatrixOp.Transpose, MatrixOp.None, output, input, rows, dY, output, cache.X.Span, input, Weight.Grad, input, accumulate: true);
        ColumnSums.AddTo(dY, rows, output, Bias.Grad);
        if (!dX.IsEmpty)
            Sgemm.Multiply(MatrixOp.None, MatrixOp.None, rows, input, output, dY, output, Weight.Value, input, dX, input);
    }
}
