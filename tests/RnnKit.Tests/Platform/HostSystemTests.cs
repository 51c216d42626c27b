using RnnKit.Data;
using RnnKit.Platform;
using Xunit;

namespace RnnKit.Tests.Platform;

public class HostSystemTests
{
    [Theory]
    [InlineData(HostOs.Windows, "rnnkit.cmd")]
    [InlineData(HostOs.MacOS, "./rnnkit")]
    [InlineData(HostOs.Linux, "./rnnkit")]
    public void Messages_name_the_launch_script_of_the_os(HostOs os, string command) =>
        Assert.Equal(command, HostSystem.Simulated(os, "/home/li").KitCommand);

    [Fact]
    public void A_missing_dataset_tells_a_Windows_user_to_run_rnnkit_cmd()
    {
        var hub = new DatasetHub(new DatasetHubOptions
        {
            DatasetsFolder = TestSupport.Repo.PathOf("datasets"),
            CacheFolder = TestSupport.Repo.TempFolder(),
            UseSystemPaths = false,
            Host = HostSystem.Simulated(HostOs.Windows, @"C:\Users\li"),
        });
        var tang = Catalogue.Entries(hub).Single(e => e.Name == "tang300");
        Assert.Equal("not downloaded yet: rnnkit.cmd datasets fetch tang300", tang.Problem);
    }

    [Fact]
    public void Windows_folders_fall_back_to_the_profile_when_the_variables_are_unset()
    {
        var host = HostSystem.Simulated(HostOs.Windows, @"C:\Users\li");
        Assert.Equal(Path.Combine(@"C:\Users\li", "AppData", "Local"), host.LocalAppData);
        Assert.Equal(Path.Combine(@"C:\Users\li", "AppData", "Roaming"), host.RoamingAppData);
    }

    [Fact]
    public void Switches_are_on_unless_empty_or_a_no()
    {
        var host = HostSystem.Simulated(HostOs.Linux, "/home/li", new Dictionary<string, string> { ["A"] = "1", ["B"] = "0", ["C"] = "", ["D"] = "false" });
        Assert.Equal([true, false, false, false, false], new[] { "A", "B", "C", "D", "E" }.Select(host.IsOn));
    }

    [Fact]
    public void The_current_host_is_this_machine()
    {
        var expected = OperatingSystem.IsWindows() ? HostOs.Windows : OperatingSystem.IsMacOS() ? HostOs.MacOS : HostOs.Linux;
        Assert.Equal(expected, HostSystem.Current.Os);
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), HostSystem.Current.Variable("PATH"));
    }
}
