using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="ToyLanguage"/>.</summary>
public sealed record ToyLanguageOptions
{
    public int Count { get; init; } = 1000;

    /// <summary>Probability that a noun phrase has an adjective.</summary>
    public double AdjectiveRate { get; init; } = 0.5;

    /// <summary>Probability that a sentence ends with a place ("… in new york").</summary>
    public double PlaceRate { get; init; } = 0.6;

    public int Seed { get; init; } = 106;
}

/// <summary>
/// One sentence with a part-of-speech tag and an entity tag (BIO: B-PER, I-PER, B-LOC, I-LOC, O) per word:
/// three sequences of the same length, the N:N tagging setup.
/// </summary>
public sealed record TaggedSentence(string[] Words, string[] PartsOfSpeech, string[] Entities) : IJsonLine
{
    public string Text => string.Join(' ', Words);

    public void WriteTo(Utf8JsonWriter json)
    {
        Json.WriteArray(json, "words", Words);
        Json.WriteArray(json, "pos", PartsOfSpeech);
        Json.WriteArray(json, "entities", Entities);
    }
}

/// <summary>
/// A toy language from a small grammar, tagged for parts of speech and named entities. Some words cannot be
/// tagged from the left alone, which is what a bidirectional RNN is for:
/// <list type="bullet">
/// <item>"light", "cold", "paper" are ADJ before a noun ("the light boat") and NOUN otherwise ("the light fades");</item>
/// <item>"paris" is a person (B-PER) when a surname follows ("paris novak sleeps") and a place (B-LOC) otherwise
/// ("paris sleeps"), also at the start of a sentence, where there is no left context at all.</item>
/// </list>
/// "new" only looks ambiguous: it is ADJ in "the new boat" but a place (PROPN, B-LOC) in "new york" and "new delhi",
/// and the word before it decides, since the adjective always follows a determiner and the place never does.
/// Grammar: S → NP VP "." ; NP → DET (ADJ) NOUN | PERSON | PLACE ; PERSON → FIRST (SURNAME) ;
/// VP → VT NP (PP) | VI (PP) ; PP → ADP PLACE. The first name "paris" always takes a surname.
/// </summary>
public static class ToyLanguage
{
    public const string Determiner = "DET", Adjective = "ADJ", Noun = "NOUN", ProperNoun = "PROPN", Verb = "VERB",
        Adposition = "ADP", Punctuation = "PUNCT";

    public const string Outside = "O", BeginPerson = "B-PER", InsidePerson = "I-PER", BeginPlace = "B-LOC", InsidePlace = "I-LOC";

    private static readonly string[] Determiners = ["the", "a", "every", "this"];
    private static readonly string[] Adjectives = ["small", "red", "old", "happy", "quiet"];

    /// <summary>ADJ before a noun, NOUN anywhere else.</summary>
    private static readonly string[] AdjectiveOrNoun = ["light", "cold", "paper"];

    private static readonly string[] Nouns = ["dog", "cat", "boat", "teacher", "bird", "house", "garden"];
    private static readonly string[] TransitiveVerbs = ["sees", "likes", "follows", "finds", "paints"];
    private static readonly string[] IntransitiveVerbs = ["sleeps", "runs", "waits", "fades"];
    private static readonly string[] Adpositions = ["in", "near", "from", "to"];
    private static readonly string[] FirstNames = ["anna", "boris", "chen", "dara", "emil", "paris"];
    private static readonly string[] Surnames = ["smith", "lee", "novak"];
    private static readonly string[][] Places = [["paris"], ["lima"], ["oslo"], ["cairo"], ["new", "york"], ["new", "delhi"]];

    private const string NewAsAdjective = "new";
    private const double SurnameRate = 0.5;
    private const double PersonRate = 0.35;
    private const double PlaceAsNounPhraseRate = 0.15;

    /// <summary>The first name that is also a place, so it always takes a surname to stay a person.</summary>
    private const string AmbiguousFirstName = "paris";
    private const double TransitiveRate = 0.6;

    public static IReadOnlyList<TaggedSentence> Generate(ToyLanguageOptions? options = null)
    {
        options ??= new ToyLanguageOptions();
        var random = SeededRandom.Create(options.Seed);
        var examples = new TaggedSentence[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var s = new Builder();
            NounPhrase(s, random, options);
            if (random.Chance(TransitiveRate))
            {
                s.Add(random.Pick(TransitiveVerbs), Verb);
                NounPhrase(s, random, options);
            }
            else
                s.Add(random.Pick(IntransitiveVerbs), Verb);
            if (random.Chance(options.PlaceRate))
            {
                s.Add(random.Pick(Adpositions), Adposition);
                Place(s, random);
            }
            s.Add(".", Punctuation);
            examples[i] = s.Build();
        }
        return examples;
    }

    private static void NounPhrase(Builder s, Random random, ToyLanguageOptions options)
    {
        if (random.Chance(PersonRate))
        {
            var first = random.Pick(FirstNames);
            s.Add(first, ProperNoun, BeginPerson);
            if (first == AmbiguousFirstName || random.Chance(SurnameRate))
                s.Add(random.Pick(Surnames), ProperNoun, InsidePerson);
            return;
        }
        if (random.Chance(PlaceAsNounPhraseRate))
        {
            Place(s, random);
            return;
        }
        s.Add(random.Pick(Determiners), Determiner);
        if (random.Chance(options.AdjectiveRate))
        {
            var adjectives = Adjectives.Concat(AdjectiveOrNoun).Append(NewAsAdjective).ToArray();
            s.Add(random.Pick(adjectives), Adjective);
        }
        s.Add(random.Pick(Nouns.Concat(AdjectiveOrNoun).ToArray()), Noun);
    }

    private static void Place(Builder s, Random random)
    {
        var place = random.Pick(Places);
        for (var w = 0; w < place.Length; w++)
            s.Add(place[w], ProperNoun, w == 0 ? BeginPlace : InsidePlace);
    }

    private sealed class Builder
    {
        private readonly List<string> _words = [], _pos = [], _entities = [];

        public void Add(string word, string pos, string entity = Outside)
        {
            _words.Add(word);
            _pos.Add(pos);
            _entities.Add(entity);
        }

        public TaggedSentence Build() => new([.. _words], [.. _pos], [.. _entities]);
    }
}
