using RnnKit.Notebooks.Kernel;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

public class SubmissionCheckTests
{
    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("x + 1", "complete")]
    [InlineData("#!time\nawait Task.Delay(1);", "complete")]
    [InlineData("for (var i = 0; i < 3; i++)\n{", "incomplete")]
    [InlineData("Console.WriteLine(", "incomplete")]
    [InlineData("var s = \"\"\"\nraw", "incomplete")]
    [InlineData("int x = ;", "invalid")]
    [InlineData(")))", "invalid")]
    public void Classifies_cells_as_a_console_needs(string code, string expected) =>
        Assert.Equal(expected, SubmissionCheck.Check(code).Status);

    [Fact]
    public void The_indent_follows_the_open_braces()
    {
        Assert.Equal("    ", SubmissionCheck.Check("if (true) {").Indent);
        Assert.Equal("        ", SubmissionCheck.Check("class A {\n void F() {").Indent);
    }

    [Fact]
    public void Magic_lines_are_blanked_without_moving_any_character()
    {
        var code = "#!time\nvar a = 1; // #!not magic\n  #!csharp";
        var blanked = CellText.ForAnalysis(code);
        Assert.Equal(code.Length, blanked.Length);
        Assert.Equal("      \nvar a = 1; // #!not magic\n          ", blanked);
    }

    [Fact]
    public void Cursor_positions_convert_between_code_points_and_utf16()
    {
        const string code = "// 🙂\nConsole.Wri";
        Assert.Equal(code.Length, CodePoints.ToUtf16(code, code.Length - 1));
        Assert.Equal(code.Length - 1, CodePoints.FromUtf16(code, code.Length));
        Assert.Equal(3, CodePoints.ToUtf16(code, 3));
        Assert.Equal(5, CodePoints.ToUtf16(code, 4));
    }
}
