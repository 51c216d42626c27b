using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>The outcome of <see cref="KMeans.Fit"/>.</summary>
/// <param name="Centroids">(dims, k): column c is the mean of the points of cluster c.</param>
/// <param name="Assignments">N cluster numbers, one per point, numbered by first appearance: point 0 is in cluster
/// 0, the first point outside it in cluster 1, and so on, so that the numbering does not depend on the seed.</param>
/// <param name="Inertia">The sum of squared distances from each point to its centroid.</param>
public sealed record KMeansResult(Matrix<double> Centroids, int[] Assignments, double Inertia);

/// <summary>
/// k-means clustering of the columns of a matrix: seeded k-means++ starts (each next centre drawn with probability
/// proportional to the squared distance to the nearest centre so far), then Lloyd's iterations (assign each point
/// to its nearest centre, move each centre to the mean of its points) until no assignment changes. The best of a
/// few restarts (lowest inertia) is kept. Used to read discrete states out of a network's hidden states.
/// </summary>
public static class KMeans
{
    /// <summary>Clusters the columns of <paramref name="points"/> into <paramref name="k"/> groups.</summary>
    /// <param name="points">(dims, N): one column per point, N ≥ k.</param>
    /// <param name="k">Number of clusters, ≥ 1.</param>
    /// <param name="seed">Seed of the k-means++ draws.</param>
    /// <param name="restarts">Independent starts; the one with the lowest inertia wins.</param>
    /// <param name="maxIterations">Lloyd iterations per start at most.</param>
    public static KMeansResult Fit(Matrix<double> points, int k, int seed = 0, int restarts = 5, int maxIterations = 100)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        if (points.ColumnCount < k)
            throw new ArgumentException($"k-means with k = {k} needs at least {k} points (columns) but got shape {Shape.Of(points)}", nameof(points));
        var random = new Random(seed);
        KMeansResult? best = null;
        for (var r = 0; r < restarts; r++)
        {
            var result = Lloyd(points, PlusPlusStart(points, k, random), maxIterations);
            if (best is null || result.Inertia < best.Inertia)
                best = result;
        }
        return NumberByFirstAppearance(best!);
    }

    private static Matrix<double> PlusPlusStart(Matrix<double> points, int k, Random random)
    {
        var n = points.ColumnCount;
        var centres = Matrix<double>.Build.Dense(points.RowCount, k);
        centres.SetColumn(0, points.Column(random.Next(n)));
        var nearest = Enumerable.Range(0, n).Select(j => SquaredDistance(points, j, centres, 0)).ToArray();
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var chosen = n - 1;
            if (total > 0)
            {
                var u = random.NextDouble() * total;
                for (var j = 0; j < n; j++)
                {
                    u -= nearest[j];
                    if (u < 0) { chosen = j; break; }
                }
            }
            centres.SetColumn(c, points.Column(chosen));
            for (var j = 0; j < n; j++)
                nearest[j] = Math.Min(nearest[j], SquaredDistance(points, j, centres, c));
        }
        return centres;
    }

    private static KMeansResult Lloyd(Matrix<double> points, Matrix<double> centres, int maxIterations)
    {
        var n = points.ColumnCount;
        var k = centres.ColumnCount;
        var assignments = Enumerable.Repeat(-1, n).ToArray();
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = false;
            for (var j = 0; j < n; j++)
            {
                var c = Nearest(points, j, centres);
                changed |= c != assignments[j];
                assignments[j] = c;
            }
            if (!changed) break;
            for (var c = 0; c < k; c++)
            {
                var members = Enumerable.Range(0, n).Where(j => assignments[j] == c).ToArray();
                if (members.Length > 0)
                    centres.SetColumn(c, members.Select(points.Column).Aggregate((u, v) => u + v) / members.Length);
                // An emptied cluster keeps its old centre; the next assignment may refill it.
            }
        }
        var inertia = Enumerable.Range(0, n).Sum(j => SquaredDistance(points, j, centres, assignments[j]));
        return new KMeansResult(centres, assignments, inertia);
    }

    private static KMeansResult NumberByFirstAppearance(KMeansResult result)
    {
        var k = result.Centroids.ColumnCount;
        var renamed = new Dictionary<int, int>();
        foreach (var c in result.Assignments)
            renamed.TryAdd(c, renamed.Count);
        foreach (var c in Enumerable.Range(0, k).Where(c => !renamed.ContainsKey(c)))
            renamed.Add(c, renamed.Count);
        var centroids = Matrix<double>.Build.Dense(result.Centroids.RowCount, k);
        foreach (var (old, now) in renamed)
            centroids.SetColumn(now, result.Centroids.Column(old));
        return new KMeansResult(centroids, result.Assignments.Select(c => renamed[c]).ToArray(), result.Inertia);
    }

    private static int Nearest(Matrix<double> points, int j, Matrix<double> centres)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < centres.ColumnCount; c++)
        {
            var d = SquaredDistance(points, j, centres, c);
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best;
    }

    private static double SquaredDistance(Matrix<double> points, int j, Matrix<double> centres, int c)
    {
        var sum = 0.0;
        for (var i = 0; i < points.RowCount; i++)
        {
            var d = points[i, j] - centres[i, c];
            sum += d * d;
        }
        return sum;
    }
}
