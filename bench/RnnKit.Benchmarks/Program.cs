using BenchmarkDotNet.Running;

// Micro-benchmarks of the fast layer (not run by the tests):
//   dotnet run -c Release --project bench/RnnKit.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
