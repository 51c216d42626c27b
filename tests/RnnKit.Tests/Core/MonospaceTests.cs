using Xunit;

namespace RnnKit.Tests.Core;

public class MonospaceTests
{
    [Theory]
    [InlineData("cell", 4)]
    [InlineData("单元", 4)]
    [InlineData("毫秒/步", 7)]
    [InlineData("（第3列）", 9)]
    [InlineData("a⟨t⟩", 4)]
    [InlineData("e\u0301", 1)]
    [InlineData("𠀀", 2)]
    [InlineData("", 0)]
    public void A_wide_character_takes_two_columns_and_a_combining_mark_none(string text, int columns)
    {
        Assert.Equal(columns, Monospace.Width(text));
    }

    [Fact]
    public void It_pads_like_csharps_alignment_where_each_character_is_one_column()
    {
        foreach (var (text, alignment) in new[] { ("rnn", 5), ("rnn", -5), ("gradient descent", -30), ("12.5", 8), ("toolong", 3) })
            Assert.Equal(string.Format($"{{0,{alignment}}}", text), Monospace.Align(text, alignment));
    }

    [Fact]
    public void Chinese_and_English_rows_line_up()
    {
        var rows = new[] { ("梯度下降（参照）", 0.0123), ("LSTM + Adam", 0.5), ("回声状态网络", 12.25) }
            .Select(r => $"{Monospace.Align(r.Item1, -20)}|{Monospace.Align(r.Item2.ToString("F4"), 9)}|").ToList();
        Assert.All(rows, row => Assert.Equal(31, Monospace.Width(row)));
        Assert.Equal("LSTM + Adam         |   0.5000|", rows[1]);
    }

    [Fact]
    public void Text_wider_than_its_column_is_kept_whole()
    {
        Assert.Equal("最佳测试困惑度", Monospace.Align("最佳测试困惑度", -5));
        Assert.Equal("最佳测试困惑度", Monospace.Align("最佳测试困惑度", 14));
        Assert.Equal(" 最佳测试困惑度", Monospace.Align("最佳测试困惑度", 15));
        Assert.Equal("最佳测试困惑度 ", Monospace.Align("最佳测试困惑度", -15));
    }
}
