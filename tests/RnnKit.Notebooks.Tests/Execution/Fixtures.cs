using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnKit.TestSupport;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>The execution fixtures: small notebooks stored with exactly the outputs the engine must produce.</summary>
internal static class Fixtures
{
    public static string PathOf(string name) => Repo.PathOf("tests", "RnnKit.Notebooks.Tests", "Fixtures", "execution", name + ".ipynb");

    /// <summary>Copies fixtures into a fresh folder (so relative paths resolve there) and returns the copies' paths.</summary>
    public static string[] CopyTo(string folder, params string[] names) => names.Select(name =>
    {
        var copy = Path.Combine(folder, name + ".ipynb");
        File.Copy(PathOf(name), copy);
        if (name == "r-path") BuildGreeter(Path.Combine(folder, "lib", "Greeter.dll"));
        return copy;
    }).ToArray();

    /// <summary>The assembly the r-path fixture loads with <c>#r "lib/Greeter.dll"</c>, compiled here so no binary is committed.</summary>
    public static void BuildGreeter(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var source = "namespace Greeting; public static class Greeter { public static string Hello(string name) => $\"Hello, {name}!\"; }";
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var compilation = CSharpCompilation.Create("Greeter",
            [CSharpSyntaxTree.ParseText(source)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        if (!emitted.Success)
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
    }
}
