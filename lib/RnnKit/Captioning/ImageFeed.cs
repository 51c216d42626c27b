namespace RnnKit.Captioning;

/// <summary>Where an <see cref="ImageCaptioner"/>'s decoder receives the image.</summary>
public enum ImageFeed
{
    /// <summary>As its first input, x⟨0⟩ = W_I x_img + b_I, before the first word (Vinyals et al. 2015, Show and Tell).</summary>
    FirstInput,

    /// <summary>As its initial state, h⟨0⟩ = tanh(W_I x_img + b_I), with &lt;bos&gt; as the first input.</summary>
    InitialState,
}
