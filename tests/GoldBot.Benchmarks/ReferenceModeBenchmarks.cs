using BenchmarkDotNet.Attributes;
using GoldBot.MarketData;
using GoldBot.Smc.Reference;

namespace GoldBot.Benchmarks;

/// <summary>
/// Reference mode (the exact smartmoneyconcepts port) on the library's own 24,424-bar EURUSD
/// fixture, as its unit tests call it: swings (length 5), BOS/CHoCH, order blocks, fair value
/// gaps and liquidity, all five per operation. The Python library's time for the same calls is
/// measured beside it by <c>-- smc-vs-python</c> (<see cref="SmcVersusPython"/>).
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
        var (_, bos, ob, fvg, liquidity) = ComputeAllFive();
        return bos.RowCount + ob.RowCount + fvg.RowCount + liquidity.RowCount;
    }

    /// <summary>
    /// The same five calls, then every column read as one value per bar (the typed spans, built on
    /// first use from the stored signal rows): what a caller that wants the library's dense
    /// columns pays in all.
    /// </summary>
    [Benchmark]
    public double AllFiveFunctionsWithDenseColumns()
    {
        var (swings, bos, ob, fvg, liquidity) = ComputeAllFive();
        return swings.HighLow[^1] + swings.Level[^1]
            + bos.Bos[^1] + bos.Choch[^1] + bos.Level[^1] + bos.BrokenIndex[^1]
            + ob.Ob[^1] + ob.Top[^1] + ob.Bottom[^1] + ob.ObVolume[^1] + ob.MitigatedIndex[^1] + ob.Percentage[^1]
            + fvg.Fvg[^1] + fvg.Top[^1] + fvg.Bottom[^1] + fvg.MitigatedIndex[^1]
            + liquidity.LiquidityType[^1] + liquidity.Level[^1] + liquidity.End[^1] + liquidity.Swept[^1];
    }

    [Benchmark]
    public SwingHighsLowsResult Swings() => SwingHighsLows.Compute(_series, 5);

    /// <summary>The five calls as the library's unit tests make them: swings of length 5, then the four functions that use them.</summary>
    private (SwingHighsLowsResult Swings, BosChochResult Bos, OrderBlocksResult Ob, FairValueGapsResult Fvg, LiquidityResult Liquidity) ComputeAllFive()
    {
        var swings = SwingHighsLows.Compute(_series, 5);
        return (swings, BosChoch.Compute(_series, swings), OrderBlocks.Compute(_series, swings), FairValueGaps.Compute(_series),
            Liquidity.Compute(_series, swings));
    }
}
