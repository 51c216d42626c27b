using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="Sentiment"/>.</summary>
public sealed record SentimentOptions
{
    public int Count { get; init; } = 1000;

    /// <summary>Probability that a clause is negated ("was not good").</summary>
    public double NegationRate { get; init; } = 0.35;

    public int Seed { get; init; } = 107;
}

/// <summary>A short sentence and its label, 1 positive, 0 negative (N:1).</summary>
public sealed record SentimentExample(string Text, int Label) : IJsonLine
{
    public bool Positive => Label == 1;

    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteString("text", Text);
        json.WriteNumber("label", Label);
    }
}

/// <summary>
/// Short review sentences whose label a bag of words cannot get right: negation flips the adjective
/// ("the soup was not bad" is positive), and in "X but Y" the clause after "but" decides. Three patterns:
/// "SUBJECT VERB [not] [very] ADJ", "SUBJECT VERB ADJ but it VERB [not] ADJ", "i [did not] FEEL SUBJECT".
/// </summary>
public static class Sentiment
{
    public const int PositiveLabel = 1, NegativeLabel = 0;

    private static readonly string[] Subjects = ["the film", "this phone", "the soup", "our hotel", "the game", "her song", "the service", "the book"];
    private static readonly string[] Linking = ["was", "is", "seemed", "felt"];
    private static readonly string[] Good = ["good", "great", "lovely", "fun", "excellent", "pleasant"];
    private static readonly string[] Bad = ["bad", "awful", "boring", "terrible", "dull", "poor"];
    private static readonly string[] Intensifiers = ["very", "really", "quite"];
    private static readonly string[] Negations = ["not", "never"];
    private static readonly (string Past, string Bare)[] LikeVerbs = [("liked", "like"), ("loved", "love"), ("enjoyed", "enjoy")];
    private static readonly (string Past, string Bare)[] DislikeVerbs = [("hated", "hate"), ("disliked", "dislike")];

    private const double IntensifierRate = 0.3;
    private const int Patterns = 3;

    /// <summary>Positive and negative words are equally likely, so the labels are balanced.</summary>
    private const double Even = 0.5;

    public static IReadOnlyList<SentimentExample> Generate(SentimentOptions? options = null)
    {
        options ??= new SentimentOptions();
        var random = SeededRandom.Create(options.Seed);
        var examples = new SentimentExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
            examples[i] = random.Next(Patterns) switch
            {
                0 => Simple(random, options),
                1 => Contrast(random, options),
                _ => Feeling(random, options),
            };
        return examples;
    }

    private static SentimentExample Simple(Random random, SentimentOptions options)
    {
        var (clause, positive) = Clause(random, options, random.Pick(Linking));
        return Make($"{random.Pick(Subjects)} {clause}", positive);
    }

    private static SentimentExample Contrast(Random random, SentimentOptions options)
    {
        var firstPositive = random.Chance(Even);
        var first = random.Pick(firstPositive ? Good : Bad);
        var (second, positive) = Clause(random, options, random.Pick(Linking));
        return Make($"{random.Pick(Subjects)} {random.Pick(Linking)} {first} but it {second}", positive);
    }

    private static SentimentExample Feeling(Random random, SentimentOptions options)
    {
        var likes = random.Chance(Even);
        var verb = random.Pick(likes ? LikeVerbs : DislikeVerbs);
        var negated = random.Chance(options.NegationRate);
        var text = negated ? $"i did not {verb.Bare} {random.Pick(Subjects)}" : $"i {verb.Past} {random.Pick(Subjects)}";
        return Make(text, likes != negated);
    }

    private static (string Clause, bool Positive) Clause(Random random, SentimentOptions options, string linking)
    {
        var good = random.Chance(Even);
        var negated = random.Chance(options.NegationRate);
        var words = new List<string> { linking };
        if (negated)
            words.Add(random.Pick(Negations));
        if (random.Chance(IntensifierRate))
            words.Add(random.Pick(Intensifiers));
        words.Add(random.Pick(good ? Good : Bad));
        return (string.Join(' ', words), good != negated);
    }

    private static SentimentExample Make(string text, bool positive) => new(text, positive ? PositiveLabel : NegativeLabel);
}
