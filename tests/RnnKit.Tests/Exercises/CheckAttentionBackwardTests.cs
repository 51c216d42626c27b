using MathNet.Numerics.LinearAlgebra;
using RnnKit.Exercises;
using Xunit;

namespace RnnKit.Tests.Exercises;

/// <summary>
/// <see cref="Check.AttentionBackward"/>: the right backward pass passes, and each common mistake, fed as a student's
/// function, gets the message that names it.
/// </summary>
public class CheckAttentionBackwardTests
{
    private static readonly VectorBuilder<double> V = Vector<double>.Build;

    /// <summary>The right answer, written as a student would (Jacobian as a matrix), independently of Check's reference.</summary>
    private static (Vector<double> DScores, Matrix<double> DH) Right(Vector<double> dc, Vector<double> alpha, Matrix<double> h)
    {
        var jacobian = Matrix<double>.Build.DenseOfDiagonalVector(alpha) - alpha.OuterProduct(alpha);
        return (jacobian * (h.Transpose() * dc), dc.OuterProduct(alpha));
    }

    private static string MistakeOf(Func<Vector<double>, Vector<double>, Matrix<double>, (Vector<double>, Matrix<double>)> student) =>
        Assert.Throws<CheckFailedException>(() => Check.AttentionBackward(student)).Message;

    [Fact]
    public void The_right_backward_pass_passes_at_several_sizes()
    {
        Check.AttentionBackward(Right);
        Check.AttentionBackward(Right, new AttentionSizes(KeySize: 7, Positions: 3, Seed: 5));
        Check.AttentionBackward(Right, new AttentionSizes(KeySize: 5, Positions: 5, Seed: 2));
    }

    [Fact]
    public void The_reference_agrees_with_finite_differences_and_with_the_library()
    {
        var rng = new Random(3);
        var (nh, tx) = (4, 6);
        var h = Matrix<double>.Build.Dense(nh, tx, (_, _) => rng.NextDouble() - 0.5);
        var z = Matrix<double>.Build.Dense(nh, 1, (_, _) => 2 * rng.NextDouble() - 1);
        var dc = V.Dense(nh, _ => rng.NextDouble() - 0.5);
        var hs = Enumerable.Range(0, tx).Select(i => h.Column(i).ToColumnMatrix()).ToList();
        var attention = new global::RnnKit.Attention(new DotScore(nh));
        var (output, cache) = attention.Forward(z, hs);
        var alpha = output.Weights.Column(0);

        var dScores = Check.AttentionScoresGradient(alpha, h.TransposeThisAndMultiply(dc));

        // finite differences of L(e) = dcᵀ·H·softmax(e) at e = Hᵀz
        var e = h.TransposeThisAndMultiply(z);
        double Loss()
        {
            var column = e.Column(0);
            var exp = column.Map(x => Math.Exp(x - column.Maximum()));
            return dc.DotProduct(h * (exp / exp.Sum()));
        }
        var numeric = GradientCheck.Numeric(Loss, e, 1e-6);
        Assert.True(GradientCheck.RelativeError(dScores.ToColumnMatrix(), numeric) < 1e-8);

        // the library's dot-score attention: dz = H·dScores, dh_i = z·dScores_i + α_i·dc
        var grads = attention.Backward(dc.ToColumnMatrix(), cache);
        Assert.True(GradientCheck.RelativeError((h * dScores).ToColumnMatrix(), grads.Dz) < 1e-12);
        for (var i = 0; i < tx; i++)
            Assert.True(GradientCheck.RelativeError((z.Column(0) * dScores[i] + alpha[i] * dc).ToColumnMatrix(), grads.Dhs[i]) < 1e-12);
    }

    [Fact]
    public void Returning_the_gradient_of_the_weights_instead_of_the_scores_is_named()
    {
        var message = MistakeOf((dc, alpha, h) => (h.TransposeThisAndMultiply(dc), dc.OuterProduct(alpha)));
        Assert.Contains("with respect to the attention weights α, not the scores e", message);
    }

