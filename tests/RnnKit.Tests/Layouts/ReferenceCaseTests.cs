using System.Text.Json.Nodes;
using RnnKit.Cli;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Tests.Layouts;

/// <summary>A malformed case exits 1 with a message naming the field, what was expected and where it differs.</summary>
public class ReferenceCaseTests
{
    private static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Repo.PathOf("tests", "RnnKit.Tests", "Fixtures", "reference", name)))!.AsObject();

    private static TestSupport.Cli.Result RunOn(JsonObject json)
    {
        var file = Path.Combine(Repo.TempFolder(), "case.json");
        File.WriteAllText(file, json.ToJsonString());
        return TestSupport.Cli.Run("reference", file);
    }

    private static void AssertRejected(JsonObject json, params string[] fragments)
    {
        var result = RunOn(json);
        Assert.Equal(ExitCodes.Error, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("case.json: ", result.Stderr);
        foreach (var f in fragments) Assert.Contains(f, result.Stderr);
    }

    [Fact]
    public void A_row_of_the_wrong_length_is_named()
    {
        var json = Fixture("rnn_tanh_i3_h4_t5_b2_all.json");
        json["weight_hh"]![1]!.AsArray().Add(0.5);
        AssertRejected(json, "weight_hh: expected 4 rows of 4 numbers, but weight_hh[1] has length 5");
    }

    [Fact]
    public void Missing_rows_are_named()
    {
        var json = Fixture("gru_i3_h4_t5_b2_all.json");
        json["weight_ih"]!.AsArray().RemoveAt(0);
        AssertRejected(json, "weight_ih: expected 12 rows of 3 numbers, but weight_ih has length 11");
    }

    [Fact]
    public void A_sequence_with_a_short_step_is_named()
    {
        var json = Fixture("lstm_i3_h4_t5_b2_all.json");
        json["dy"]![2]!.AsArray().RemoveAt(1);
        AssertRejected(json, "dy: expected 5 steps of 2 rows of 4 numbers, but dy[2] has length 1");
    }

    [Fact]
    public void A_non_number_is_named_with_its_position()
    {
        var json = Fixture("rnn_relu_i3_h4_t5_b2_all.json");
        json["x"]![0]![1]![2] = "oops";
        AssertRejected(json, "x[0][1][2] is \"oops\", not a finite number");
    }

    [Fact]
    public void Unknown_cell_missing_field_and_misplaced_cell_state_are_named()
    {
        var json = Fixture("gru_i1_h2_t1_b1_none.json");
        json["cell"] = "transformer";
        AssertRejected(json, "cell: expected", "\"transformer\"");

        json = Fixture("lstm_i1_h2_t1_b1_none.json");
        json.Remove("c0");
        AssertRejected(json, "c0: missing");

        json = Fixture("gru_i1_h2_t1_b1_none.json");
        json["c0"] = JsonNode.Parse("[[0.0, 0.0]]");
        AssertRejected(json, "c0: only an lstm has a cell state");

        json = Fixture("gru_i1_h2_t1_b1_none.json");
        json["hidden_size"] = 0;
        AssertRejected(json, "hidden_size: expected a positive integer, got 0");

        json = Fixture("gru_i1_h2_t1_b1_none.json");
        json["dh_N"] = JsonNode.Parse("[[0.0, 0.0]]");
        AssertRejected(json, "dh_N: unknown field");
    }

    [Fact]
    public void Invalid_json_and_a_missing_file_exit_1()
    {
        var file = Path.Combine(Repo.TempFolder(), "broken.json");
        File.WriteAllText(file, "{\"cell\": ");
        var broken = TestSupport.Cli.Run("reference", file);
        Assert.Equal(ExitCodes.Error, broken.ExitCode);
        Assert.Contains("not valid JSON", broken.Stderr);

        var missing = TestSupport.Cli.Run("reference", Path.Combine(Repo.TempFolder(), "nope.json"));
        Assert.Equal(ExitCodes.Error, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);

        Assert.Equal(ExitCodes.Usage, TestSupport.Cli.Run("reference").ExitCode);
    }
}
