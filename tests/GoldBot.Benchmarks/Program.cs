using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `-- latency`: the pipeline's order latency percentiles (HdrHistogram), not a BenchmarkDotNet benchmark.
if (args is ["latency"])
{
    await GoldBot.Benchmarks.PipelineLatency.RunAsync(Console.Out);
    return;
}

// `-- restart`: restart to trading-ready against the in-process gateway simulator (issue 10).
if (args is ["restart"])
{
    await GoldBot.Benchmarks.RestartTiming.RunAsync(Console.Out);
    return;
}

// `-- store`: what a state store write costs (issue 10).
if (args is ["store"])
{
    await GoldBot.Benchmarks.StoreWriteTiming.RunAsync(Console.Out);
    return;
}

// `-- million-csv PATH`: writes the 1,000,000-bar CSV of BarReaderBenchmarks, for timing `goldbot backtest` on it.
if (args is ["million-csv", var millionPath])
{
    GoldBot.Benchmarks.MillionBarsFile.Write(millionPath);
    Console.WriteLine($"{GoldBot.Benchmarks.MillionBarsFile.Rows} bars written to {Path.GetFullPath(millionPath)}");
    return;
}

// `-- engine-cpu [rounds] [filter]`: the backtest engine per bar by CPU time and wall clock (issue 12), best of the rounds (default 5).
if (args is ["engine-cpu", ..])
{
    await GoldBot.Benchmarks.EngineCpuTiming.RunAsync(Console.Out, args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? args[2] : null);
    return;
}

// `-- smc-vs-python --smc-lib PATH [--python EXE] [--rounds N]`: the reference mode against the Python library, interleaved.
if (args is ["smc-vs-python", .. var smcArgs])
{
    var smcOptions = GoldBot.Benchmarks.SmcVersusPython.Parse(smcArgs, out var smcError);
    if (smcOptions is null)
        Console.Error.WriteLine("smc-vs-python: " + smcError);
    Environment.ExitCode = smcOptions is null ? 1 : await GoldBot.Benchmarks.SmcVersusPython.RunAsync(smcOptions, Console.Out);
    return;
}

// In process: BenchmarkDotNet's generated project cannot restore the daemon's ASP.NET Core shared
// framework packages (SignalR client) on this registry, so the benchmarks run in this Release process.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(GoldBot.Benchmarks.CausalEngineBenchmarks).Assembly).Run(args, config);
