using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnKit.Notebooks.Kernel;

/// <summary>What the kernel says about itself in kernel_info_reply, and the names it is installed under.</summary>
public static class KernelInfo
{
    /// <summary>The kernelspec name `rnnkit kernel install` registers.</summary>
    public const string KernelName = "rnnkit-csharp";

    /// <summary>The kernelspec name the lessons declare (Polyglot Notebooks'); installed as an alias when free.</summary>
    public const string PolyglotKernelName = ".net-csharp";

    public const string DisplayName = "C# (RnnKit)";

    public const string Language = "C#";

    public const string Implementation = "rnnkit";

    public static string ImplementationVersion { get; } =
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(KernelInfo).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>The C# version the scripting engine compiles (Roslyn's latest, e.g. "14.0").</summary>
    public static string LanguageVersion { get; } = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString();

    public static string Banner =>
        $"RnnKit C# kernel {ImplementationVersion} — C# {LanguageVersion} on .NET {Environment.Version}, Roslyn scripting " +
        "with the .NET Interactive dialect (display(...), #!time, #r \"nuget: …\"); the same engine as `rnnkit run`.";

    /// <summary>The content of a kernel_info_reply (protocol 5.3).</summary>
    public static JsonObject ReplyContent() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = MessageHeader.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = ImplementationVersion,
        ["language_info"] = new JsonObject
        {
            ["name"] = Language,
            ["version"] = LanguageVersion,
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = Banner,
        ["help_links"] = new JsonArray(
            new JsonObject { ["text"] = "C# language reference", ["url"] = "https://learn.microsoft.com/dotnet/csharp/language-reference/" },
            new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" }),
        ["debugger"] = false,
    };
}
