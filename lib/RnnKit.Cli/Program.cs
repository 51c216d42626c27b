using RnnKit.Cli;

if (PgoSwitch.ShouldRelaunch(args, Environment.GetEnvironmentVariable))
    return PgoSwitch.Relaunch(args);
return await VerbRunner.RunAsync(args, Console.Out, Console.Error);
