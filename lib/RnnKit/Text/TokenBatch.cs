namespace RnnKit.Text;

/// <summary>
/// One minibatch of a language model: <see cref="X"/> and <see cref="Y"/> are (batch, steps) token indices and
/// Y[b, t] is the token that follows X[b, t] in the corpus (Y is X shifted left by one).
/// </summary>
public sealed record TokenBatch(int[,] X, int[,] Y)
{
    public int Batch => X.GetLength(0);
    public int Steps => X.GetLength(1);

    /// <summary>Row <paramref name="b"/> of X: one subsequence of the corpus.</summary>
    public int[] InputRow(int b) => Row(X, b);

    /// <summary>Row <paramref name="b"/> of Y: the targets of <see cref="InputRow"/>.</summary>
    public int[] TargetRow(int b) => Row(Y, b);

    private static int[] Row(int[,] m, int b)
    {
        var row = new int[m.GetLength(1)];
        for (var t = 0; t < row.Length; t++)
            row[t] = m[b, t];
        return row;
    }
}
