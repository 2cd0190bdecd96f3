using BenchmarkDotNet.Attributes;
using GoldBot.Backtesting.Combine;
using GoldBot.Backtesting.Statistics;

namespace GoldBot.Benchmarks;

/// <summary>
/// The resampling statistics on 300 seeded synthetic trade results (net USD uniform in −180…+220, mean ≈ +20):
/// the Combine Monte Carlo (10,000 paths, 50K rules) and the bootstrap interval of the expectancy (B = 10,000).
/// Issue target: 10,000 paths × a few hundred trades well under a second.
/// </summary>
[MemoryDiagnoser]
public class BacktestStatisticsBenchmarks
{
    private decimal[] _pnl = null!;
    private decimal[] _zeroMeanPnl = null!;
    private double[] _pnlDouble = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _pnl = Enumerable.Range(0, 300).Select(_ => (decimal)Math.Round(random.NextDouble() * 400 - 180, 2)).ToArray();
        var mean = _pnl.Average();
        _zeroMeanPnl = _pnl.Select(p => p - mean).ToArray();
        _pnlDouble = _pnl.Select(p => (double)p).ToArray();
    }

    /// <summary>10,000 paths on a winning trade set (most paths pass within a few hundred trades).</summary>
    [Benchmark]
    public double MonteCarlo10kPaths() => CombineMonteCarlo.Run(_pnl, CombineRules.Combine50K).PassProbability;

    /// <summary>10,000 paths on the same trades with the mean removed (the slow case: paths wander longest).</summary>
    [Benchmark]
    public double MonteCarlo10kPathsZeroMean() => CombineMonteCarlo.Run(_zeroMeanPnl, CombineRules.Combine50K).PassProbability;

    /// <summary>Percentile bootstrap of the expectancy, B = 10,000, N = 300.</summary>
    [Benchmark]
    public double BootstrapExpectancy() => BootstrapInterval.OfMean(_pnlDouble)!.Value.Width;
}
