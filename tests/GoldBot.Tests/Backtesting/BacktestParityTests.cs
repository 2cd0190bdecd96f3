using GoldBot.Backtesting;
using GoldBot.Backtesting.Engine;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Tests.Backtesting;

/// <summary>
/// The backtest engine and the daemon's hosted replay are one implementation: on the real MGC
/// bars with config/appsettings.json they make the same trades, field by field.
/// </summary>
public sealed class BacktestParityTests
{
    private static readonly TradeExit[] NoExits = [];

    /// <summary>Settings overrides per case: the defaults; the stressed limits of StressedReplayTests; a busy run with every rule at work.</summary>
    private static readonly Dictionary<string, Dictionary<string, string?>> Cases = new()
    {
        ["default"] = [],
        ["tight"] = EndToEnd.StressedReplayTests.Tight,
        ["busy"] = new()
        {
            ["Strategy:MinScore"] = "1",
            ["Strategy:MinStopAtr"] = "1",
            ["Risk:TradingWindowStart"] = "00:00",
            ["Risk:MaxLossLimit"] = "20000",
            ["Risk:DailyLossLimit"] = "5000",
            ["Risk:MaxConsecutiveLosses"] = "100",
            ["Risk:RunnerTargetR"] = "3",
            ["Execution:LimitTradeThroughTicks"] = "0",
        },
        // Every tradeable pattern (issue 12): breaker blocks, gaps, sweeps and OTE through the same code path.
        ["every pattern"] = EveryPattern(),
        // Entry modes and exit profiles (issue 12 §2): limit entries with the trailing stop, and the structure exit, busy.
        ["limit, atr_trail"] = new(EveryPattern()) { ["Strategy:EntryMode"] = "limit", ["Strategy:ExitProfile"] = "atr_trail", ["Strategy:MinScore"] = "5", ["Strategy:FirstTargetAtr"] = "1", ["Strategy:TrailAtr"] = "1" },
        ["structure"] = new(EveryPattern()) { ["Strategy:ExitProfile"] = "structure", ["Strategy:MinScore"] = "5", ["Strategy:StopBufferTicks"] = "30" },
    };

    private static Dictionary<string, string?> EveryPattern() => GoldBot.Strategy.StrategyOptions.TradeablePatterns.Select((p, i) => (p, i))
        .ToDictionary(x => $"Strategy:Patterns:{x.i}", x => (string?)x.p);

    [Theory]
    [InlineData("default", 14)]
    [InlineData("tight", 5)]
    [InlineData("busy", 50)]
    [InlineData("every pattern", 21)]
    [InlineData("limit, atr_trail", 13)]
    [InlineData("structure", 26)]
    public async Task The_backtest_engine_makes_the_hosted_replays_trades_on_the_MGC_file(string name, int pinnedTrades)
    {
        var overrides = Cases[name];
        TradeJournal? journal = null;
        using var replay = await ReplayRun.StartAsync(overrides: overrides, configure: services =>
        {
            var registered = services.Single(d => d.ServiceType == typeof(TradeJournal));
            services.Remove(registered);
            services.AddSingleton(sp => journal = (TradeJournal)registered.ImplementationFactory!(sp));
        });
        Assert.True(replay.ExitCode == 0, replay.Error + replay.Output);
        var daemon = journal!.ClosedTrades;

        var settings = SettingsLoader.Load(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), overrides);
        var bars = BarCsvReader.Read(SharedData.MgcBars, settings.Replay.BadBarPolicy, tickSize: settings.Contract().TickSize);
        var engine = new BacktestEngine(new BacktestSettings
        {
            Strategy = settings.Strategy,
            Risk = settings.Risk,
            Learning = settings.Learning,
            Fills = settings.Execution,
            Contract = settings.Contract(),
        });
        var result = await engine.RunAsync(bars);

        // Pinned counts: the busy case exits by stop, breakeven stop, every target and the 15:05 CT flatten.
        Assert.Equal(pinnedTrades, daemon.Count);
        Assert.Equal(daemon.Count, result.Trades.Count);
        for (var i = 0; i < daemon.Count; i++)
        {
            var (expected, actual) = (daemon[i], result.Trades[i]);
            // Ids differ only by the run's tag prefix (gb<run id> in the daemon, bt in a backtest).
            Assert.Equal(Suffix(expected.Id), Suffix(actual.Id));
            Assert.Equal(expected.Exits, actual.Exits);
            Assert.Equal(expected with { Id = "", Exits = NoExits }, actual with { Id = "", Exits = NoExits });
        }
        Assert.Equal(12_382, result.Run.Bars);
        if (name == "limit, atr_trail")
            Assert.Contains(daemon, t => t.ExitReason == "trailing_stop");
        if (name == "structure")
            Assert.Contains(daemon, t => t.ExitReason == "structure");
        if (name == "default")
        {
            Assert.Equal(543.12m, result.Trades.Sum(t => t.PnL!.Value));
            Assert.Equal(50_543.12m, result.Trades[^1].BalanceAfter);
        }
    }

    private static string Suffix(string id) => id[id.IndexOf('-', StringComparison.Ordinal)..];
}
