using System.Reflection;
using RnnKit.Exercises;

namespace RnnKit.Notebooks.Tests.Exercises.Mutations;

/// <summary>
/// The fixed words of a message of <see cref="Feedback"/>'s catalog in a language, so a test can ask whether a
/// student's feedback holds that message without writing it out again in English and in Chinese: a message without
/// parameters is its whole text; one with parameters is evaluated with markers in their place, and its runs of text
/// between two markers are what the feedback must hold, all of them (for a member with overloads, any one's).
/// </summary>
internal static class FeedbackWords
{
    private const string Marker = "\u2063";
    private const int NumberMarker = 918_273_645;

    /// <summary>The names of the catalog's messages (properties and methods that return the words).</summary>
    public static IReadOnlySet<string> Members { get; } = typeof(Feedback)
        .GetMembers(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
        .Where(m => m is PropertyInfo { PropertyType: var p } && p == typeof(string)
                    || m is MethodInfo { ReturnType: var r, IsSpecialName: false } && r == typeof(string) && m.Name != nameof(Feedback.Say))
        .Select(m => m.Name)
        .ToHashSet();

    /// <summary>
    /// What a feedback naming <paramref name="member"/> holds, in <paramref name="language"/>: for each overload, the
    /// runs of text between its parameters (those it says whatever the numbers are: a run that a number of 0 leaves
    /// out, like "and 3 entries of the gradient are not finite", is not required).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(string member, string language)
    {
        if (!Members.Contains(member)) throw new ArgumentException($"Feedback has no message '{member}'", nameof(member));
        using var _ = KitSettings.Use(new KitSettings(Language: language));
        var flags = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        if (typeof(Feedback).GetProperty(member, flags) is { } property)
            return [[(string)property.GetValue(null)!]];
        return
        [
            .. typeof(Feedback).GetMethods(flags).Where(m => m.Name == member).Select(m =>
            {
                string With(int number) => (string)m.Invoke(null, [.. m.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)number : Marker)])!;
                var withZero = With(0);
                return (IReadOnlyList<string>)
                [
                    .. With(NumberMarker).Split([Marker, NumberMarker.ToString(System.Globalization.CultureInfo.InvariantCulture)], StringSplitOptions.None)
                        .Select(run => run.Trim()).Where(run => run.Length > 0 && withZero.Contains(run, StringComparison.Ordinal)),
                ];
            }),
        ];
    }

    /// <summary>Whether <paramref name="feedback"/> holds the message <paramref name="member"/> in <paramref name="language"/>.</summary>
    public static bool Hold(string feedback, string member, string language) =>
        Of(member, language).Any(runs => runs.All(run => feedback.Contains(run, StringComparison.Ordinal)));
}
