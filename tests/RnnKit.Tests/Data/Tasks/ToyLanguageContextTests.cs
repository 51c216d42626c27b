using RnnKit.Data.Tasks;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

/// <summary>
/// Which words of the toy language a left-to-right tagger cannot tag: lesson 07 relies on exactly these.
/// The word before carries all the left context this grammar has, so a word is undecidable from the left when the
/// same (previous word, word) pair takes more than one (part of speech, entity) tag.
/// </summary>
public class ToyLanguageContextTests
{
    private const string Start = "<s>";

    [Fact]
    public void Only_light_cold_paper_and_paris_need_the_right_hand_context()
    {
        var sentences = ToyLanguage.Generate(new ToyLanguageOptions { Count = 20_000, Seed = 73 });
        var ambiguous = sentences
            .SelectMany(s => s.Words.Select((w, i) => (Previous: i == 0 ? Start : s.Words[i - 1], Word: w, Tag: (s.PartsOfSpeech[i], s.Entities[i]))))
            .GroupBy(p => (p.Previous, p.Word))
            .Where(g => g.Select(p => p.Tag).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Equal(["cold", "light", "paper", "paris"], ambiguous.Select(k => k.Word).Distinct().Order(StringComparer.Ordinal));
        Assert.All(ambiguous.Where(k => k.Word != "paris"), k => Assert.Contains(k.Previous, new[] { "the", "a", "every", "this" }));
        Assert.DoesNotContain(ambiguous, k => k.Word == "paris" && k.Previous is "in" or "near" or "from" or "to");
    }

    [Fact]
    public void New_is_decided_by_the_word_before_it()
    {
        var sentences = ToyLanguage.Generate(new ToyLanguageOptions { Count = 5_000, Seed = 74 });
        foreach (var s in sentences)
            for (var i = 0; i < s.Words.Length; i++)
            {
                if (s.Words[i] != "new") continue;
                var afterDeterminer = i > 0 && s.PartsOfSpeech[i - 1] == ToyLanguage.Determiner;
                Assert.Equal(afterDeterminer ? ToyLanguage.Adjective : ToyLanguage.ProperNoun, s.PartsOfSpeech[i]);
            }
    }
}
