using BenchmarkDotNet.Attributes;
using GoldBot.Market;
using GoldBot.Smc;
using GoldBot.Strategy;

namespace GoldBot.Benchmarks;

/// <summary>
/// The causal SMC engine, one bar at a time: time and allocations per bar (each operation is one
/// bar) on the real MGC 3-minute file and on a 1,000,000-bar synthetic series. The engine is
/// created and warmed once, so the figures are steady state; bars per second = 1 / (time per op).
/// The strategy benchmark adds aggregation to 15m/1h, two engines, ATR and signal building.
/// </summary>
[MemoryDiagnoser]
public class CausalEngineBenchmarks
{
    private const int MgcBars = 12_382;
    private const int Million = 1_000_000;
    private TickBar[] _mgc = [];
    private Bar[] _mgcBars = [];
    private TickBar[] _synthetic = [];
    private SmcEngine _mgcEngine = null!;
    private SmcEngine _syntheticEngine = null!;
    private OrderBlockStrategy _strategy = null!;
    private readonly List<TradeSignal> _signals = [];

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchmarkData.MgcFile();
        _mgcBars = [.. file.Bars];
        _mgc = [.. file.Bars.Select(b => TickBar.FromBar(b, 0.1m))];
        _synthetic = BenchmarkData.Synthetic(Million);
        _mgcEngine = new SmcEngine(new SmcOptions(), TimeSpan.FromMinutes(3));
        _syntheticEngine = new SmcEngine(new SmcOptions(), TimeSpan.FromMinutes(3));
        _strategy = new OrderBlockStrategy(new StrategyOptions(), ContractSpec.BuiltIn["MGC"], file.Period);
        CausalEngineMgc();
        CausalEngineMillion();
    }

    [Benchmark(OperationsPerInvoke = MgcBars)]
    public int CausalEngineMgc()
    {
        var events = 0;
        foreach (ref readonly var bar in _mgc.AsSpan())
            events += _mgcEngine.OnBar(bar).Length;
        return events;
    }

    [Benchmark(OperationsPerInvoke = Million)]
    public int CausalEngineMillion()
    {
        var events = 0;
        foreach (ref readonly var bar in _synthetic.AsSpan())
            events += _syntheticEngine.OnBar(bar).Length;
        return events;
    }

    [Benchmark(OperationsPerInvoke = MgcBars)]
    public int StrategyMgc()
    {
        _signals.Clear();
        foreach (var bar in _mgcBars)
            _strategy.OnBar(bar, _signals);
        return _signals.Count;
    }
}
