using RnnKit.Tests.Checking;
using Xunit;

namespace RnnKit.Tests.Layers;

public class EmbeddingTests
{
    [Fact]
    public void Scatter_backward_passes_the_gradient_check_with_repeated_ids()
    {
        var random = new Random(71);
        var embedding = new Embedding(vocabSize: 6, embeddingSize: 3, seed: 72);
        int[] ids = [4, 1, 4, 0];
        var dx = TestMatrices.Uniform(3, ids.Length, random);
        var report = GradientCheck.Run(
            () => TestMatrices.Dot(embedding.Forward(ids).X, dx),
            () =>
            {
                var (_, cache) = embedding.Forward(ids);
                embedding.Accumulate(embedding.Backward(dx, cache));
            }, embedding.Parameters());
        TestMatrices.AssertPassed(report);
        Assert.Equal(dx[0, 0] + dx[0, 2], embedding.E.Grad[0, 4], 12);
        Assert.Equal(0.0, embedding.E.Grad[0, 5]);
    }

    [Fact]
    public void Lookup_returns_the_columns_of_e()
    {
        var embedding = new Embedding(5, 2, seed: 3);
        var (x, _) = embedding.Forward([3, 3, 0]);
        Assert.Equal(embedding.E.Value.Column(3), x.Column(0));
        Assert.Equal(embedding.E.Value.Column(0), x.Column(2));
    }

    [Fact]
    public void An_id_outside_the_vocabulary_is_named_with_its_position()
    {
        var embedding = new Embedding(5, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => embedding.Forward([1, 5]));
        Assert.Contains("position 1", e.Message);
        Assert.Contains("[0, 5)", e.Message);
    }
}
