using BenchmarkDotNet.Attributes;
using GoldBot.MarketData;
using GoldBot.Smc.Reference;

namespace GoldBot.Benchmarks;

/// <summary>
/// Reference mode (the exact smartmoneyconcepts port) on the library's own 24,424-bar EURUSD
/// fixture, as its unit tests call it: swings (length 5), BOS/CHoCH, order blocks, fair value
/// gaps and liquidity, all five per operation. The Python library takes about 3 s for the same
/// work on this machine (issue 3).
/// </summary>
[MemoryDiagnoser]
public class ReferenceModeBenchmarks
{
    private SmcSeries _series = null!;

    [GlobalSetup]
    public void Setup() => _series = SmcSeries.FromBars(BarCsvReader.Read(BenchmarkData.Shared("fixtures/smc/EURUSD_15M.csv")).Bars);

    [Benchmark]
    public int AllFiveFunctions()
    {
        var swings = SwingHighsLows.Compute(_series, 5);
        var bos = BosChoch.Compute(_series, swings);
        var ob = OrderBlocks.Compute(_series, swings);
        var fvg = FairValueGaps.Compute(_series);
        var liquidity = Liquidity.Compute(_series, swings);
        return bos.RowCount + ob.RowCount + fvg.RowCount + liquidity.RowCount;
    }

    [Benchmark]
    public SwingHighsLowsResult Swings() => SwingHighsLows.Compute(_series, 5);
}
