using System.Globalization;
using RnnKit.Data.Tasks;
using Xunit;

namespace RnnKit.Tests.Data.Tasks;

/// <summary>The language tasks: dates, toy-language tagging, sentiment.</summary>
public class LanguageTaskTests
{
    [Theory]
    [InlineData("weekday day month year", "tuesday 3 march 1998")]
    [InlineData("month/day/yy", "3/3/98")]
    [InlineData("Month day, year", "March 3, 1998")]
    [InlineData("day Mon year", "3 Mar 1998")]
    [InlineData("Wkd, Mon day, year", "Tue, Mar 3, 1998")]
    [InlineData("dd.mm.yyyy", "03.03.1998")]
    [InlineData("the dayth of month year", "the 3rd of march 1998")]
    [InlineData("MONTH day year", "MARCH 3 1998")]
    [InlineData("dd-mm-yyyy", "03-03-1998")]
    [InlineData("yyyy/mm/dd", "1998/03/03")]
    [InlineData("Weekday, Month day, year", "Tuesday, March 3, 1998")]
    [InlineData("day month yy", "3 march 98")]
    public void Every_date_format_writes_the_brief_example(string format, string expected)
    {
        var f = Dates.Formats.Single(f => f.Name == format);
        Assert.Equal(expected, f.Write(new DateOnly(1998, 3, 3)));
    }

    [Fact]
    public void Generated_dates_parse_back_to_their_iso_form()
    {
        var examples = Dates.Generate(new DatesOptions { Count = 600 });
        Assert.Equal(Dates.Formats.Count, examples.Select(e => e.Format).Distinct().Count());
        foreach (var e in examples.Where(e => e.Format is "Month day, year" or "dd.mm.yyyy" or "yyyy/mm/dd" or "Weekday, Month day, year"))
        {
            var pattern = e.Format switch
            {
                "Month day, year" => "MMMM d, yyyy",
                "dd.mm.yyyy" => "dd.MM.yyyy",
                "yyyy/mm/dd" => "yyyy/MM/dd",
                _ => "dddd, MMMM d, yyyy",
            };
            var parsed = DateOnly.ParseExact(e.Human, pattern, CultureInfo.InvariantCulture);
            Assert.Equal(e.Iso, parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData(1, "the 1st of may 2001")]
    [InlineData(2, "the 2nd of may 2001")]
    [InlineData(11, "the 11th of may 2001")]
    [InlineData(12, "the 12th of may 2001")]
    [InlineData(13, "the 13th of may 2001")]
    [InlineData(22, "the 22nd of may 2001")]
    [InlineData(31, "the 31st of may 2001")]
    public void Ordinals_follow_english(int day, string expected)
    {
        var f = Dates.Formats.Single(f => f.Name == "the dayth of month year");
        Assert.Equal(expected, f.Write(new DateOnly(2001, 5, day)));
    }

    [Fact]
    public void Tagging_has_one_tag_per_word_and_the_right_context_rules_hold()
    {
        var sentences = ToyLanguage.Generate(new ToyLanguageOptions { Count = 800 });
        var ambiguous = new[] { "light", "cold", "paper" };
        var (adjectiveUses, nounUses, parisPlaces, parisPeople, newPlaces) = (0, 0, 0, 0, 0);
        foreach (var s in sentences)
        {
            Assert.Equal(s.Words.Length, s.PartsOfSpeech.Length);
            Assert.Equal(s.Words.Length, s.Entities.Length);
            Assert.Equal(".", s.Words[^1]);
            for (var i = 0; i < s.Words.Length - 1; i++)
            {
                var next = (Pos: s.PartsOfSpeech[i + 1], Entity: s.Entities[i + 1]);
                if (ambiguous.Contains(s.Words[i]))
                {
                    Assert.Equal(next.Pos == ToyLanguage.Noun ? ToyLanguage.Adjective : ToyLanguage.Noun, s.PartsOfSpeech[i]);
                    if (next.Pos == ToyLanguage.Noun) adjectiveUses++; else nounUses++;
                }
                if (s.Words[i] == "paris")
                {
                    Assert.Equal(next.Entity == ToyLanguage.InsidePerson ? ToyLanguage.BeginPerson : ToyLanguage.BeginPlace, s.Entities[i]);
                    if (next.Entity == ToyLanguage.InsidePerson) parisPeople++; else parisPlaces++;
                }
                if (s.Words[i] == "new")
                {
                    var place = s.Words[i + 1] is "york" or "delhi";
                    Assert.Equal(place ? ToyLanguage.BeginPlace : ToyLanguage.Outside, s.Entities[i]);
                    if (place) newPlaces++;
                }
            }
        }
        Assert.True(adjectiveUses > 10 && nounUses > 10 && parisPeople > 5 && parisPlaces > 5 && newPlaces > 5,
            $"every ambiguity must occur both ways: {adjectiveUses} {nounUses} {parisPeople} {parisPlaces} {newPlaces}");
    }

    [Fact]
    public void Sentiment_is_balanced_and_negation_flips_the_label()
    {
        var examples = Sentiment.Generate(new SentimentOptions { Count = 1000 });
        Assert.InRange(examples.Count(e => e.Positive), 400, 600);
        Assert.Contains(examples, e => e.Text.Contains(" not ") && e.Positive);
        Assert.Contains(examples, e => e.Text.Contains(" not ") && !e.Positive);
        foreach (var e in examples.Where(e => !e.Text.Contains(" but ") && !e.Text.StartsWith("i ")))
        {
            var words = e.Text.Split(' ');
            var good = new[] { "good", "great", "lovely", "fun", "excellent", "pleasant" }.Contains(words[^1]);
            var negated = words.Contains("not") || words.Contains("never");
            Assert.Equal(good != negated, e.Positive);
        }
    }
}
