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

    [Fact]
    public async Task The_backtest_engine_makes_the_hosted_replays_trades_on_the_MGC_file()
    {
        TradeJournal? journal = null;
        using var replay = await ReplayRun.StartAsync(configure: services =>
        {
            var registered = services.Single(d => d.ServiceType == typeof(TradeJournal));
            services.Remove(registered);
            services.AddSingleton(sp => journal = (TradeJournal)registered.ImplementationFactory!(sp));
        });
        Assert.True(replay.ExitCode == 0, replay.Error + replay.Output);
        var daemon = journal!.ClosedTrades;

        var settings = SettingsLoader.Load(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), new Dictionary<string, string?>());
        var bars = BarCsvReader.Read(SharedData.MgcBars, settings.Replay.BadBarPolicy, tickSize: settings.Contract().TickSize);
        var engine = new BacktestEngine(new BacktestSettings
        {
            Strategy = settings.Strategy,
            Risk = settings.Risk,
            Fills = settings.Execution,
            Contract = settings.Contract(),
        });
        var result = await engine.RunAsync(bars);

        Assert.Equal(14, daemon.Count);
        Assert.Equal(daemon.Count, result.Trades.Count);
        for (var i = 0; i < daemon.Count; i++)
        {
            var (expected, actual) = (daemon[i], result.Trades[i]);
            // Ids differ only by the run's tag prefix (gb<run id> in the daemon, bt in a backtest).
            Assert.Equal(Suffix(expected.Id), Suffix(actual.Id));
            Assert.Equal(expected.Exits, actual.Exits);
            Assert.Equal(expected with { Id = "", Exits = NoExits }, actual with { Id = "", Exits = NoExits });
        }
        Assert.Equal(543.12m, result.Trades.Sum(t => t.PnL!.Value));
        Assert.Equal(50_543.12m, result.Trades[^1].BalanceAfter);
        Assert.Equal(12_382, result.Run.Bars);
    }

    private static string Suffix(string id) => id[id.IndexOf('-', StringComparison.Ordinal)..];
}
