using System.Globalization;
using System.Text.Json;

namespace RnnKit.Data.Tasks;

/// <summary>Settings of <see cref="Dates"/>.</summary>
public sealed record DatesOptions
{
    public int Count { get; init; } = 2000;

    /// <summary>First date drawn. With <see cref="Last"/> it spans one century, so two-digit years are unambiguous.</summary>
    public DateOnly First { get; init; } = new(1950, 1, 1);

    /// <summary>Last date drawn (inclusive).</summary>
    public DateOnly Last { get; init; } = new(2049, 12, 31);

    public int Seed { get; init; } = 105;
}

/// <summary>One translation pair: <see cref="Human"/> ("tuesday 3 march 1998") → <see cref="Iso"/> ("1998-03-03").</summary>
/// <param name="Human">The date as people write it.</param>
/// <param name="Iso">The same date as ISO 8601, yyyy-MM-dd: the target sequence.</param>
/// <param name="Format">The name of the format <see cref="Human"/> was written in (see <see cref="Dates.Formats"/>).</param>
public sealed record DateExample(string Human, string Iso, string Format) : IJsonLine
{
    public void WriteTo(Utf8JsonWriter json)
    {
        json.WriteString("human", Human);
        json.WriteString("iso", Iso);
        json.WriteString("format", Format);
    }
}

/// <summary>
/// Human-readable dates to ISO dates, the sequence-to-sequence (and attention) exercise: the model must learn
/// month names, day-month order per format, two-digit years (years 50–99 are 19xx, 00–49 are 20xx) and ordinals.
/// Slash dates are month first ("4/3/98" is 1998-04-03), dashed and dotted ones day first (see <see cref="Formats"/>).
/// </summary>
public static class Dates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    private const int AbbreviationLength = 3;
    private const int TwoDigitYearModulus = 100;

    /// <summary>A named way of writing a date.</summary>
    public sealed record DateFormat(string Name, Func<DateOnly, string> Write);

    /// <summary>
    /// Every format, with what it writes for 3 March 1998. Slash dates are month/day (US order), dashed and dotted
    /// dates are day-month, so the separator tells the order.
    /// </summary>
    public static IReadOnlyList<DateFormat> Formats { get; } =
    [
        new("weekday day month year", d => $"{Day(d)} {d.Day} {Month(d)} {d.Year}"),                     // tuesday 3 march 1998
        new("month/day/yy", d => $"{d.Month}/{d.Day}/{d.Year % TwoDigitYearModulus:00}"),                 // 3/3/98
        new("Month day, year", d => $"{Capital(Month(d))} {d.Day}, {d.Year}"),                           // March 3, 1998
        new("day Mon year", d => $"{d.Day} {Capital(Short(Month(d)))} {d.Year}"),                        // 3 Mar 1998
        new("Wkd, Mon day, year", d => $"{Capital(Short(Day(d)))}, {Capital(Short(Month(d)))} {d.Day}, {d.Year}"), // Tue, Mar 3, 1998
        new("dd.mm.yyyy", d => $"{d.Day:00}.{d.Month:00}.{d.Year}"),                                     // 03.03.1998
        new("the dayth of month year", d => $"the {Ordinal(d.Day)} of {Month(d)} {d.Year}"),             // the 3rd of march 1998
        new("MONTH day year", d => $"{Month(d).ToUpperInvariant()} {d.Day} {d.Year}"),                   // MARCH 3 1998
        new("dd-mm-yyyy", d => $"{d.Day:00}-{d.Month:00}-{d.Year}"),                                     // 03-03-1998
        new("yyyy/mm/dd", d => $"{d.Year}/{d.Month:00}/{d.Day:00}"),                                     // 1998/03/03
        new("Weekday, Month day, year", d => $"{Capital(Day(d))}, {Capital(Month(d))} {d.Day}, {d.Year}"), // Tuesday, March 3, 1998
        new("day month yy", d => $"{d.Day} {Month(d)} {d.Year % TwoDigitYearModulus:00}"),                // 3 march 98
    ];

    public static IReadOnlyList<DateExample> Generate(DatesOptions? options = null)
    {
        options ??= new DatesOptions();
        if (options.Last < options.First)
            throw new ArgumentOutOfRangeException(nameof(options), $"Last ({options.Last:yyyy-MM-dd}) is before First ({options.First:yyyy-MM-dd})");
        var random = SeededRandom.Create(options.Seed);
        var days = options.Last.DayNumber - options.First.DayNumber + 1;
        var examples = new DateExample[options.Count];
        for (var i = 0; i < examples.Length; i++)
        {
            var date = DateOnly.FromDayNumber(options.First.DayNumber + random.Next(days));
            var format = random.Pick(Formats);
            examples[i] = new DateExample(format.Write(date), Iso(date), format.Name);
        }
        return examples;
    }

    /// <summary>yyyy-MM-dd.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Month(DateOnly d) => MonthNames[d.Month - 1];

    private static string Day(DateOnly d) => DayNames[(int)d.DayOfWeek];

    private static string Short(string name) => name[..AbbreviationLength];

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st, 22nd, 23rd, …, 31st.</summary>
    private static string Ordinal(int day) => day + (day % 100 is 11 or 12 or 13 ? "th" : (day % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });
}
