using RnnKit.Data;

namespace RnnKit.Text;

/// <summary>
/// The character corpus of the poem lessons (01, 02, 06, 08): one poem in <see cref="HeldOutEvery"/> held out after
/// a seeded shuffle, each side joined into one text (poems separated by a blank line), the vocabulary taken from the
/// training text alone (characters seen fewer than <see cref="MinFrequency"/> times become &lt;unk&gt;), and both texts
/// encoded with it. Lessons that build it from the same poems and seed see the same text, so their perplexities and
/// the <see cref="NGramBaseline"/> numbers they quote agree.
/// </summary>
/// <param name="TrainPoems">The poems the models learn from.</param>
/// <param name="TestPoems">The held-out poems perplexity is measured on.</param>
/// <param name="TrainText">The training poems' texts joined with a blank line between poems.</param>
/// <param name="TestText">The held-out poems' texts joined the same way.</param>
/// <param name="Vocabulary">Characters of <paramref name="TrainText"/> seen at least <see cref="MinFrequency"/> times, plus the special tokens.</param>
/// <param name="TrainIds">The training text encoded, one id per character.</param>
/// <param name="TestIds">The held-out text encoded (unknown characters are &lt;unk&gt;).</param>
public sealed record PoemSplit(
    IReadOnlyList<Poem> TrainPoems, IReadOnlyList<Poem> TestPoems, string TrainText, string TestText,
    Vocabulary Vocabulary, int[] TrainIds, int[] TestIds)
{
    /// <summary>One poem in this many is held out (rounded down: 313 poems hold out 31).</summary>
    public const int HeldOutEvery = 10;

    /// <summary>A character must occur this often in the training text to get its own token.</summary>
    public const int MinFrequency = 3;

    /// <summary>What separates two poems in the joined texts: a blank line.</summary>
    public const string PoemSeparator = "\n\n";

    /// <summary>
    /// Shuffles <paramref name="poems"/> with a Fisher–Yates shuffle seeded by <paramref name="seed"/> (pass it through
    /// <c>Kit.Seed</c> in a lesson), holds out the first <c>Count / HeldOutEvery</c> of them and builds the rest.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="HeldOutEvery"/> poems: nothing would be held out.</exception>
    public static PoemSplit Of(IReadOnlyList<Poem> poems, int seed)
    {
        ArgumentNullException.ThrowIfNull(poems);
        if (poems.Count < HeldOutEvery)
            throw new ArgumentException($"a split needs at least {HeldOutEvery} poems to hold one out, got {poems.Count}", nameof(poems));
        var shuffled = poems.ToArray();
        var rng = new Random(seed);
        for (var i = shuffled.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
        }
        var testCount = shuffled.Length / HeldOutEvery;
        var testPoems = shuffled[..testCount];
        var trainPoems = shuffled[testCount..];
        var trainText = Join(trainPoems);
        var testText = Join(testPoems);
        var vocabulary = Vocabulary.OfCharacters(trainText, new VocabularyOptions { MinFrequency = MinFrequency });
        return new PoemSplit(trainPoems, testPoems, trainText, testText, vocabulary,
            vocabulary.EncodeCharacters(trainText), vocabulary.EncodeCharacters(testText));
    }

    private static string Join(IEnumerable<Poem> poems) => string.Join(PoemSeparator, poems.Select(p => p.Text));
}
