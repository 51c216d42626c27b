using RnnKit.Cli;

return await VerbRunner.RunAsync(args, Console.Out, Console.Error);
