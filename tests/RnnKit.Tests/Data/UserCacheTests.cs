using RnnKit.Data;
using RnnKit.Platform;
using Xunit;

namespace RnnKit.Tests.Data;

public class UserCacheTests
{
    [Fact]
    public void Each_os_keeps_datasets_where_its_convention_puts_caches()
    {
        var windows = HostSystem.Simulated(HostOs.Windows, @"C:\Users\li", new Dictionary<string, string> { ["LOCALAPPDATA"] = @"C:\Users\li\AppData\Local" });
        var mac = HostSystem.Simulated(HostOs.MacOS, "/Users/li");
        var linux = HostSystem.Simulated(HostOs.Linux, "/home/li");
        Assert.Equal(Path.Combine(@"C:\Users\li\AppData\Local", "RnnKit", "Cache", "datasets"), UserCache.Datasets(windows));
        Assert.Equal(Path.Combine("/Users/li", "Library", "Caches", "RnnKit", "datasets"), UserCache.Datasets(mac));
        Assert.Equal(Path.Combine("/home/li", ".cache", "rnnkit", "datasets"), UserCache.Datasets(linux));
    }

    [Fact]
    public void XDG_CACHE_HOME_is_honoured_when_absolute_as_the_spec_asks()
    {
        HostSystem Linux(string xdg) => HostSystem.Simulated(HostOs.Linux, "/home/li", new Dictionary<string, string> { ["XDG_CACHE_HOME"] = xdg });
        Assert.Equal(Path.Combine("/var/cache/li", "rnnkit", "datasets"), UserCache.Datasets(Linux("/var/cache/li")));
        Assert.Equal(Path.Combine("/home/li", ".cache", "rnnkit", "datasets"), UserCache.Datasets(Linux("relative/cache")));
    }

    [Fact]
    public void RNNKIT_CACHE_overrides_the_folder_on_every_os()
    {
        foreach (var os in Enum.GetValues<HostOs>())
        {
            var host = HostSystem.Simulated(os, "/home/li", new Dictionary<string, string> { [UserCache.Variable] = "/srv/ci-cache" });
            Assert.Equal("/srv/ci-cache", UserCache.Datasets(host));
        }
    }

    [Fact]
    public void The_hub_settings_come_from_the_environment()
    {
        var host = HostSystem.Simulated(HostOs.Windows, @"C:\Users\li", new Dictionary<string, string>
        {
            [DatasetHubOptions.NoSystemDataVariable] = "1",
            [DatasetHubOptions.DebianMirrorVariable] = "http://127.0.0.1:9/debian",
            [DatasetHubOptions.NpmRegistryVariable] = "http://127.0.0.1:9/npm",
        });
        var options = DatasetHubOptions.FromEnvironment("datasets", host);
        Assert.False(options.UseSystemPaths);
        Assert.Equal(("http://127.0.0.1:9/debian", "http://127.0.0.1:9/npm"), (options.DebianMirror, options.NpmRegistry));
        Assert.Equal(Path.Combine(@"C:\Users\li", "AppData", "Local", "RnnKit", "Cache", "datasets"), options.Cache);

        var plain = DatasetHubOptions.FromEnvironment("datasets", HostSystem.Simulated(HostOs.Linux, "/home/li",
            new Dictionary<string, string> { [DatasetHubOptions.NoSystemDataVariable] = "0" }));
        Assert.True(plain.UseSystemPaths);
        Assert.Equal((DatasetHubOptions.DefaultDebianMirror, DatasetHubOptions.DefaultNpmRegistry), (plain.DebianMirror, plain.NpmRegistry));
    }
}
