using MathNet.Numerics.LinearAlgebra;

namespace RnnKit.Exercises;

public static partial class Check
{
    /// <summary>
    /// Checks a student's backward pass through the attention context of one example, c = H·α with α = softmax(e):
    /// given dc = ∂L/∂c it must return ∂L/∂e = α ∘ (dα − (αᵀdα)·1) with dα = Hᵀ·dc, and ∂L/∂H = dc·αᵀ. Tested on
    /// random inputs of distinct sizes (so a transposed product shows up as a shape error or a thrown dimension
    /// mismatch). When a gradient is wrong it names the common mistakes it recognises: ∂L/∂α returned instead of
    /// ∂L/∂e, the softmax Jacobian without its −α_i α_j term, the missing factor α_i, a sign, a transposed dH, dH
    /// built from the score gradient instead of α.
    /// </summary>
    /// <param name="backward">The student's function (dc, α, H) → (dScores, dH). Shapes: dc (n_h), α (T_x),
    /// H (n_h, T_x) whose column i is the encoder state h_i → dScores (T_x), dH (n_h, T_x).</param>
    /// <param name="sizes">The sizes to test with; <see cref="AttentionSizes.Default"/> when null.</param>
    public static void AttentionBackward(
        Func<Vector<double>, Vector<double>, Matrix<double>, (Vector<double> DScores, Matrix<double> DH)> backward,
        AttentionSizes? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(backward);
        var (nh, tx, seed) = sizes ?? AttentionSizes.Default;
        var rng = new Random(seed);
        var h = Uniform(nh, tx, rng);
        var scores = Vector<double>.Build.Dense(tx, _ => 4 * rng.NextDouble() - 2);
        var alpha = SoftmaxOf(scores);
        var dc = Vector<double>.Build.Dense(nh, _ => 2 * rng.NextDouble() - 1);
        var shapes = Feedback.AttentionShapes(nh, tx);

        (Vector<double>? DScores, Matrix<double>? DH) answer;
        try
        {
            answer = backward(dc.Clone(), alpha.Clone(), h.Clone());
        }
        catch (ArgumentException e)
        {
            // MathNet throws ArgumentException on a product of mismatched dimensions: almost always a transposed product
            Fail(Feedback.AttentionStopped(Thrown(e).Message, shapes));
            return;
        }

        var dAlpha = h.TransposeThisAndMultiply(dc);
        var expected = AttentionScoresGradient(alpha, dAlpha);
        DiagnoseScores(answer.DScores, expected, alpha, dAlpha, tx, shapes);
        DiagnoseKeys(answer.DH, dc.OuterProduct(alpha), dc, alpha, expected, dAlpha, nh, tx, shapes);
    }

    /// <summary>∂L/∂e of α = softmax(e) given ∂L/∂α: α_i (dα_i − Σ_j α_j dα_j).</summary>
    public static Vector<double> AttentionScoresGradient(Vector<double> alpha, Vector<double> dAlpha) =>
        alpha.PointwiseMultiply(dAlpha - alpha.DotProduct(dAlpha));

    private static void DiagnoseScores(Vector<double>? actual, Vector<double> expected, Vector<double> alpha, Vector<double> dAlpha, int tx, string shapes)
    {
        const string Name = "dScores";
        if (actual is null) Fail(Feedback.IsNull(Name));
        if (actual.Count != tx)
            Fail(Feedback.ScoresCount(Name, actual.Count, tx, shapes));
        if (Compare(Name, actual.ToColumnMatrix(), expected.ToColumnMatrix(), Tolerance.Default) is not { } problem) return;

        var weightedMean = alpha.DotProduct(dAlpha);
        var known = new (Vector<double> Value, string Mistake)[]
        {
            (dAlpha, Feedback.ScoresAreDAlpha),
            (alpha.PointwiseMultiply(dAlpha), Feedback.ScoresMissCrossTerm),
            (dAlpha - weightedMean, Feedback.ScoresMissAlpha),
            (alpha.PointwiseMultiply(dAlpha + weightedMean), Feedback.ScoresCrossTermSign),
            (-expected, Feedback.ScoresSign),
        };
        foreach (var (value, mistake) in known)
            if (Compare(Name, actual.ToColumnMatrix(), value.ToColumnMatrix(), Tolerance.Default) is null)
                Fail(mistake);
        Fail(Feedback.ScoresInTwoSteps(problem));
    }

    private static void DiagnoseKeys(Matrix<double>? actual, Matrix<double> expected, Vector<double> dc, Vector<double> alpha,
        Vector<double> dScores, Vector<double> dAlpha, int nh, int tx, string shapes)
    {
        const string Name = "dH";
        if (actual is null) Fail(Feedback.IsNull(Name));
        if (actual.RowCount == tx && actual.ColumnCount == nh && nh != tx &&
            Compare(Name, actual, expected.Transpose(), Tolerance.Default) is null)
            Fail(Feedback.KeysTransposed(tx, nh));
        if (Compare(Name, actual, expected, Tolerance.Default) is not { } problem) return;

        var known = new (Matrix<double> Value, string Mistake)[]
        {
            (dc.OuterProduct(dScores), Feedback.KeysWithScores),
            (dc.OuterProduct(dAlpha), Feedback.KeysWithDAlpha),
            (dc.OuterProduct(Vector<double>.Build.Dense(tx, 1.0)), Feedback.KeysUnweighted),
        };
        foreach (var (value, mistake) in known)
            if (Compare(Name, actual, value, Tolerance.Default) is null)
                Fail(mistake);
        Fail(Feedback.KeysLinear(problem, shapes));
    }

    private static Vector<double> SoftmaxOf(Vector<double> e)
    {
        var exp = e.Map(v => Math.Exp(v - e.Maximum()));
        return exp / exp.Sum();
    }
}

/// <summary>The sizes an attention check tests with; distinct on purpose, so a transposed product fails on shape.</summary>
/// <param name="KeySize">n_h, the size of each encoder state h_i and of the context c (default 4).</param>
/// <param name="Positions">T_x, the number of encoder states (default 6).</param>
/// <param name="Seed">Seed of the random inputs (default 1), so the check is reproducible.</param>
public sealed record AttentionSizes(int KeySize = 4, int Positions = 6, int Seed = 1)
{
    public static AttentionSizes Default { get; } = new();
}
