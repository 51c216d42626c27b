using RnnKit.Notebooks.Kernel;

namespace RnnKit.Notebooks.Tests.Kernel;

/// <summary>Reading a message's content in assertions (<c>using static</c>).</summary>
internal static class MessageFields
{
    /// <summary>A string field of the content, "" when missing.</summary>
    public static string Field(JupyterMessage m, string field) => KernelJson.String(m.Content, field);
}
