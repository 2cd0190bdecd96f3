using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(GoldBot.Benchmarks.CausalEngineBenchmarks).Assembly).Run(args);
