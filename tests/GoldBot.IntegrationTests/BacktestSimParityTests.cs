using GoldBot.Backtesting.Engine;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// One code path, many sources: the backtest engine on the bars of the MGC file and the daemon in
/// Sim mode against the gateway simulator replaying the same bars make the same trade. Both use the
/// simulator's fill rules (no slippage, limits filled on touch, market orders at the next open) and
/// start from the same history (the backtest feeds it to the strategy only, as the daemon's warm-up
/// does). Fill times differ by design: the simulator stamps a fill at its price point inside the bar,
/// the backtest at the bar's close; both lie in the same bar.
/// </summary>
public sealed class BacktestSimParityTests
{
    private static readonly Dictionary<string, string?> SimulatorFills = new()
    {
        ["Execution:MarketSlippageTicks"] = "0",
        ["Execution:StopSlippageTicks"] = "0",
        ["Execution:LimitTradeThroughTicks"] = "0",
    };

    [Fact]
    public async Task The_backtest_and_sim_mode_make_the_same_trades_on_the_same_bars()
    {
        var end = new DateTimeOffset(2025, 11, 26, 19, 15, 0, TimeSpan.Zero);
        var period = TimeSpan.FromMinutes(3);

        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, SimulatorFills);
        await rig.PlayAsync(end);
        var sim = rig.ClosedTrades;

        var settings = SettingsLoader.Load(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), SimulatorFills, new Dictionary<string, string?>());
        var bars = SimRig.Bars.Where(b => b.OpenTime < end).ToList();
        var engine = new BacktestEngine(new BacktestSettings { Strategy = settings.Strategy, Risk = settings.Risk, Learning = settings.Learning, Fills = settings.Execution, Contract = settings.Contract() });
        var backtest = await engine.RunAsync(bars, period, options: new BacktestOptions { WarmupBars = bars.FindIndex(b => b.OpenTime == SimModeTradeTests.MarketStart) });

        Assert.NotEmpty(sim);
        Assert.Equal(sim.Select(Shape), backtest.Trades.Select(Shape));
        Assert.Equal(sim.Select(t => Bars(t, period, atClose: false)), backtest.Trades.Select(t => Bars(t, period, atClose: true)));
    }

    /// <summary>Everything but ids, fill times and money after costs.</summary>
    private static object Shape(TradeRecord t) => (t.EntryTime, t.Pattern, t.Side, t.PatternScore, t.Size, t.Entry, t.Stop, t.Target, t.GrossPnL,
        string.Join(" ", t.Exits.Select(e => $"{e.Reason}:{e.Quantity}@{e.Price:0.00}")));

    /// <summary>Open times of the bars the exits filled in.</summary>
    private static string Bars(TradeRecord t, TimeSpan period, bool atClose) => string.Join(" ", t.Exits.Select(e =>
        (atClose ? e.Time - period : new DateTimeOffset(e.Time.UtcTicks - e.Time.UtcTicks % period.Ticks, TimeSpan.Zero)).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
}
