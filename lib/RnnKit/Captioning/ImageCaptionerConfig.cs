namespace RnnKit.Captioning;

/// <summary>The shape of an <see cref="ImageCaptioner"/>.</summary>
public sealed record ImageCaptionerConfig
{
    /// <summary>The image's size as one vector (pixels).</summary>
    public required int ImageSize { get; init; }

    /// <summary>V: words, the special tokens included.</summary>
    public required int Vocabulary { get; init; }

    /// <summary>The id the decoder reads first when the image is its initial state.</summary>
    public required int BeginToken { get; init; }

    /// <summary>The id that ends a caption.</summary>
    public required int EndToken { get; init; }

    /// <summary>E: the size of a word vector (and of the image vector fed as the first input).</summary>
    public int EmbeddingSize { get; init; } = 16;

    /// <summary>H: the decoder LSTM's state.</summary>
    public int HiddenSize { get; init; } = 32;

    public ImageFeed Feed { get; init; } = ImageFeed.FirstInput;

    /// <summary>
    /// K: with K ≥ 1 the image first goes through <see cref="ConvolutionFeatures"/> (K filters, a
    /// <see cref="ConvolutionGrid"/> × <see cref="ConvolutionGrid"/> max-pool) and the linear map reads those
    /// features; with 0 the linear map reads the pixels. The images must then be square.
    /// </summary>
    public int ConvolutionFilters { get; init; }

    /// <summary>G of the convolution's max-pool grid.</summary>
    public int ConvolutionGrid { get; init; } = 3;
}
