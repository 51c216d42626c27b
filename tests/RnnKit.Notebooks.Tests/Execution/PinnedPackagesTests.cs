using System.Xml.Linq;
using RnnKit.Notebooks.Execution;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Execution;

public class PinnedPackagesTests
{
    [Fact]
    public void Every_pinned_package_is_pinned_in_Directory_Packages_props_at_that_version()
    {
        var pinned = XDocument.Load(Repo.PathOf("Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!);
        foreach (var (name, version) in PinnedPackages.Versions)
            Assert.Equal(pinned[name], version);
    }

    [Theory]
    [InlineData("MathNet.Numerics", null, null)]
    [InlineData("mathnet.numerics", "5.0.0", null)]
    [InlineData("MathNet.Numerics", "4.15.0", "it pins MathNet.Numerics 5.0.0")]
    [InlineData("TorchSharp", null, "package TorchSharp is not available in RnnKit; available: MathNet.Numerics 5.0.0")]
    public void Problem_names_what_is_not_available(string name, string? version, string? problem)
    {
        var actual = PinnedPackages.Problem(name, version);
        if (problem is null) Assert.Null(actual);
        else Assert.Contains(problem, actual);
    }
}
