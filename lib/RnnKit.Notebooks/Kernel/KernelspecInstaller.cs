using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

/// <summary>Where `rnnkit kernel install` writes: the user's dir, a prefix, or the system dir (Jupyter's default).</summary>
public sealed record KernelspecTarget(bool User = false, string? Prefix = null)
{
    /// <summary>The kernels/ folder this target means, as `jupyter kernelspec install` would choose it.</summary>
    public string KernelsDir() =>
        Prefix is not null ? Path.Combine(Path.GetFullPath(Prefix), "share", "jupyter", "kernels")
        : User ? Path.Combine(JupyterPaths.UserDataDir(), "kernels")
        : Path.Combine(JupyterPaths.SystemDataDirs()[0], "kernels");
}

/// <summary>One kernelspec written: its name and folder, or why it was left alone.</summary>
public sealed record InstalledKernelspec(string Name, string Folder, string? SkippedBecause = null);

/// <summary>
/// Writes the kernelspec <c>rnnkit-csharp</c> (and, unless asked not to, <c>.net-csharp</c> as an alias of it when
/// no other kernel has that name, so lessons that declare Polyglot's kernel run on ours without choosing one).
/// </summary>
public static class KernelspecInstaller
{
    private const string AliasMarker = "rnnkit_alias_of";

    /// <param name="target">Which kernels/ folder to write to.</param>
    /// <param name="cliDll">The built RnnKit.Cli.dll whose `kernel serve` the spec runs (absolute path).</param>
    /// <param name="dotnet">The dotnet host that runs it.</param>
    /// <param name="alias">Also register .net-csharp when no other kernel has that name.</param>
    /// <param name="language">The language of the kit's feedback in this kernel (<see cref="KitSettings.Language"/>): a
    /// kernel never sees a notebook's metadata, so a Chinese student installs it with "zh-Hans" and the spec's env sets
    /// RNNKIT_LANGUAGE. English (the default) sets nothing.</param>
    /// <exception cref="KernelConfigurationException">The dll is missing or the folder cannot be written.</exception>
    public static IReadOnlyList<InstalledKernelspec> Install(KernelspecTarget target, string cliDll, string dotnet, bool alias = true,
        string language = KitSettings.English)
    {
        if (!File.Exists(cliDll))
            throw new KernelConfigurationException($"the kernel's program {cliDll} does not exist; build it first (./rnnkit kernel install builds it)");
        var kernels = target.KernelsDir();
        var installed = new List<InstalledKernelspec> { Write(kernels, KernelInfo.KernelName, Spec(cliDll, dotnet, KernelInfo.DisplayName, aliasOf: null, language)) };
        if (!alias) return installed;

        var existing = JupyterPaths.KernelDirs().Append(kernels).Distinct()
            .Select(dir => Path.Combine(dir, KernelInfo.PolyglotKernelName, "kernel.json"))
            .FirstOrDefault(file => File.Exists(file) && !IsOurAlias(file));
        installed.Add(existing is not null
            ? new InstalledKernelspec(KernelInfo.PolyglotKernelName, Path.GetDirectoryName(existing)!, $"another kernel already has that name ({existing})")
            : Write(kernels, KernelInfo.PolyglotKernelName, Spec(cliDll, dotnet, $"{KernelInfo.DisplayName}, as {KernelInfo.PolyglotKernelName}", aliasOf: KernelInfo.KernelName, language)));
        return installed;
    }

    /// <summary>The dotnet host running this process, else "dotnet" from PATH.</summary>
    public static string CurrentDotnet()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath;
        return host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
    }

    private static JsonObject Spec(string cliDll, string dotnet, string displayName, string? aliasOf, string language)
    {
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(dotnet, Path.GetFullPath(cliDll), "kernel", "serve", "-f", "{connection_file}"),
            ["display_name"] = displayName,
            ["language"] = KernelInfo.Language,
            // Interrupts arrive as interrupt_request on the control socket, not as a signal.
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject(),
        };
        if (aliasOf is not null) spec["metadata"]![AliasMarker] = aliasOf;
        if (language != KitSettings.English) spec["env"] = new JsonObject { [KitSettings.LanguageVariable] = language };
        return spec;
    }

    private static InstalledKernelspec Write(string kernelsDir, string name, JsonObject spec)
    {
        var folder = Path.Combine(kernelsDir, name);
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new KernelConfigurationException($"cannot write the kernelspec to {folder}: {e.Message} (use --user, or --prefix P)");
        }
        return new InstalledKernelspec(name, folder);
    }

    private static bool IsOurAlias(string kernelJson)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(kernelJson))?["metadata"]?[AliasMarker] is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
