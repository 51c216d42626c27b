using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Model;

/// <summary>
/// The metadata that makes a notebook a Polyglot (.NET Interactive) C# notebook, as DESIGN.md fixes it, so lessons
/// open in VS Code with either the kit's kernel or the old Polyglot extension.
/// </summary>
public static class Polyglot
{
    public const string KernelSpecName = ".net-csharp";

    public static JsonObject NotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["name"] = KernelSpecName,
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp", ["aliases"] = new JsonArray() }),
            },
        },
    };

    public static JsonObject CodeCellMetadata(string language = "csharp") => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = language },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = language },
    };
}
