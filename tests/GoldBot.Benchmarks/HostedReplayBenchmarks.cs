using BenchmarkDotNet.Attributes;
using GoldBot.Hosting;

namespace GoldBot.Benchmarks;

/// <summary>
/// The whole default run in process: settings, reading and validating the 12,382-bar MGC file,
/// the generic host with its six services in lockstep, simulated fills, monitoring files, and
/// the rule audit. One operation is one full replay; bars per second = 12,382 / time.
/// </summary>
[MemoryDiagnoser]
public class HostedReplayBenchmarks
{
    private readonly string _logs = Directory.CreateTempSubdirectory("goldbot-bench-").FullName;

    [Benchmark]
    public async Task<int> DefaultReplayMgc()
    {
        var code = await DaemonRunner.RunAsync(
            new RunArguments(BenchmarkData.Repository("config/appsettings.json"), BenchmarkData.Shared("data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv"), null,
                new Dictionary<string, string?> { ["Monitoring:LogDirectory"] = _logs, ["Monitoring:ConsoleLevel"] = "Warning", ["Controls:Directory"] = _logs }),
            TextWriter.Null, TextWriter.Null, CancellationToken.None);
        return code == 0 ? code : throw new InvalidOperationException($"replay exited with {code}");
    }
}
