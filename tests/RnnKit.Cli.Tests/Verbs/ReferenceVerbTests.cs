using System.Text.Json.Nodes;
using RnnKit.Cli;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Cli.Tests.Verbs;

/// <summary>`rnnkit reference` against PyTorch: the committed cases and a fresh one made by the script live.</summary>
public class ReferenceVerbTests
{
    private const double Tolerance = 1e-9;

    private static readonly string Fixtures = Repo.PathOf("tests", "RnnKit.Tests", "Fixtures", "reference");

    public static TheoryData<string> Cases => [.. Directory.GetFiles(Fixtures, "*.json").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agrees_with_pytorch_on_every_committed_case(string file) => AssertAgrees(Path.Combine(Fixtures, file));

    [Fact]
    public void The_committed_cases_cover_every_cell_with_and_without_final_gradients()
    {
        var cases = Directory.GetFiles(Fixtures, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!).ToList();
        foreach (var kind in new[] { "rnn_tanh", "rnn_relu", "lstm", "gru" })
        {
            var ofKind = cases.Where(c => (string)c["cell"]! == kind).ToList();
            Assert.Contains(ofKind, c => c["dh_n"] is not null);
            Assert.Contains(ofKind, c => c["dh_n"] is null);
        }
        Assert.Contains(cases, c => c["dc_n"] is not null);
        Assert.Contains(cases, c => (string)c["cell"]! == "lstm" && c["dh_n"] is not null && c["dc_n"] is null);
    }

    [Fact]
    public void Agrees_with_pytorch_on_a_fresh_random_set_of_cases()
    {
        Interop.RequirePythonModules("torch");
        var folder = Repo.TempFolder();
        var seed = Random.Shared.Next(1, 1_000_000);
        var run = Interop.Run("/usr/bin/python3",
            [Repo.PathOf("tools", "torch", "make_reference_cases.py"), "--out", folder, "--seed", $"{seed}"],
            TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.Stderr);
        var files = Directory.GetFiles(folder, "*.json");
        Assert.Equal(Directory.GetFiles(Fixtures, "*.json").Length, files.Length);
        foreach (var file in files)
        {
            Assert.NotEqual(File.ReadAllText(file), File.ReadAllText(Path.Combine(Fixtures, Path.GetFileName(file))));
            AssertAgrees(file);
        }
    }

    private static void AssertAgrees(string file)
    {
        var result = TestSupport.Cli.Run("reference", file);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Stderr);
        var actual = JsonNode.Parse(result.Stdout)!;
        var expected = JsonNode.Parse(File.ReadAllText(file))!["expected"]!;
        var lstm = (string)JsonNode.Parse(File.ReadAllText(file))!["cell"]! == "lstm";
        string[] outputs = lstm ? ["y", "h_n", "c_n"] : ["y", "h_n"];
        string[] grads = lstm
            ? ["weight_ih", "weight_hh", "bias_ih", "bias_hh", "x", "h0", "c0"]
            : ["weight_ih", "weight_hh", "bias_ih", "bias_hh", "x", "h0"];
        foreach (var name in outputs)
            AssertClose(expected[name]!, actual[name], name);
        foreach (var name in grads)
            AssertClose(expected["grads"]![name]!, actual["grads"]![name], $"grads.{name}");
        Assert.Equal(outputs.Append("grads").Order(), actual.AsObject().Select(p => p.Key).Order());
        Assert.Equal(grads.Order(), actual["grads"]!.AsObject().Select(p => p.Key).Order());
    }

    /// <summary>Same nesting, and every number within 1e-9 absolute.</summary>
    private static void AssertClose(JsonNode expected, JsonNode? actual, string path)
    {
        Assert.NotNull(actual);
        if (expected is JsonArray e)
        {
            var a = Assert.IsType<JsonArray>(actual);
            Assert.True(e.Count == a.Count, $"{path}: expected length {e.Count}, got {a.Count}");
            for (var i = 0; i < e.Count; i++) AssertClose(e[i]!, a[i], $"{path}[{i}]");
            return;
        }
        var want = expected.GetValue<double>();
        var got = actual!.GetValue<double>();
        Assert.True(Math.Abs(want - got) <= Tolerance, $"{path}: torch {want:R}, rnnkit {got:R}");
    }
}
