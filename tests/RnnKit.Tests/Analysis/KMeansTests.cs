using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace RnnKit.Tests.Analysis;

public class KMeansTests
{
    /// <summary>Three tight blobs in 2-D around (0, 0), (5, 5) and (−5, 5), interleaved: point j is in blob j mod 3.</summary>
    private static Matrix<double> Blobs(int perBlob, int seed)
    {
        double[][] centres = [[0, 0], [5, 5], [-5, 5]];
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(2, 3 * perBlob,
            (i, j) => centres[j % 3][i] + 0.3 * (random.NextDouble() - 0.5));
    }

    [Fact]
    public void Finds_well_separated_blobs_numbered_by_first_appearance()
    {
        var points = Blobs(perBlob: 20, seed: 1);

        var result = KMeans.Fit(points, k: 3, seed: 7);

        Assert.Equal(Enumerable.Range(0, 60).Select(j => j % 3), result.Assignments);
        Assert.Equal(0, result.Centroids[0, 0], 0.2);
        Assert.Equal(5, result.Centroids[0, 1], 0.2);
        Assert.Equal(-5, result.Centroids[0, 2], 0.2);
        var inertia = Enumerable.Range(0, 60).Sum(j => Math.Pow((points.Column(j) - result.Centroids.Column(j % 3)).L2Norm(), 2));
        Assert.Equal(inertia, result.Inertia, 1e-9);
    }

    [Fact]
    public void The_same_seed_gives_the_same_clusters_and_any_seed_the_same_partition_here()
    {
        var points = Blobs(perBlob: 10, seed: 2);

        var first = KMeans.Fit(points, k: 3, seed: 3);
        var again = KMeans.Fit(points, k: 3, seed: 3);
        var other = KMeans.Fit(points, k: 3, seed: 11, restarts: 1);

        Assert.Equal(first.Assignments, again.Assignments);
        Assert.Equal(first.Centroids, again.Centroids);
        Assert.Equal(first.Assignments, other.Assignments);
    }

    [Fact]
    public void Centroids_are_the_means_of_their_points()
    {
        var points = Matrix<double>.Build.DenseOfColumnArrays([0.0, 0.0], [0.0, 2.0], [10.0, 0.0], [10.0, 4.0]);

        var result = KMeans.Fit(points, k: 2, seed: 0);

        Assert.Equal([0, 0, 1, 1], result.Assignments);
        Assert.Equal([0.0, 1.0], result.Centroids.Column(0).ToArray());
        Assert.Equal([10.0, 2.0], result.Centroids.Column(1).ToArray());
        Assert.Equal(1 + 1 + 4 + 4, result.Inertia, 1e-12);
    }

    [Fact]
    public void Needs_at_least_k_points()
    {
        var points = Matrix<double>.Build.Dense(3, 2);
        var e = Assert.Throws<ArgumentException>(() => KMeans.Fit(points, k: 4));
        Assert.Contains("(3, 2)", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => KMeans.Fit(points, k: 0));
    }
}
