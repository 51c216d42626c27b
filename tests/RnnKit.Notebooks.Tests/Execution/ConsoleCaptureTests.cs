using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>Console.In inside a cell: answered by a sink that can, a clear error where nothing can.</summary>
public class ConsoleCaptureTests
{
    /// <summary>Collects outputs into a cell and answers input from a list of lines.</summary>
    private sealed class AnsweringSink(Cell cell, params string[] lines) : IOutputSink, IInputSource
    {
        private readonly OutputCollector _collector = new(cell);
        private readonly Queue<string> _lines = new(lines);

        public int Asked { get; private set; }

        public void Add(Output output) => _collector.Add(output);

        public void Update(DisplayOutput output) => _collector.Update(output);

        public string ReadLine(CancellationToken cancel)
        {
            Asked++;
            return _lines.Dequeue();
        }
    }

    [Fact]
    public async Task ReadLine_and_Read_take_what_the_input_source_answers()
    {
        using var session = new CSharpSession();
        var cell = Cell.Code("");
        var sink = new AnsweringSink(cell, "Ada", "xy");
        var code = "Console.Write(\"name: \");\nvar name = Console.ReadLine();\nvar first = (char)Console.Read();\nvar rest = Console.In.ReadLine();\n$\"{name}|{first}|{rest}\"";
        var result = await session.ExecuteAsync(code, sink, "cell 1", TestContext.Current.CancellationToken);
        Assert.Equal(CellStatus.Ok, result.Status);
        Assert.Equal("Ada|x|y", cell.Outputs.Result().Data["text/plain"]);
        Assert.Equal(2, sink.Asked);
    }

    [Fact]
    public async Task ReadLine_where_nothing_can_answer_is_an_error_saying_so()
    {
        using var run = new SessionRun();
        var (result, outputs) = await run.RunAsync("var line = Console.ReadLine();");
        Assert.Equal(CellStatus.Error, result.Status);
        Assert.Equal("System.InvalidOperationException", outputs.Error().Name);
        Assert.Contains("nothing can answer it here", outputs.Error().Value);
    }
}
