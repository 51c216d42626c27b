using RnnKit.Data;
using Xunit;

namespace RnnKit.Tests.Data;

public class DatedSeriesTests
{
    private const string Csv = "date,co2\n19580329,316.1\n19580405,317.3\n19580412,\n19580503,317.5\n19580607,\n";

    [Fact]
    public void Weekly_values_and_gaps_become_monthly_means()
    {
        var weekly = DatedSeries.ParseCsv(Csv, "co2.csv");
        Assert.Equal(5, weekly.Count);
        Assert.Null(weekly[2].Value);
        var monthly = DatedSeries.MonthlyMeans(weekly);
        Assert.Equal([new DateOnly(1958, 3, 1), new DateOnly(1958, 4, 1), new DateOnly(1958, 5, 1), new DateOnly(1958, 6, 1)], monthly.Select(m => m.Date));
        Assert.Equal(316.1, monthly[0].Value!.Value, 12);
        Assert.Equal(317.3, monthly[1].Value!.Value, 12); // the empty week does not count
        Assert.Null(monthly[3].Value);
    }

    [Theory]
    [InlineData("date,co2\n1958-03-29,316.1\n", "co2.csv: line 2: expected 'YYYYMMDD,value'")]
    [InlineData("date,co2\n19580329,31x\n", "co2.csv: line 2: '31x' is not a number")]
    public void A_bad_line_is_named(string csv, string message)
    {
        var e = Assert.Throws<FormatException>(() => DatedSeries.ParseCsv(csv, "co2.csv"));
        Assert.Contains(message, e.Message);
    }
}
