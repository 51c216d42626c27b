using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RnnKit.Notebooks.Kernel;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

public class CodeCompletionTests
{
    /// <summary>Like the engine's: the whole shared framework referenced, the usual usings imported.</summary>
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(Directory.EnumerateFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System*.dll")
            .Where(p => !p.Contains("Native", StringComparison.Ordinal))
            .Select(p => MetadataReference.CreateFromFile(p)))
        .WithImports("System", "System.Linq", "System.Collections.Generic");

    /// <summary>The cell <paramref name="code"/> as the submission after <paramref name="earlier"/> cells.</summary>
    private static Compilation Cell(string code, params string[] earlier)
    {
        var script = CSharpScript.Create("", Options);
        foreach (var cell in earlier) script = script.ContinueWith(cell, Options);
        return script.ContinueWith(code, Options).GetCompilation();
    }

    private static List<string> Texts(CompletionResult result) => result.Items.Select(i => i.Text).ToList();

    [Fact]
    public void Members_of_a_static_type_after_a_dot_filtered_by_the_prefix()
    {
        const string code = "Console.Wri";
        var result = CodeCompletion.Complete(Cell(code), code.Length);
        Assert.Equal(["Write", "WriteLine"], Texts(result));
        Assert.Equal((8, 11), (result.Start, result.End));
        Assert.All(result.Items, i => Assert.Equal("method", i.Kind));
    }

    [Fact]
    public void Instance_members_and_extension_methods_of_an_earlier_cells_variable()
    {
        var result = CodeCompletion.Complete(Cell("numbers.", "var numbers = new List<int> { 1, 2 };"), "numbers.".Length);
        var texts = Texts(result);
        Assert.Contains("Count", texts);
        Assert.Contains("Add", texts);
        Assert.Contains("Select", texts);
        Assert.DoesNotContain("ReferenceEquals", texts);
        Assert.Equal(result.Start, result.End);
    }

    [Fact]
    public void Names_in_scope_include_earlier_cells_locals_and_methods_and_keywords()
    {
        var earlier = new[] { "var learningRate = 0.1;", "double Loss(double x) => x * x;" };
        Assert.Equal(["learningRate"], Texts(CodeCompletion.Complete(Cell("learn", earlier), 5)));
        Assert.Contains("Loss", Texts(CodeCompletion.Complete(Cell("Lo", earlier), 2)));
        Assert.Contains("foreach", Texts(CodeCompletion.Complete(Cell("forea", earlier), 5)));
    }

    [Fact]
    public void Namespaces_complete_to_their_types_and_child_namespaces()
    {
        const string code = "System.Collections.Generic.Dictio";
        Assert.Contains("Dictionary", Texts(CodeCompletion.Complete(Cell(code), code.Length)));
        const string ns = "System.Coll";
        Assert.Equal(["Collections"], Texts(CodeCompletion.Complete(Cell(ns), ns.Length)));
    }

    [Fact]
    public void The_cursor_in_the_middle_of_a_cell_completes_there()
    {
        const string code = "var a = Math.Sq\nConsole.WriteLine(a);";
        var result = CodeCompletion.Complete(Cell(code), code.IndexOf('\n'));
        Assert.Equal(["Sqrt"], Texts(result));
    }

    [Fact]
    public void Inspection_shows_the_signature_and_the_documentation_summary()
    {
        const string code = "Console.WriteLine(\"hi\");";
        var inspection = SymbolInspection.Inspect(Cell(code), "Console.Write".Length);
        Assert.NotNull(inspection);
        Assert.Contains("Console.WriteLine(string", inspection.Signature);
        Assert.True(inspection.OtherOverloads > 0);
        Assert.Contains("line terminator", inspection.Summary ?? "(no summary)");
    }

    [Fact]
    public void Inspection_of_an_earlier_cells_variable_shows_its_type_and_of_nothing_finds_nothing()
    {
        var inspection = SymbolInspection.Inspect(Cell("rate * 2", "var rate = 0.5;"), 2);
        Assert.Equal("double rate", inspection?.Signature);
        Assert.Null(SymbolInspection.Inspect(Cell("   "), 1));
    }
}