    [Fact]
    public void A_softmax_Jacobian_without_its_off_diagonal_term_is_named()
    {
        var message = MistakeOf((dc, alpha, h) => (alpha.PointwiseMultiply(h.TransposeThisAndMultiply(dc)), dc.OuterProduct(alpha)));
        Assert.Contains("missing its −α_i α_j term", message);
    }

    [Fact]
    public void A_missing_factor_alpha_is_named()
    {
        var message = MistakeOf((dc, alpha, h) =>
        {
            var dAlpha = h.TransposeThisAndMultiply(dc);
            return (dAlpha - alpha.DotProduct(dAlpha), dc.OuterProduct(alpha));
        });
        Assert.Contains("the factor α_i of the softmax Jacobian is missing", message);
    }

    [Fact]
    public void A_wrong_sign_of_the_off_diagonal_term_and_of_the_whole_are_named()
    {
        var plus = MistakeOf((dc, alpha, h) =>
        {
            var dAlpha = h.TransposeThisAndMultiply(dc);
            return (alpha.PointwiseMultiply(dAlpha + alpha.DotProduct(dAlpha)), dc.OuterProduct(alpha));
        });
        Assert.Contains("with the wrong sign", plus);
        var negated = MistakeOf((dc, alpha, h) => (-Right(dc, alpha, h).DScores, dc.OuterProduct(alpha)));
        Assert.Contains("wrong sign everywhere", negated);
    }

    [Fact]
    public void A_transposed_product_is_named_whether_it_throws_or_returns_the_transpose()
    {
        var transposedDh = MistakeOf((dc, alpha, h) => (Right(dc, alpha, h).DScores, alpha.OuterProduct(dc)));
        Assert.Contains("dH is the transpose of the right answer", transposedDh);
        var wrongProduct = MistakeOf((dc, alpha, h) => (h * dc, dc.OuterProduct(alpha)));
        Assert.Contains("usually a transposed one", wrongProduct);
    }

    [Fact]
    public void A_dH_built_from_the_score_gradient_or_without_alpha_is_named()
    {
        var fromScores = MistakeOf((dc, alpha, h) =>
        {
            var dScores = Right(dc, alpha, h).DScores;
            return (dScores, dc.OuterProduct(dScores));
        });
        Assert.Contains("uses the score gradient where it needs the weights", fromScores);
        var withoutAlpha = MistakeOf((dc, alpha, h) => (Right(dc, alpha, h).DScores, dc.OuterProduct(V.Dense(alpha.Count, 1.0))));
        Assert.Contains("every column of dH equals dc", withoutAlpha);
    }

    [Fact]
    public void A_wrong_length_a_null_and_an_unknown_mistake_get_plain_feedback()
    {
        Assert.Contains("expected 6 = T_x", MistakeOf((dc, alpha, h) => (dc, dc.OuterProduct(alpha))));
        Assert.Contains("dScores is null", MistakeOf((dc, alpha, _) => (null!, dc.OuterProduct(alpha))));
        var unknown = MistakeOf((dc, alpha, h) => (Right(dc, alpha, h).DScores * 2, dc.OuterProduct(alpha)));
        Assert.Contains("entries are wrong", unknown);
        Assert.Contains("Work in two steps", unknown);
        var unknownDh = MistakeOf((dc, alpha, h) => (Right(dc, alpha, h).DScores, 2 * dc.OuterProduct(alpha)));
        Assert.Contains("dH has the right shape", unknownDh);
        Assert.Contains("h_i enters c with the weight α_i", unknownDh);
    }

    [Fact]
    public void Not_done_yet_is_not_hidden_behind_a_diagnosis()
    {
        Assert.Throws<NotImplementedException>(() => Check.AttentionBackward((_, _, _) => throw new NotImplementedException("Exercise 9.2: not done yet")));
    }
}
