namespace RnnKit.Text;

/// <summary>How a <see cref="Vocabulary"/> is built; specialise with <c>with { MinFrequency = 5 }</c>.</summary>
public sealed record VocabularyOptions
{
    /// <summary>Tokens seen fewer times than this map to <c>&lt;unk&gt;</c>. 1 keeps every token seen.</summary>
    public int MinFrequency { get; init; } = 1;

    /// <summary>Extra reserved tokens placed right after the four <see cref="SpecialTokens"/> (none by default).</summary>
    public IReadOnlyList<string> ExtraReserved { get; init; } = [];
}
