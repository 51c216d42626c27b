using System.Globalization;

namespace RnnKit.Data;

/// <summary>One observation of a time series: its date and its value, null where the source has none.</summary>
public sealed record DatedValue(DateOnly Date, double? Value);

/// <summary>Time series in the simple CSV of statsmodels' datasets: a header line, then <c>YYYYMMDD,value</c> (the value may be empty).</summary>
public static class DatedSeries
{
    /// <summary>Mauna Loa's weekly CO2 in ppm, 1958–2001 (dataset "co2-mauna-loa", from Debian's python3-statsmodels).</summary>
    public static IReadOnlyList<DatedValue> MaunaLoaCo2(DatasetHub? hub = null) => ReadCsv((hub ?? DatasetHub.ForKit()).Resolve("co2-mauna-loa"));

    /// <summary>Reads a file.</summary>
    /// <exception cref="FileNotFoundException">The message names the path.</exception>
    /// <exception cref="FormatException">A line that is not <c>YYYYMMDD,number</c>; the message names the file and line.</exception>
    public static IReadOnlyList<DatedValue> ReadCsv(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"time series {Path.GetFullPath(path)} does not exist", path);
        return ParseCsv(File.ReadAllText(path), path);
    }

    /// <summary>Reads CSV text; <paramref name="where"/> names its source in messages.</summary>
    public static IReadOnlyList<DatedValue> ParseCsv(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var values = new List<DatedValue>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = lines[i].Split(',');
            if (fields.Length != 2 || !DateOnly.TryParseExact(fields[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new FormatException($"{where}: line {i + 1}: expected 'YYYYMMDD,value', got '{lines[i]}'");
            double? value = null;
            if (fields[1].Length > 0)
            {
                if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw new FormatException($"{where}: line {i + 1}: '{fields[1]}' is not a number");
                value = v;
            }
            values.Add(new DatedValue(date, value));
        }
        return values;
    }

    /// <summary>The mean of each calendar month's values, in order; a month without any value is null.</summary>
    public static IReadOnlyList<DatedValue> MonthlyMeans(IReadOnlyList<DatedValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return [.. values.GroupBy(v => new DateOnly(v.Date.Year, v.Date.Month, 1)).OrderBy(g => g.Key)
            .Select(g => new DatedValue(g.Key, g.Any(v => v.Value is not null) ? g.Where(v => v.Value is not null).Average(v => v.Value!.Value) : null))];
    }
}
