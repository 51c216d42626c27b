using RnnKit.Fast;
using RnnKit.Handwriting;
using Xunit;

namespace RnnKit.Tests.Handwriting;

/// <summary>Small random pen sequences and a float32 finite-difference check for the handwriting models.</summary>
internal static class PenModels
{
    /// <summary>A sequence of <paramref name="length"/> random moves with a pen lift every third point and at the end.</summary>
    public static PenSequence Random(Random random, int length)
    {
        float[] dx = new float[length], dy = new float[length], pen = new float[length];
        for (var t = 0; t < length; t++)
        {
            dx[t] = (float)(random.NextDouble() * 2 - 1);
            dy[t] = (float)(random.NextDouble() * 2 - 1);
            pen[t] = t % 3 == 2 || t == length - 1 ? 1 : 0;
        }
        return new PenSequence(dx, dy, pen, PenReader.DefaultSpacing, PenReader.Origin);
    }

    /// <summary>An optimizer that computes nothing: the training step's gradients stay in the parameters to be read.</summary>
    public static FastAdam Frozen(IFastModule model) => new(model.Parameters(), new FastAdamConfig { LearningRate = 0 });

    /// <summary>
    /// Central differences of <paramref name="loss"/> against the gradients the training step left in the parameters,
    /// at a few entries of every parameter. float32 forward passes limit the agreement to about 1e-2 relative.
    /// </summary>
    public static void AssertGradients(IFastModule model, Func<double> loss, string what, int entriesPerParameter = 4)
    {
        const float step = 1e-2f;
        var picks = new Random(11);
        foreach (var parameter in model.Parameters())
            for (var k = 0; k < entriesPerParameter; k++)
            {
                var i = picks.Next(parameter.Count);
                var saved = parameter.Value[i];
                parameter.Value[i] = saved + step;
                var up = loss();
                parameter.Value[i] = saved - step;
                var down = loss();
                parameter.Value[i] = saved;
                var numeric = (up - down) / (2 * step);
                var analytic = parameter.Grad[i];
                var error = Math.Abs(numeric - analytic) / Math.Max(1e-2, Math.Abs(numeric) + Math.Abs(analytic));
                Assert.True(error < 2e-2,
                    $"{what}: ∂loss/∂{parameter.Name}[{i}] is {analytic:E4} from backward but {numeric:E4} by finite differences (relative error {error:E2})");
            }
    }
}
