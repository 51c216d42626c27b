using RnnKit.Notebooks.Execution;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>The one mapping between how a cell ended and the words the report and the grader write.</summary>
public class CellStatusTests
{
    [Theory]
    [InlineData(CellStatus.Ok, "ok")]
    [InlineData(CellStatus.Error, "error")]
    [InlineData(CellStatus.Timeout, "timeout")]
    public void A_status_is_written_as_the_report_contract_says_and_read_back(CellStatus status, string word)
    {
        Assert.Equal(word, status.ToWire());
        Assert.Equal(status, CellStatusWire.FromWire(word));
    }

    [Fact]
    public void An_interrupted_cell_is_written_as_an_error_since_the_report_knows_three_words() =>
        Assert.Equal("error", CellStatus.Interrupted.ToWire());

    [Theory]
    [InlineData("finished")]
    [InlineData("OK")]
    [InlineData("")]
    [InlineData(null)]
    public void A_word_that_is_no_status_reads_as_none(string? word) => Assert.Null(CellStatusWire.FromWire(word));
}
