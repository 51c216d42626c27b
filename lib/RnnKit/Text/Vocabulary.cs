namespace RnnKit.Text;

/// <summary>
/// A bijection between tokens and indices 0..Count-1. Indices 0–3 are <c>&lt;unk&gt;</c>, <c>&lt;pad&gt;</c>,
/// <c>&lt;bos&gt;</c>, <c>&lt;eos&gt;</c>; then any extra reserved tokens; then the corpus tokens by falling
/// frequency, ties broken by ordinal order of the token, so the same corpus always gives the same indices.
/// </summary>
public sealed class Vocabulary
{
    private readonly string[] _tokens;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int> _frequencies;

    private Vocabulary(string[] tokens, Dictionary<string, int> frequencies)
    {
        _tokens = tokens;
        _index = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
            _index[tokens[i]] = i;
        _frequencies = frequencies;
    }

    /// <summary>Counts <paramref name="tokens"/> and keeps those seen at least <see cref="VocabularyOptions.MinFrequency"/> times.</summary>
    public static Vocabulary Build(IEnumerable<string> tokens, VocabularyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        options ??= new VocabularyOptions();
        if (options.MinFrequency < 1)
            throw new ArgumentOutOfRangeException(nameof(options), $"MinFrequency must be at least 1, got {options.MinFrequency}");
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in tokens)
            frequencies[t] = frequencies.GetValueOrDefault(t) + 1;
        var reserved = SpecialTokens.All.Concat(options.ExtraReserved).Distinct(StringComparer.Ordinal).ToList();
        var reservedSet = reserved.ToHashSet(StringComparer.Ordinal);
        var kept = frequencies
            .Where(kv => kv.Value >= options.MinFrequency && !reservedSet.Contains(kv.Key))
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key);
        return new Vocabulary([.. reserved, .. kept], frequencies);
    }

    /// <summary>A character vocabulary of <paramref name="text"/> (text elements, see <see cref="Tokens.Characters"/>).</summary>
    public static Vocabulary OfCharacters(string text, VocabularyOptions? options = null) =>
        Build(Text.Tokens.Characters(text), options);

    /// <summary>A word vocabulary of <paramref name="text"/> (white-space separated, see <see cref="Tokens.Words"/>).</summary>
    public static Vocabulary OfWords(string text, VocabularyOptions? options = null) =>
        Build(Text.Tokens.Words(text), options);

    /// <summary>Number of tokens, reserved ones included: the size of a one-hot vector.</summary>
    public int Count => _tokens.Length;

    public int UnknownIndex => 0;
    public int PaddingIndex => 1;
    public int BeginIndex => 2;
    public int EndIndex => 3;

    /// <summary>Every token, in index order.</summary>
    public IReadOnlyList<string> Tokens => _tokens;

    public bool Contains(string token) => _index.ContainsKey(token);

    /// <summary>The index of <paramref name="token"/>, or <see cref="UnknownIndex"/> if it is not in the vocabulary.</summary>
    public int this[string token] => _index.TryGetValue(token, out var i) ? i : UnknownIndex;

    /// <summary>The token at <paramref name="index"/>.</summary>
    public string TokenAt(int index)
    {
        if ((uint)index >= (uint)_tokens.Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is outside the vocabulary of {Count} tokens (0..{Count - 1})");
        return _tokens[index];
    }

    /// <summary>How often <paramref name="token"/> appeared in the corpus the vocabulary was built from (0 if never).</summary>
    public int Frequency(string token) => _frequencies.GetValueOrDefault(token);

    /// <summary>Indices of <paramref name="tokens"/>; unknown tokens become <see cref="UnknownIndex"/>.</summary>
    public int[] Encode(IEnumerable<string> tokens) => tokens.Select(t => this[t]).ToArray();

    /// <summary>Indices of the characters (text elements) of <paramref name="text"/>.</summary>
    public int[] EncodeCharacters(string text) => Encode(Text.Tokens.Characters(text));

    /// <summary>Tokens of <paramref name="indices"/>.</summary>
    public string[] Decode(IEnumerable<int> indices) => indices.Select(TokenAt).ToArray();

    /// <summary>The tokens of <paramref name="indices"/> joined with <paramref name="separator"/> (empty for characters).</summary>
    public string DecodeToString(IEnumerable<int> indices, string separator = "") => string.Join(separator, Decode(indices));

    public override string ToString() => $"Vocabulary({Count} tokens)";
}
