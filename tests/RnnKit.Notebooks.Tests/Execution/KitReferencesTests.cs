using Microsoft.CodeAnalysis;
using RnnKit.Notebooks.Execution;
using RnnKit.Notebooks.Model;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

/// <summary>
/// One copy of each kit assembly per session. Two copies of MathNet or RnnKit meeting in one script chain (the
/// engine's, and one a cell names with <c>#r</c> from another build folder — bin/Release beside bin/Debug, a
/// student's copy) would make a matrix of one copy no argument for a method declared with the other: CS1503
/// "cannot convert from 'Matrix&lt;double&gt;' to 'Matrix&lt;double&gt;'", the error a loaded CI run once showed in
/// cell 13 of the exercise fixture's student version (<c>RnnStep(M.Dense(…))</c>).
/// </summary>
public class KitReferencesTests
{
    [Fact]
    public async Task A_kit_assembly_named_from_another_build_folder_is_the_engines_own_copy()
    {
        // A stale build of the kit elsewhere: the same assemblies in another folder.
        var other = Repo.TempFolder();
        var kit = new[] { typeof(MathNet.Numerics.LinearAlgebra.Matrix<>).Assembly, typeof(RnnKit.Parameter).Assembly };
        foreach (var assembly in kit)
            File.Copy(assembly.Location, Path.Combine(other, Path.GetFileName(assembly.Location)));

        using var session = new CSharpSession();
        string[] cells =
        [
            $"#r \"{Path.Combine(other, "MathNet.Numerics.dll")}\"\n#r \"{Path.Combine(other, "RnnKit.dll")}\"\nusing MathNet.Numerics.LinearAlgebra;\nvar M = Matrix<double>.Build;",
            "static Matrix<double> RnnStep(Matrix<double> xt, Matrix<double> ba) => xt + ba;",
            "var a1 = RnnStep(M.Dense(3, 2, 0.1), M.Dense(3, 2));\nvar p = new RnnKit.Parameter(\"W\", M.Dense(2, 2));\na1.RowCount",
        ];
        foreach (var (code, i) in cells.Select((c, i) => (c, i)))
        {
            var cell = Cell.Code(code);
            var result = await session.ExecuteAsync(code, new OutputCollector(cell), $"cell {i + 1}", TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, $"cell {i + 1}: {result.Error}");
        }

        var compilation = session.Compilation!;
        foreach (var assembly in kit)
        {
            var name = assembly.GetName().Name;
            var bound = compilation.SourceModule.ReferencedAssemblySymbols.Where(a => a.Identity.Name == name).ToList();
            Assert.Single(bound);
            Assert.Equal(assembly.Location, (compilation.GetMetadataReference(bound[0]) as PortableExecutableReference)?.FilePath);
        }
        // And no assembly of the chain is bound twice, whatever resolved it.
        var twice = compilation.SourceModule.ReferencedAssemblySymbols.GroupBy(a => a.Identity.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(twice);
    }
}
