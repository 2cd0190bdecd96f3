using GoldBot.GatewaySimulator.Engine;
using GoldBot.Risk;
using GoldBot.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Issue 10: the risk state survives a restart. The real daemon against the simulator stops (as Ctrl+C or a crash does)
/// after a losing trade has halted the day, and starts again on the same folder: the account's SQLite store gives back the
/// day's start balance, the floor, the counters and the halt, status.json shows the account's balance, and no entry is taken for the rest of the day.
/// </summary>
public sealed class RiskStateRestartTests
{
    // A losing week in the bars (December 17-18, 2025 lose money in the chaos campaign's runs).
    private static readonly DateTimeOffset MarketStart = new(2025, 12, 17, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_restart_after_a_losing_trade_keeps_the_days_pnl_the_floor_and_the_halt()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-risk-restart-").FullName;
        // One loss halts the day: the halt is what must survive.
        var settings = new Dictionary<string, string?> { ["Risk:MaxConsecutiveLosses"] = "1" };
        await using var rig = await SimRig.StartAsync(MarketStart, settings, folder: folder);
        var limit = MarketStart.AddDays(5);
        for (var t = rig.Now.AddMinutes(15); Risk(rig).State.HaltedToday is null; t = t.AddMinutes(15))
        {
            Assert.True(t < limit, $"no losing trade halted a day within five days of the bars: {string.Join(", ", rig.ClosedTrades.Select(c => $"{c.ExitTime:MM-dd HH:mm} {c.PnL}"))}; {Risk(rig).State}");
            await rig.PlayAsync(t);
        }
        var before = Risk(rig).State;
        Assert.Contains("consecutive losses", before.HaltedToday, StringComparison.Ordinal);
        Assert.True(before.Balance < before.DayStartBalance, $"the day is down: {before}");

        await rig.StopAsync();
        await rig.RestartAsync();

        var account = await rig.AccountAsync();
        var resumed = Risk(rig).State;
        Assert.Equal(before with { Balance = account.Balance }, resumed with { Balance = account.Balance });
        Assert.Equal(before.HaltedToday, Risk(rig).Status(rig.Now).BlockedBy);
        // What status.json says at its next write (the file itself is rewritten on the timers, on the wall clock).
        var status = rig.Services.GetServices<IHostedService>().OfType<StatusWriterService>().Single().Build(alive: true);
        Assert.Equal((account.Balance, before.MaxLossFloor), (status.Account.Balance, status.Risk.MaxLossFloor));
        Assert.Contains("Risk state resumed", rig.Log, StringComparison.Ordinal);

        var entries = account.AllOrders.Count(o => o.Type == OrderType.Market);
        var day = CmeSessionEnd(rig.Now);
        await rig.PlayAsync(day);
        Assert.Equal(entries, (await rig.AccountAsync()).AllOrders.Count(o => o.Type == OrderType.Market));
        Assert.Empty(rig.Violations);
    }

    [Fact]
    public async Task A_store_that_is_not_a_database_stops_the_start_with_exit_2_and_is_left_as_it_was()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-bad-store-").FullName;
        var store = Path.Combine(folder, "state", $"account-{SimRig.AccountId}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(store)!);
        await File.WriteAllTextAsync(store, "not a database");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SimRig.StartAsync(MarketStart, folder: folder));

        Assert.Contains("exit 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a readable SQLite database", e.Message, StringComparison.Ordinal);
        Assert.Equal("not a database", await File.ReadAllTextAsync(store));
    }

    private static RiskManager Risk(SimRig rig) => rig.Services.GetRequiredService<RiskManager>();

    /// <summary>15:00 CT of the trading day of <paramref name="now"/> (the end of the entry window).</summary>
    private static DateTimeOffset CmeSessionEnd(DateTimeOffset now) =>
        GoldBot.Market.CmeSession.AtExchangeTime(GoldBot.Market.CmeSession.TradingDayOf(now), new TimeOnly(15, 0));
}
