using System.Text;
using System.Text.Json.Nodes;
using RnnKit.Notebooks.Exercises;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Model;

/// <summary>
/// Malformed notebooks are named errors, never crashes: every field of a real lesson with exercises (and of an
/// executed notebook's outputs) deleted or replaced by a value of each other JSON type must either still read or
/// fail with a <see cref="NotebookInputException"/> naming the file — through reading and the student version.
/// </summary>
public class NotebookFuzzTests
{
    public static TheoryData<string> Sources => new(
        Repo.PathOf("notebooks", "04-the-binary-adder.ipynb"),
        Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Export", "Fixtures", "course", "01-first.ipynb"));

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_field_deleted_or_of_a_wrong_type_is_a_named_error_or_still_reads(string path)
    {
        var original = JsonNode.Parse(File.ReadAllText(path))!;
        var mutations = 0;
        foreach (var mutation in NotebookMutations.All(original))
        {
            if (mutation.ApplyTo(original) is not { } copy) continue;
            mutations++;
            try
            {
                var notebook = Notebook.Parse(copy.ToJsonString(), "fuzzed.ipynb");
                // What the verbs read of every cell (run and export ask each cell's language).
                foreach (var cell in notebook.Cells) _ = cell.Language;
                StudentVersion.Create(notebook);
            }
            catch (NotebookInputException e)
            {
                Assert.Contains("fuzzed.ipynb", e.Message);
            }
        }
        Assert.True(mutations > 200, $"only {mutations} mutations");
    }

    [Fact]
    public void A_transient_display_id_that_is_no_string_is_named()
    {
        const string json = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "1", "metadata": {},
             "outputs": [{"output_type": "display_data", "data": {"text/plain": "1"}, "metadata": {}, "transient": {"display_id": 7}}]}]}
            """;
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Parse(json, "odd.ipynb"));
        Assert.Contains("odd.ipynb: cell 1: output 1: field 'transient.display_id'", e.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_named_not_replaced()
    {
        var path = Path.Combine(Repo.TempFolder(), "latin1.ipynb");
        var bytes = Encoding.UTF8.GetBytes("""{"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "markdown", "source": "caf#", "metadata": {}}]}""");
        bytes[Array.IndexOf(bytes, (byte)'#')] = 0xE9;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.Contains("not UTF-8", e.Message);
    }
}
