using RnnKit.Notebooks.Kernel;

namespace RnnKit.Cli.Verbs;

/// <summary>`rnnkit kernel install|serve`: the Jupyter kernel over the kit's C# engine.</summary>
public sealed class KernelVerb : IVerb
{
    public string Name => "kernel";

    public string Summary => "install the Jupyter kernelspec rnnkit-csharp, or serve the kernel (Jupyter starts it)";

    public string Usage => """
        usage: rnnkit kernel install [--user] [--prefix P] [--no-alias] [--language en|zh-Hans]
               rnnkit kernel serve -f CONNECTION_FILE [--output-limit MIB] [--no-history-file]

        install   registers the kernelspec 'rnnkit-csharp' ("C# (RnnKit)") that runs this checkout's built CLI
                  (./rnnkit kernel install builds it first). Where: the system dir /usr/local/share/jupyter/kernels
                  by default, the user dir with --user (JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels),
                  P/share/jupyter/kernels with --prefix P. Also registers '.net-csharp' (the lessons' kernelspec) as
                  an alias when no kernel has that name; --no-alias skips it. --language zh-Hans: the exercise checks'
                  and claims' feedback in Chinese (the kernelspec sets RNNKIT_LANGUAGE; a kernel never sees the
                  notebook's language, which rnnkit run, build and grade read).
        serve     runs the kernel on the sockets of a Jupyter connection file (Jupyter passes -f itself).
                  --output-limit: most output one cell publishes, in Mi characters (default 32); past it the first and
                  last halves are kept and the output says how much was cut. The input history is kept in
                  JUPYTER_DATA_DIR/rnnkit/history.sqlite; --no-history-file keeps it in memory for this session only.
        """;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0)
            throw new UsageException("missing 'install' or 'serve'");
        var rest = args[1..];
        try
        {
            return args[0] switch
            {
                "install" => Install(new ArgReader(rest, ["--prefix", "--language"], ["--user", "--no-alias"]), stdout),
                "serve" => await Serve(new ArgReader(rest, ["-f", "--connection-file", "--output-limit"], ["--no-history-file"]), stderr),
                _ => throw new UsageException($"unknown kernel command '{args[0]}'; use 'install' or 'serve'"),
            };
        }
        catch (KernelConfigurationException e)
        {
            throw new CliException(e.Message);
        }
    }

    private static int Install(ArgReader options, TextWriter stdout)
    {
        if (options.Positionals.Count > 0)
            throw new UsageException($"unexpected argument '{options.Positionals[0]}'");
        if (options.Has("--user") && options.Has("--prefix"))
            throw new UsageException("--user and --prefix cannot be used together");
        var target = new KernelspecTarget(options.Has("--user"), options.Get("--prefix"));
        var cliDll = typeof(KernelVerb).Assembly.Location;
        var dotnet = KernelspecInstaller.CurrentDotnet();
        string language;
        try
        {
            language = KitSettings.ParseLanguage("--language", options.Get("--language"));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        foreach (var spec in KernelspecInstaller.Install(target, cliDll, dotnet, alias: !options.Has("--no-alias"), language))
            stdout.WriteLine(spec.SkippedBecause is null
                ? $"installed kernelspec '{spec.Name}' in {spec.Folder}"
                : $"did not install '{spec.Name}': {spec.SkippedBecause}");
        stdout.WriteLine($"it runs: {dotnet} {cliDll} kernel serve -f {{connection_file}}");
        return ExitCodes.Ok;
    }

    /// <summary>4 Gi characters: more would not fit in a client's memory anyway.</summary>
    private const int MaxOutputLimitMebi = 4096;

    private static async Task<int> Serve(ArgReader options, TextWriter stderr)
    {
        if (options.Positionals.Count > 0)
            throw new UsageException($"unexpected argument '{options.Positionals[0]}'");
        var file = options.Get("-f") ?? options.Get("--connection-file")
                   ?? throw new UsageException("serve needs -f CONNECTION_FILE");
        var defaults = KernelOptions.ForUser();
        var kernelOptions = defaults with
        {
            OutputLimit = options.GetInt("--output-limit", (int)(defaults.OutputLimit >> 20), min: 1, max: MaxOutputLimitMebi) * (1L << 20),
            HistoryFile = options.Has("--no-history-file") ? null : defaults.HistoryFile,
        };
        await JupyterKernel.ServeAsync(ConnectionInfo.Load(file), kernelOptions, stderr);
        return ExitCodes.Ok;
    }
}
