using MathNet.Numerics.LinearAlgebra;
using RnnKit.Fast;
using Xunit;

namespace RnnKit.Tests.Fast;

/// <summary>Installing the fast products swaps MathNet's process-wide provider, so these tests run alone.</summary>
[CollectionDefinition(nameof(FastDoubleProductsCollection), DisableParallelization = true)]
public sealed class FastDoubleProductsCollection;

[Collection(nameof(FastDoubleProductsCollection))]
public class FastDoubleProductsTests
{
    [Fact]
    public void Every_product_MathNet_computes_agrees_with_the_managed_one()
    {
        if (!Dgemm.IsSupported) Assert.Skip("this processor lacks AVX2 and FMA");
        var a = Matrix<double>.Build.Random(13, 9, 1);
        var b = Matrix<double>.Build.Random(9, 6, 2);
        var c = Matrix<double>.Build.Random(13, 6, 3);
        var v = Vector<double>.Build.Random(9, 4);
        Matrix<double>[] Products() => [a * b, a.TransposeThisAndMultiply(c), c.TransposeAndMultiply(b), (a * v).ToColumnMatrix(), a.Transpose() * c];
        var managed = Products();
        try
        {
            Assert.True(FastDoubleProducts.Install(evenIfUnoptimized: true));
            Assert.True(FastDoubleProducts.IsInstalled);
            var fast = Products();
            for (var i = 0; i < managed.Length; i++)
                Assert.True((fast[i] - managed[i]).InfinityNorm() <= 1e-12, $"product {i} differs: {fast[i]} vs {managed[i]}");
            // everything else is forwarded to the provider that was there
            Assert.Equal((a + a).ToArray(), (2 * a).ToArray());
            Assert.Throws<ArgumentException>(() => a * c);
        }
        finally
        {
            FastDoubleProducts.Uninstall();
        }
        Assert.False(FastDoubleProducts.IsInstalled);
    }

    [Fact]
    public void The_seq2seq_gradient_check_still_passes_with_the_fast_products()
    {
        if (!Dgemm.IsSupported) Assert.Skip("this processor lacks AVX2 and FMA");
        try
        {
            Assert.True(FastDoubleProducts.Install(evenIfUnoptimized: true));
            var model = new Seq2SeqModel(new Seq2SeqConfig(SourceVocab: 4, TargetVocab: 5, StartToken: 4, EndToken: 3,
                EmbeddingSize: 3, EncoderSize: 2, DecoderSize: 4, AttentionSize: 3, Seed: 2));
            int[][] source = [[0, 1], [2, 2], [1, 3]];
            int[][] target = [[1, 0], [2, 1]];
            var report = GradientCheck.Run(
                () => model.Forward(source, target).Output.Loss,
                () => model.Backward(model.Forward(source, target).Cache),
                model.Parameters());
            Assert.True(report.MaxRelativeError <= 1e-6, report.ToString());
        }
        finally
        {
            FastDoubleProducts.Uninstall();
        }
    }

    [Fact]
    public void An_unoptimized_build_keeps_MathNets_product()
    {
        if (!Dgemm.IsSupported) Assert.Skip("this processor lacks AVX2 and FMA");
        try
        {
            Assert.Equal(FastDoubleProducts.LibraryIsOptimized, FastDoubleProducts.Install());
            Assert.Equal(FastDoubleProducts.LibraryIsOptimized, FastDoubleProducts.IsInstalled);
        }
        finally
        {
            FastDoubleProducts.Uninstall();
        }
    }
}
