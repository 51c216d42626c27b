using Xunit;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>Runs cells through one <see cref="CSharpSession"/> and keeps each cell's outputs as a notebook would.</summary>
internal sealed class SessionRun : IDisposable
{
    public SessionRun(SessionOptions? options = null) => Session = new CSharpSession(options);

    public CSharpSession Session { get; }

    public List<(CellResult Result, Cell Cell)> Cells { get; } = [];

    public async Task<(CellResult Result, List<Output> Outputs)> RunAsync(string code)
    {
        var cell = Cell.Code(code);
        var result = await Session.ExecuteAsync(code, new OutputCollector(cell), $"cell {Cells.Count + 1}", TestContext.Current.CancellationToken);
        Cells.Add((result, cell));
        return (result, cell.Outputs);
    }

    public void Dispose() => Session.Dispose();
}

internal static class Outputs
{
    public static string Stdout(this IEnumerable<Output> outputs) =>
        string.Concat(outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text));

    public static string Stderr(this IEnumerable<Output> outputs) =>
        string.Concat(outputs.OfType<StreamOutput>().Where(s => s.Name == "stderr").Select(s => s.Text));

    public static DisplayOutput Result(this IEnumerable<Output> outputs) => Xunit.Assert.Single(outputs.OfType<DisplayOutput>(), d => d.IsResult);

    public static ErrorOutput Error(this IEnumerable<Output> outputs) => Xunit.Assert.Single(outputs.OfType<ErrorOutput>());
}
