using RnnKit.Notebooks.Model;
using Xunit;

namespace RnnKit.Notebooks.Tests.Model;

public class NotebookTests
{
    private const string Minimal = """
        {
         "cells": [
          {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": ["# Lesson 2\n", "The RNN 循环神经网络."]},
          {"cell_type": "code", "execution_count": 3, "id": "c1",
           "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
           "outputs": [
             {"name": "stdout", "output_type": "stream", "text": ["hi\n"]},
             {"data": {"application/vnd.plotly.v1+json": {"data": [], "layout": {}}, "text/plain": ["chart"]}, "execution_count": 3, "metadata": {}, "output_type": "execute_result"},
             {"ename": "System.Exception", "evalue": "boom", "output_type": "error", "traceback": ["boom"]}
           ],
           "source": "var x = 1;\nx"}
         ],
         "metadata": {"custom": {"kept": true}},
         "nbformat": 4,
         "nbformat_minor": 4
        }
        """;

    [Fact]
    public void Parses_cells_outputs_and_keeps_unknown_metadata()
    {
        var nb = Notebook.Parse(Minimal);
        Assert.Equal("Lesson 2", nb.Title);
        Assert.Equal(2, nb.Cells.Count);
        var code = nb.Cells[1];
        Assert.Equal("var x = 1;\nx", code.Source);
        Assert.Equal("csharp", code.Language);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal("hi\n", Assert.IsType<StreamOutput>(code.Outputs[0]).Text);
        var result = Assert.IsType<DisplayOutput>(code.Outputs[1]);
        Assert.True(result.IsResult);
        Assert.Contains("layout", result.Data["application/vnd.plotly.v1+json"]);
        Assert.Equal("boom", Assert.IsType<ErrorOutput>(code.Outputs[2]).Value);
        Assert.Contains("\"kept\": true", nb.ToJson());
    }

    [Fact]
    public void Round_trip_is_stable_and_writes_nbformat_4_5_with_unescaped_text()
    {
        var once = Notebook.Parse(Minimal).ToJson();
        var twice = Notebook.Parse(once).ToJson();
        Assert.Equal(once, twice);
        Assert.Contains("\"nbformat_minor\": 5", once);
        Assert.Contains("循环神经网络", once);
        Assert.Contains("\"application/vnd.plotly.v1+json\": {", once);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3 is not supported")]
    [InlineData("""{"nbformat": 4}""", "'cells'")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": 5}]}""", "cell 1: field 'source'")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "poem", "source": ""}]}""", "cell 1: unknown cell_type 'poem'")]
    public void Bad_notebooks_are_rejected_naming_file_and_field(string json, string expected)
    {
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "lesson.ipynb"));
        Assert.StartsWith("lesson.ipynb: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void New_notebooks_carry_polyglot_metadata()
    {
        var nb = new Notebook();
        nb.Cells.Add(Cell.Code("1 + 1"));
        var json = nb.ToJson();
        Assert.Contains("\".net-csharp\"", json);
        Assert.Contains("\"polyglot-notebook\"", json);
        Assert.Contains("\"kernelName\": \"csharp\"", json);
    }
}
