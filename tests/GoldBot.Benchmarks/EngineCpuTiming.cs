using System.Diagnostics;
using GoldBot.Backtesting.Engine;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Strategy;

namespace GoldBot.Benchmarks;

/// <summary>
/// <c>-- engine-cpu [rounds]</c>: the backtest engine's cost per bar on the three inputs of <see cref="BacktestBenchmarks"/>
/// (the MGC 3-minute file, the XAUUSD 1-hour file, the 1,000,000-bar walk), with the default setup and with every setup,
/// timed by the process's CPU time as well as the wall clock. CPU time leaves out the time the process waited for a core, so
/// on a machine shared with other work it is the steadier figure; on a quiet machine the two agree. Each line is the best
/// of <c>rounds</c> runs after warm-up runs (at least three, and until the JIT has compiled nothing for a second: tiered
/// compilation has settled);
/// <c>filter</c>, when given, keeps the lines whose name contains it (for a profiler).
/// </summary>
internal static class EngineCpuTiming
{
    public static async Task RunAsync(TextWriter output, int rounds, string? filter)
    {
        var benchmark = new BacktestBenchmarks();
        foreach (var allSetups in new[] { false, true })
        {
            benchmark.AllSetups = allSetups;
            benchmark.Setup();
            var setups = allSetups ? "all setups" : "order_block";
            (string Name, int Bars, Func<Task<int>> Run)[] inputs =
            [
                ($"MGC 3m, {setups}", 12_382, benchmark.BacktestMgc),
                ($"XAUUSD 1h, {setups}", 48_251, benchmark.BacktestXauUsd1h),
                ($"1,000,000-bar walk, {setups}", 1_000_000, benchmark.BacktestMillion),
            ];
            foreach (var (name, bars, run) in inputs)
            {
                if (filter is null || name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                    await Time(output, name, bars, rounds, run);
            }
        }
    }

    private static async Task Time(TextWriter output, string name, int bars, int rounds, Func<Task<int>> run)
    {
        // Warm up until tiered compilation has settled: no method compiled (or recompiled at tier 1) for a whole second. On a
        // busy 2-core machine a hot method can wait seconds in its tier-0 code, at two or three times the cost.
        var trades = 0;
        var warmUp = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var settledSince = warmUp.Elapsed;
        for (var i = 0; i < 3 || (warmUp.Elapsed - settledSince < TimeSpan.FromSeconds(1) && warmUp.Elapsed < TimeSpan.FromSeconds(60)); i++)
        {
            trades = await run();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != compiled)
                (compiled, settledSince) = (now, warmUp.Elapsed);
        }
        var process = Process.GetCurrentProcess();
        var bestCpu = TimeSpan.MaxValue;
        var bestWall = TimeSpan.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            // As BenchmarkDotNet does between iterations: a full collection outside the timing, so a run does not pay for the
            // garbage of the ones before it (the 1,000,000-bar walk keeps 88 MB live beside every input).
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            await run();
            wall.Stop();
            process.Refresh();
            bestCpu = Min(bestCpu, process.TotalProcessorTime - cpu);
            bestWall = Min(bestWall, wall.Elapsed);
        }
        var cpuNs = bestCpu.TotalNanoseconds / bars;
        var wallNs = bestWall.TotalNanoseconds / bars;
        output.WriteLine($"{name,-32} {trades,4} trades  CPU {cpuNs,7:F0} ns/bar ({1e3 / cpuNs:F2} M bars/s)  wall {wallNs,7:F0} ns/bar ({1e3 / wallNs:F2} M bars/s)");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
