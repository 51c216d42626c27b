using RnnKit.Exercises;

namespace RnnKit.Notebooks.Tests.Exercises.Mutations;

/// <summary>
/// A mistake: text of the teacher's solution replaced by a wrong version (every occurrence, in the exercise's answer
/// cell), and what the feedback must say — messages of <see cref="Feedback"/>'s catalog by name, so the English and
/// the Chinese words both come from the catalog, and a phrase of the exercise's own test cell (in English: a Chinese
/// twin's test cell has its own words, so there the feedback must only be Chinese).
/// </summary>
/// <param name="Exercise">The exercise whose answer is mutated, e.g. "3.4".</param>
/// <param name="Find">Text of the answer cell.</param>
/// <param name="Replace">What replaces it.</param>
/// <param name="Messages">Names of <see cref="Feedback"/>'s messages the feedback must hold.</param>
/// <param name="Phrase">Words of the English test cell the feedback must hold, or null.</param>
public sealed record Mutation(string Exercise, string Find, string Replace, IReadOnlyList<string> Messages, string? Phrase = null)
{
    /// <summary>Further edits of the same answer cell, for a mistake made in several places (each gate, x and y).</summary>
    public IReadOnlyList<(string Find, string Replace)> Also { get; init; } = [];

    /// <summary>A mistake named by messages of the catalog.</summary>
    public static Mutation Named(string exercise, string find, string replace, params string[] messages) => new(exercise, find, replace, messages);

    /// <summary>A mistake told by the exercise's own test cell (and perhaps by messages of the catalog as well).</summary>
    public static Mutation Told(string exercise, string find, string replace, string phrase, params string[] messages) =>
        new(exercise, find, replace, messages, phrase);

    /// <summary>Every edit of the answer cell, the first one included.</summary>
    public IEnumerable<(string Find, string Replace)> Edits => Also.Prepend((Find, Replace));

    /// <summary>What is missing from <paramref name="feedback"/> in <paramref name="language"/>, or null when it says all it must.</summary>
    public string? Missing(string feedback, string language)
    {
        foreach (var message in Messages)
            if (!FeedbackWords.Hold(feedback, message, language))
                return $"Feedback.{message} ({string.Join(" or ", FeedbackWords.Of(message, language).Select(runs => $"\"{string.Join("\" … \"", runs)}\""))})";
        if (Phrase is null) return null;
        if (language == KitSettings.English)
            return feedback.Contains(Phrase, StringComparison.Ordinal) ? null : $"\"{Phrase}\"";
        return feedback.Any(c => c is >= '\u4e00' and <= '\u9fff') ? null : "Chinese words (the twin's test cell speaks Chinese)";
    }

    public override string ToString() => $"{Exercise} with '{string.Join("', '", Edits.Select(e => e.Replace))}'";
}
