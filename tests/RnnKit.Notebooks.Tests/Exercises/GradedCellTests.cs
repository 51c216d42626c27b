using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Execution;
using Xunit;

namespace RnnKit.Notebooks.Tests.Exercises;

/// <summary>The grading process's result lines: what is written is read back; anything else is no result.</summary>
public class GradedCellTests
{
    [Fact]
    public void A_line_reads_back_as_the_cell_it_was_written_from()
    {
        var cell = new GradedCell(4, CellStatus.Timeout, "cell 5 did not finish within 5 s");
        Assert.Equal(cell, GradedCell.FromJsonLine(cell.ToJsonLine()));
    }

    [Theory]
    [InlineData("{\"cell\":3,\"status\":\"finished\"}")]
    [InlineData("{\"cell\":\"3\",\"status\":\"ok\"}")]
    [InlineData("{\"cell\":3,\"status\":\"o")]
    [InlineData("not json")]
    public void A_line_that_is_not_a_result_reads_as_none(string line) => Assert.Null(GradedCell.FromJsonLine(line));
}
