using RnnKit.Notebooks.Kernel;
using RnnKit.TestSupport;
using Xunit;

namespace RnnKit.Notebooks.Tests.Kernel;

public class ConnectionInfoTests
{
    private static string Write(string json)
    {
        var path = Path.Combine(Repo.TempFolder("rnnkit-conn"), "kernel.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Reads_a_jupyter_connection_file()
    {
        var info = ConnectionInfo.Load(Write("""
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "rnnkit-csharp"}
            """));
        Assert.Equal((5001, 5002, 5003, 5004, 5005), (info.ShellPort, info.IopubPort, info.StdinPort, info.ControlPort, info.HbPort));
        Assert.Equal("tcp://127.0.0.1:5004", info.Endpoint(info.ControlPort));
        Assert.Equal("abc", info.Key);
    }

    [Theory]
    [InlineData("""{"iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4}""", "field 'shell_port' is missing")]
    [InlineData("""{"shell_port": "x", "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4}""", "field 'shell_port' must be a port number")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4, "signature_scheme": "hmac-md5"}""", "signature_scheme 'hmac-md5' is not supported")]
    [InlineData("""{"shell_port": 1, "iopub_port": 1, "stdin_port": 2, "control_port": 3, "hb_port": 4, "transport": "udp"}""", "transport must be tcp or ipc")]
    [InlineData("""{"shell_port": 1""", "not valid JSON")]
    public void A_bad_connection_file_is_named_with_the_field_at_fault(string json, string expected)
    {
        var path = Write(json);
        var e = Assert.Throws<KernelConfigurationException>(() => ConnectionInfo.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_missing_connection_file_is_named()
    {
        var e = Assert.Throws<KernelConfigurationException>(() => ConnectionInfo.Load("/nonexistent/kernel-1.json"));
        Assert.Contains("/nonexistent/kernel-1.json: not found", e.Message);
    }
}
