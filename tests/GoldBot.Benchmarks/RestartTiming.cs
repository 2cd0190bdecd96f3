using System.Diagnostics;
using System.Globalization;
using GoldBot.Simulation;

namespace GoldBot.Benchmarks;

/// <summary>
/// Restart to trading-ready (issue 10): the real daemon in sim mode against the in-process gateway simulator (real HTTP and
/// SignalR on loopback), stopped and started again on the same folder. Each restart is timed on the wall clock from the call
/// to the moment the run has settled: settings loaded, folder lock and state store opened, logged in, account and contract
/// resolved, today's trades read, the risk state recovered, both hubs connected, 5,000 bars of history loaded and fed to the
/// detector, the executor's start-up account read reconciled, and nothing left in flight. Run with
/// <c>dotnet run -c Release --project tests/GoldBot.Benchmarks -- restart</c>.
/// </summary>
internal static class RestartTiming
{
    public static async Task RunAsync(TextWriter output, int restarts = 5)
    {
        var bars = BenchmarkData.MgcFile();
        // 6,000 bars before the start: the simulator serves the daemon's 5,000 bars of warm-up history (TopstepX:WarmupBars).
        var options = new InProcessRunOptions
        {
            Bars = bars,
            MarketStart = bars.Bars[6_000].OpenTime,
            ConfigFile = BenchmarkData.Repository("config/appsettings.json"),
            Settings = new Dictionary<string, string?> { ["Monitoring:ConsoleLevel"] = "Warning" },
        };
        var first = Stopwatch.StartNew();
        await using var run = await InProcessRun.StartAsync(options, CancellationToken.None);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"first start (simulator included): {first.Elapsed.TotalSeconds:0.00} s"));
        var times = new List<double>();
        for (var i = 0; i < restarts; i++)
        {
            await run.StopDaemonAsync();
            var watch = Stopwatch.StartNew();
            await run.RestartDaemonAsync(options with { Folder = run.Folder }, CancellationToken.None);
            times.Add(watch.Elapsed.TotalSeconds);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"restart {i + 1}: {times[^1]:0.00} s to trading-ready"));
        }
        times.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"restart to trading-ready over {restarts} restarts: median {times[times.Count / 2]:0.00} s, max {times[^1]:0.00} s (target under 5 s)"));
    }
}
