using System.Text.Json;
using RnnKit.Cli;
using Xunit;

namespace RnnKit.Cli.Tests.Verbs;

public class BenchVerbTests
{
    [Fact]
    public void Json_is_one_line_with_the_contract_fields()
    {
        var r = TestSupport.Cli.Run("bench", "--cell", "gru", "--vocab", "7", "--hidden", "8", "--batch", "4", "--steps", "3", "--seconds", "0.05", "--json");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        var json = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("gru", json.GetProperty("cell").GetString());
        Assert.Equal(7, json.GetProperty("vocab").GetInt32());
        Assert.Equal(8, json.GetProperty("hidden").GetInt32());
        Assert.Equal(4, json.GetProperty("batch").GetInt32());
        Assert.Equal(3, json.GetProperty("steps").GetInt32());
        var ms = json.GetProperty("ms_per_step").GetDouble();
        var tokens = json.GetProperty("tokens_per_second").GetDouble();
        Assert.True(ms > 0);
        Assert.Equal(4 * 3 / (ms / 1000), tokens, tolerance: tokens * 1e-3);
    }

    [Fact]
    public void An_unknown_cell_is_a_usage_error_naming_the_option()
    {
        var r = TestSupport.Cli.Run("bench", "--cell", "transformer");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("--cell must be one of lstm, gru, rnn", r.Stderr);
    }
}
