using RnnKit.Data;
using Xunit;

namespace RnnKit.Tests.Data;

public class NpmPackageTests
{
    [Theory]
    [InlineData("hanzi-writer-data", "2.0.1", "hanzi-writer-data/-/hanzi-writer-data-2.0.1.tgz")]
    [InlineData("chinese-poetry", "2.0.1", "chinese-poetry/-/chinese-poetry-2.0.1.tgz")]
    [InlineData("@fontsource/noto-sans-sc", "5.2.5", "@fontsource/noto-sans-sc/-/noto-sans-sc-5.2.5.tgz")]
    public void The_tarball_path_drops_the_scope_from_the_file_name(string name, string version, string path) =>
        Assert.Equal(path, NpmPackage.TarballPath(name, version));

    [Theory]
    [InlineData("Hanzi-Writer-Data", "2.0.1", "not an npm package name")]
    [InlineData("@scope/", "1.0.0", "not an npm package name")]
    [InlineData("../etc", "1.0.0", "not an npm package name")]
    [InlineData("hanzi-writer-data", "^2.0.1", "exact 'version'")]
    [InlineData("hanzi-writer-data", null, "exact 'version'")]
    public void Bad_names_and_ranges_are_refused(string name, string? version, string message)
    {
        var e = Assert.Throws<DatasetException>(() => NpmPackage.Validate(name, version, "m.json"));
        Assert.Contains(message, e.Message);
        Assert.StartsWith("m.json: ", e.Message);
    }
}
