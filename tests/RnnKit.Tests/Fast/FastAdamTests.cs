using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

public class FastAdamTests
{
    [Fact]
    public void Three_steps_match_the_scratch_Adam()
    {
        var random = new Random(2);
        var fast = new FastParameter("w", 7, 5);
        fast.InitUniform(1f, random);
        var scratch = new Parameter("w", fast.ToMatrix());
        var config = new FastAdamConfig { LearningRate = 0.01f };
        var fastAdam = new FastAdam([fast], config);
        var scratchAdam = new Adam([scratch], new AdamConfig(LearningRate: 0.01));
        for (var step = 0; step < 3; step++)
        {
            var g = FastAssert.Random(random, fast.Count, bound: 2);
            g.CopyTo(fast.Grad);
            scratch.Grad.SetSubMatrix(0, 0, Matrix<double>.Build.Dense(7, 5, (r, c) => g[r * 5 + c]));
            fastAdam.Step();
            scratchAdam.Step();
        }
        FastAssert.Close(scratch.Value, fast.ToMatrix(), "θ after three Adam steps");
        Assert.Equal(3, fastAdam.StepCount);
    }

    [Fact]
    public void Clipping_matches_the_scratch_clipping_and_returns_the_norm_before()
    {
        var random = new Random(3);
        var a = new FastParameter("a", 4, 3);
        var b = new FastParameter("b", 6, 1);
        FastAssert.Random(random, a.Count, bound: 3).CopyTo(a.Grad);
        FastAssert.Random(random, b.Count, bound: 3).CopyTo(b.Grad);
        var sa = new Parameter("a", Matrix<double>.Build.Dense(4, 3));
        var sb = new Parameter("b", Matrix<double>.Build.Dense(6, 1));
        sa.Grad.SetSubMatrix(0, 0, a.GradToMatrix());
        sb.Grad.SetSubMatrix(0, 0, b.GradToMatrix());

        var expectedNorm = GradientClipping.ClipByGlobalNorm([sa, sb], 1.0);
        var norm = FastGradientClipping.ClipGlobalNorm([a, b], 1f);

        Assert.Equal(expectedNorm, norm, 1e-4);
        Assert.True(expectedNorm > 1, "the test needs gradients big enough to be clipped");
        FastAssert.Close(sa.Grad, a.GradToMatrix(), "clipped ∂a");
        FastAssert.Close(sb.Grad, b.GradToMatrix(), "clipped ∂b");
    }
}
