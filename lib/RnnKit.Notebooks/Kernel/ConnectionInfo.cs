using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The connection file Jupyter writes for a kernel it starts: where the five sockets listen and the key that signs
/// every message (see the Jupyter client docs, "Connection files").
/// </summary>
public sealed record ConnectionInfo(
    string Transport,
    string Ip,
    int ShellPort,
    int IopubPort,
    int StdinPort,
    int ControlPort,
    int HbPort,
    string Key,
    string SignatureScheme)
{
    /// <summary>The only scheme Jupyter clients use, and the only one this kernel accepts.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The ZeroMQ address of a port, e.g. tcp://127.0.0.1:5555 (ipc: path-port as Jupyter names it).</summary>
    public string Endpoint(int port) =>
        Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    /// <summary>Reads a connection file; every missing or wrong field is named in the message.</summary>
    /// <exception cref="KernelConfigurationException">The file is missing, not JSON, or lacks a field.</exception>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path))
            throw new KernelConfigurationException($"connection file {path}: not found");
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                   ?? throw new KernelConfigurationException($"connection file {path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new KernelConfigurationException($"connection file {path}: not valid JSON ({e.Message})");
        }
        return Parse(root, path);
    }

    /// <summary>Reads the fields of a parsed connection file; <paramref name="source"/> names it in errors.</summary>
    public static ConnectionInfo Parse(JsonObject root, string source)
    {
        var transport = Text(root, "transport", source, "tcp");
        if (transport is not ("tcp" or "ipc"))
            throw new KernelConfigurationException($"connection file {source}: transport must be tcp or ipc, got '{transport}'");
        var scheme = Text(root, "signature_scheme", source, HmacSha256);
        if (scheme != HmacSha256)
            throw new KernelConfigurationException($"connection file {source}: signature_scheme '{scheme}' is not supported; use {HmacSha256}");
        return new ConnectionInfo(
            transport,
            Text(root, "ip", source, "127.0.0.1"),
            Port(root, "shell_port", source),
            Port(root, "iopub_port", source),
            Port(root, "stdin_port", source),
            Port(root, "control_port", source),
            Port(root, "hb_port", source),
            Text(root, "key", source, ""),
            scheme);
    }

    private static string Text(JsonObject root, string field, string source, string fallback)
    {
        var node = root[field];
        if (node is null) return fallback;
        return node is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new KernelConfigurationException($"connection file {source}: field '{field}' must be a string");
    }

    private static int Port(JsonObject root, string field, string source)
    {
        const int maxPort = 65535;
        var node = root[field] ?? throw new KernelConfigurationException($"connection file {source}: field '{field}' is missing");
        return node is JsonValue v && v.TryGetValue<int>(out var port) && port is > 0 and <= maxPort
            ? port
            : throw new KernelConfigurationException($"connection file {source}: field '{field}' must be a port number (1–{maxPort}), got {node.ToJsonString()}");
    }
}

/// <summary>A kernel cannot start or install: the message names the file or field at fault.</summary>
public sealed class KernelConfigurationException(string message) : Exception(message);
