using RnnKit.Fast;

namespace RnnKit.Captioning;

/// <summary>What <see cref="ConvolutionFeatures.Forward"/> computed: the features and where each maximum came from.</summary>
/// <param name="Batch">B.</param>
/// <param name="Images">The input (B, S·S), by reference.</param>
/// <param name="Output">The features (B, K·G·G): filter k's maximum in region (gr, gc) at k·G·G + gr·G + gc.</param>
/// <param name="Winners">For every feature, the index into the filter's map (O·O) its maximum came from; −1 when the whole region is ≤ 0.</param>
public sealed record ConvolutionFeaturesCache(int Batch, float[] Images, float[] Output, int[] Winners);

/// <summary>
/// A small convolutional image encoder for one-channel square images: K filters of 3 × 3 slid over the image
/// (no padding, so an S × S image gives O × O maps, O = S − 2), a ReLU, and the maximum of every map over each cell of
/// a G × G grid — "which shape-part is there, and roughly where". The same filter at every place is what lets it
/// recognise a shape it saw elsewhere, which a single linear map of the pixels cannot.
/// </summary>
public sealed class ConvolutionFeatures : IFastModule
{
    /// <summary>The side of a filter.</summary>
    public const int Kernel = 3;

    /// <param name="side">S: the images are S × S (S ≥ 3 + G − 1).</param>
    /// <param name="filters">K.</param>
    /// <param name="grid">G: the maps are max-pooled over G × G cells.</param>
    /// <param name="random">Initial weights, U(−1/3, 1/3) as PyTorch's Conv2d for 9 inputs.</param>
    public ConvolutionFeatures(int side, int filters, int grid, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(filters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(grid, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(side, Kernel + grid - 1);
        Side = side;
        Grid = grid;
        Weight = new FastParameter("weight", filters, Kernel * Kernel);
        Bias = new FastParameter("bias", filters, 1);
        var bound = 1f / Kernel;
        Weight.InitUniform(bound, random);
        Bias.InitUniform(bound, random);
    }

    /// <summary>S.</summary>
    public int Side { get; }

    /// <summary>G.</summary>
    public int Grid { get; }

    /// <summary>O = S − 2, the side of a filter's map.</summary>
    public int MapSide => Side - Kernel + 1;

    public int Filters => Weight.Rows;

    /// <summary>The filters (K, 9), row-major 3 × 3 each.</summary>
    public FastParameter Weight { get; }

    /// <summary>(K, 1).</summary>
    public FastParameter Bias { get; }

    /// <summary>K·G·G.</summary>
    public int OutputSize => Filters * Grid * Grid;

    public IEnumerable<FastParameter> Parameters() => [Weight, Bias];

    /// <summary>Features (B, K·G·G) of the images (B, S·S).</summary>
    public ConvolutionFeaturesCache Forward(float[] images, int batch)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Length != batch * Side * Side)
            throw new ShapeMismatchException($"images must have shape (B, S·S) = ({batch}, {Side * Side}) but has {images.Length} values");
        int o = MapSide, k = Filters, g = Grid;
        var output = new float[batch * OutputSize];
        var winners = new int[batch * OutputSize];
        var map = new float[o * o];
        for (var b = 0; b < batch; b++)
        {
            var image = images.AsSpan(b * Side * Side, Side * Side);
            for (var f = 0; f < k; f++)
            {
                var w = Weight.Value.AsSpan(f * Kernel * Kernel, Kernel * Kernel);
                for (var r = 0; r < o; r++)
                    for (var c = 0; c < o; c++)
                    {
                        var sum = Bias.Value[f];
                        for (var i = 0; i < Kernel; i++)
                            for (var j = 0; j < Kernel; j++)
                                sum += w[i * Kernel + j] * image[(r + i) * Side + c + j];
                        map[r * o + c] = sum;
                    }
                for (var gr = 0; gr < g; gr++)
                    for (var gc = 0; gc < g; gc++)
                    {
                        var at = b * OutputSize + (f * g + gr) * g + gc;
                        // ReLU then max: the maximum of the cell if it is positive, else 0 with no winner
                        var (best, winner) = (0f, -1);
                        for (var r = gr * o / g; r < (gr + 1) * o / g; r++)
                            for (var c = gc * o / g; c < (gc + 1) * o / g; c++)
                                if (map[r * o + c] > best)
                                    (best, winner) = (map[r * o + c], r * o + c);
                        output[at] = best;
                        winners[at] = winner;
                    }
            }
        }
        return new ConvolutionFeaturesCache(batch, images, output, winners);
    }

    /// <summary>∂W and ∂b from ∂L/∂features (B, K·G·G): each feature's gradient flows to the one place its maximum came from.</summary>
    public void Backward(ConvolutionFeaturesCache cache, ReadOnlySpan<float> dOutput)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (dOutput.Length != cache.Output.Length)
            throw new ShapeMismatchException($"dOutput must have shape (B, K·G·G) = ({cache.Batch}, {OutputSize}) but has {dOutput.Length} values");
        int o = MapSide, g = Grid;
        for (var b = 0; b < cache.Batch; b++)
        {
            var image = cache.Images.AsSpan(b * Side * Side, Side * Side);
            for (var f = 0; f < Filters; f++)
                for (var cell = 0; cell < g * g; cell++)
                {
                    var at = b * OutputSize + f * g * g + cell;
                    var winner = cache.Winners[at];
                    if (winner < 0 || dOutput[at] == 0) continue;
                    int r = winner / o, c = winner % o;
                    var dw = Weight.Grad.AsSpan(f * Kernel * Kernel, Kernel * Kernel);
                    for (var i = 0; i < Kernel; i++)
                        for (var j = 0; j < Kernel; j++)
                            dw[i * Kernel + j] += dOutput[at] * image[(r + i) * Side + c + j];
                    Bias.Grad[f] += dOutput[at];
                }
        }
    }

    public override string ToString() => $"ConvolutionFeatures({Side}×{Side}, {Filters} filters {Kernel}×{Kernel}, max over {Grid}×{Grid} cells)";
}
