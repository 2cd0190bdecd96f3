using BenchmarkDotNet.Attributes;
using GoldBot.MarketData;

namespace GoldBot.Benchmarks;

/// <summary>
/// Reading and validating bars files with <see cref="BarCsvReader"/> (issue 12: above 1 million rows per second), one whole
/// file per operation, from the page cache. Each method's <c>OperationsPerInvoke</c> is its row count, so the reported time
/// is per row and rows per second = 1 / mean. Inputs: the real MGC 3-minute file (12,382 rows, offsets in every stamp,
/// 0.1 tick grid), the gzipped 8-year XAUUSD 1-hour MT5 file (48,251 rows, MT5 server time converted on
/// <see cref="BarTimeZone.NewYorkClose"/>, 0.01 grid), and a 1,000,000-row CSV of the seeded random walk that
/// <see cref="BacktestBenchmarks"/> uses (<see cref="MillionBarsFile"/>: written once to a temporary file by the set-up).
/// </summary>
[MemoryDiagnoser]
public class BarReaderBenchmarks
{
    private const int MgcRows = 12_382;
    private const int XauRows = 48_251;
    private const int Million = 1_000_000;
    private static readonly BarFileOptions ServerTime = new() { SourceTimeZone = BarTimeZone.NewYorkClose };
    private string _mgc = "";
    private string _xau = "";
    private string _million = "";

    [GlobalSetup]
    public void Setup()
    {
        _mgc = BenchmarkData.Shared("data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv");
        _xau = BenchmarkData.Shared("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz");
        _million = Path.Combine(Path.GetTempPath(), $"goldbot-million-{Environment.ProcessId}.csv");
        MillionBarsFile.Write(_million);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_million);

    [Benchmark(OperationsPerInvoke = MgcRows)]
    public int ReadMgc() => BarCsvReader.Read(_mgc, tickSize: 0.1m).Bars.Count;

    [Benchmark(OperationsPerInvoke = XauRows)]
    public int ReadXauUsd1hGzip() => BarCsvReader.Read(_xau, tickSize: 0.01m, options: ServerTime).Bars.Count;

    [Benchmark(OperationsPerInvoke = Million)]
    public int ReadMillion() => BarCsvReader.Read(_million, tickSize: 0.1m).Bars.Count;
}
