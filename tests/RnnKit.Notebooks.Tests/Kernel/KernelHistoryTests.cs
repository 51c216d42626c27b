using System.Text.Json.Nodes;
using RnnKit.Notebooks.Kernel;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>The input history: kept across sessions in its SQLite file, queried as IPython's history is.</summary>
public class KernelHistoryTests
{
    private static string NewFile() => Path.Combine(Repo.TempFolder("rnnkit-history"), "jupyter", "rnnkit", "history.sqlite");

    [Fact]
    public void Sessions_are_numbered_in_the_file_and_tail_reaches_back_across_them()
    {
        var file = NewFile();
        using (var first = KernelHistory.Open(file, TextWriter.Null))
        {
            Assert.Equal(1, first.Session);
            first.Add(1, "var x = 1;");
            first.Add(2, "x + 1");
            first.SetOutput(2, "2");
        }
        using var second = KernelHistory.Open(file, TextWriter.Null);
        Assert.Equal(2, second.Session);
        Assert.Equal(file, second.File);
        second.Add(1, "x");

        Assert.Equal([new HistoryEntry(1, 2, "x + 1", "2"), new HistoryEntry(2, 1, "x", null)], second.Tail(2));
        Assert.Equal([new HistoryEntry(1, 1, "var x = 1;", null)], second.Range(1, 1, 2));
        Assert.Equal(second.Range(1, 0, 0), second.Range(-1, 0, 0));
        Assert.Equal([new HistoryEntry(2, 1, "x", null)], second.Range(0, 1, 0));
    }

    [Fact]
    public void Search_is_a_glob_with_n_and_unique()
    {
        using var history = KernelHistory.Open(null, TextWriter.Null);
        Assert.Null(history.File);
        string[] inputs = ["train(1)", "plot()", "train(2)", "train(1)", "Train(3)"];
        for (var i = 0; i < inputs.Length; i++) history.Add(i + 1, inputs[i]);

        Assert.Equal([1, 3, 4], history.Search("train(*", null, unique: false).Select(e => e.Line));
        Assert.Equal([3, 4], history.Search("train(*", 2, unique: false).Select(e => e.Line));
        Assert.Equal([3, 4], history.Search("train(?)", null, unique: true).Select(e => e.Line));
        Assert.Equal([5], history.Search("[A-Z]*", null, unique: false).Select(e => e.Line));
    }

    [Fact]
    public void A_file_that_cannot_be_used_falls_back_to_memory_and_says_so()
    {
        var notAFolder = Path.Combine(Repo.TempFolder("rnnkit-history"), "plain-file");
        File.WriteAllText(notAFolder, "");
        var log = new StringWriter();
        using var history = KernelHistory.Open(Path.Combine(notAFolder, "history.sqlite"), log);
        Assert.Null(history.File);
        Assert.Contains("cannot be used", log.ToString());
        history.Add(1, "still kept");
        Assert.Equal("still kept", Assert.Single(history.Tail(5)).Input);
    }

    [Fact]
    public void History_requests_answer_tail_range_and_search_with_outputs_on_the_wire()
    {
        var file = NewFile();
        using (var before = KernelHistory.Open(file, TextWriter.Null)) before.Add(1, "result:from before");
        using var kernel = new InProcessKernel(new ScriptedEngine(), new KernelOptions { HistoryFile = file });
        kernel.Execute("result:7");
        kernel.Execute("print:not stored", storeHistory: false);
        kernel.Execute("print:hi");

        JsonArray History(JsonObject content) => kernel.Shell("history_request", content).Reply.Content["history"]!.AsArray();
        var tail = History(new JsonObject { ["hist_access_type"] = "tail", ["n"] = 3, ["output"] = true, ["raw"] = true });
        Assert.Equal("""[[1,1,["result:from before",null]],[2,1,["result:7","7"]],[2,2,["print:hi",null]]]""", tail.ToJsonString());

        var range = History(new JsonObject { ["hist_access_type"] = "range", ["session"] = 2, ["start"] = 2, ["stop"] = 3, ["output"] = false });
        Assert.Equal("""[[2,2,"print:hi"]]""", range.ToJsonString());

        var search = History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "result:*", ["unique"] = true, ["n"] = 5 });
        Assert.Equal("""[[1,1,"result:from before"],[2,1,"result:7"]]""", search.ToJsonString());
    }
}
