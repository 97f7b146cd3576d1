using BenchmarkDotNet.Running;

// dotnet CodecBench.dll [BenchmarkDotNet arguments], e.g. --filter '*' --job short --inProcess
BenchmarkSwitcher.FromAssembly(typeof(CodecBench.CodecBenchmarks).Assembly).Run(args);
