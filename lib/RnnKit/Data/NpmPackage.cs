using System.Text.RegularExpressions;

namespace RnnKit.Data;

/// <summary>
/// npm package names and where the registry keeps their tarballs: <c>NAME/-/BASE-VERSION.tgz</c>, where BASE is
/// the name without its scope (<c>@fontsource/noto-sans-sc</c> → <c>@fontsource/noto-sans-sc/-/noto-sans-sc-5.2.5.tgz</c>).
/// </summary>
public static partial class NpmPackage
{
    /// <summary>npm's rules for new names: lower case, URL-safe characters, an optional <c>@scope/</c>.</summary>
    [GeneratedRegex(@"^(@[a-z0-9][a-z0-9._~-]*/)?[a-z0-9][a-z0-9._~-]*$")]
    private static partial Regex ValidName();

    /// <summary>An exact semantic version: 1.2.3, optionally -prerelease and +build.</summary>
    [GeneratedRegex(@"^\d+\.\d+\.\d+([-+][0-9A-Za-z.+-]+)?$")]
    private static partial Regex ExactVersion();

    /// <summary>The tarball's path under the registry's base URL.</summary>
    public static string TarballPath(string name, string version) => $"{name}/-/{TarballName(name, version)}";

    /// <summary>The tarball's file name: the name without its scope, a dash, the version, ".tgz".</summary>
    public static string TarballName(string name, string version) => $"{name.Split('/')[^1]}-{version}.tgz";

    /// <summary>Checks a name and an exact version; <paramref name="where"/> names the place in messages.</summary>
    public static void Validate(string name, string? version, string where)
    {
        if (!ValidName().IsMatch(name))
            throw new DatasetException($"{where}: '{name}' is not an npm package name (lower case, optionally @scope/name)");
        if (version is null || !ExactVersion().IsMatch(version))
            throw new DatasetException($"{where}: npm package '{name}' needs an exact 'version' such as 2.0.1, got '{version}'");
    }
}
