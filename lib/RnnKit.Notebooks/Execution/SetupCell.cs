namespace RnnKit.Notebooks.Execution;

/// <summary>
/// The first code cell of every lesson, used verbatim. Two readers run it:
/// <list type="bullet">
/// <item>RnnKit's engine (rnnkit run/build, the kit's Jupyter kernel, the grader): the <c>#r "nuget: …"</c> lines only
/// check that the packages are the kit's pinned ones, and <c>#r "…/RnnKit.dll"</c> is satisfied by the RnnKit assembly
/// the engine was built with — the file is never loaded, so a stale build on disk cannot shadow the library.</item>
/// <item>VS Code with the (deprecated) Polyglot Notebooks extension: the packages come from NuGet and RnnKit.dll
/// from <c>dotnet build lib/RnnKit -c Release</c>, relative to the notebooks/ folder.</item>
/// </list>
/// </summary>
public static class SetupCell
{
    /// <summary>Where lessons live relative to the repository root; the RnnKit.dll path below is relative to it.</summary>
    public const string NotebooksFolder = "notebooks";

    /// <summary>The cell's text. Lessons add the usings of further RnnKit namespaces they need in their own cells.</summary>
    public const string Source = """
        #r "nuget: MathNet.Numerics, 5.0.0"
        #r "nuget: Plotly.NET, 6.0.0"
        #r "nuget: Plotly.NET.CSharp, 0.14.0"
        #r "../lib/RnnKit/bin/Release/net10.0/RnnKit.dll"
        using MathNet.Numerics.LinearAlgebra;
        using Plotly.NET.CSharp;
        using RnnKit;
        """;
}
