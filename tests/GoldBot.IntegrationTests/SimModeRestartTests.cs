using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Crash-only recovery: a daemon stopped with an open position (its stop and targets working at
/// the gateway) is started again on the same folder; the new run reads the account and resumes the
/// trade its state store saved (issue 10 §2): the same trade, its stop and take-profits kept, its
/// attribution in the journal, and never a second entry.
/// </summary>
public sealed class SimModeRestartTests
{
    [Fact]
    public async Task A_daemon_killed_with_an_open_position_resumes_the_same_trade_with_its_legs_on_restart()
    {
        var restartAt = new DateTimeOffset(2025, 11, 26, 17, 0, 0, TimeSpan.Zero);
        var folder = Directory.CreateTempSubdirectory("goldbot-restart-").FullName;
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, folder: folder);

        await rig.PlayAsync(restartAt);
        Assert.Equal(-3, rig.Position.Position);
        await rig.StopAsync(); // no flatten on the way out: as if the process had been killed
        Assert.Contains("OPEN POSITION left at the gateway: short 3 MGC at ", rig.Run.Output, StringComparison.Ordinal);
        Assert.Contains("protected by working stops for 3 contracts", rig.Run.Output, StringComparison.Ordinal);
        var held = await rig.AccountAsync();
        Assert.Equal(-3, held.Position);
        Assert.Equal(3, held.WorkingOrders.Count); // stop, tp1, tp2
        var stop = Assert.Single(held.WorkingOrders, o => o.Type == OrderType.Stop);

        await rig.RestartAsync();
        var resumed = await rig.AccountAsync();
        Assert.Equal(-3, rig.Position.Position);
        Assert.Equal(held.WorkingOrders.Select(o => o.Id).Order(), resumed.WorkingOrders.Select(o => o.Id).Order()); // stop and targets kept
        Assert.Contains("resumed trade ", rig.Log, StringComparison.Ordinal);
        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 19, 0, 0, TimeSpan.Zero));

        var end = await rig.AccountAsync();
        Assert.Single(end.AllOrders, o => o.Type == OrderType.Market && o.CustomTag is { } tag && !tag.Contains("-close-", StringComparison.Ordinal)); // one entry, ever
        var today = await File.ReadAllTextAsync(Path.Combine(rig.Logs, "trades_today.json"));
        Assert.DoesNotContain("\"pattern\": \"adopted\"", today, StringComparison.Ordinal);
        Assert.Contains("\"pattern\": \"order_block\"", today, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trade_whose_first_target_filled_while_the_daemon_was_down_is_booked_from_the_brokers_fills_on_restart()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-restart-").FullName;
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, folder: folder);
        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(-3, rig.Position.Position);
        var entry = rig.Executor.OpenTrade!.Id;
        await rig.StopAsync();

        await rig.PlayWhileDownAsync(new DateTimeOffset(2025, 11, 26, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(-1, (await rig.AccountAsync()).Position); // tp1 (2 of the short 3) filled at 18:34:30 while GoldBot was down
        await rig.RestartAsync();

        Assert.Equal(-1, rig.Position.Position);
        Assert.DoesNotContain("adopted", rig.Log, StringComparison.Ordinal);
        Assert.Contains("while GoldBot was down: booked as its", rig.Log, StringComparison.Ordinal);
        // The same trade goes on: tp1 booked from the gateway's fills, its stop resized to the 1 left and moved to breakeven.
        var trade = rig.Executor.OpenTrade!;
        Assert.Equal(entry, trade.Id);
        Assert.Equal(("tp1", 2), (trade.Exits.Single().Reason, trade.Exits.Single().Quantity));
        var stop = Assert.Single((await rig.AccountAsync()).WorkingOrders, o => o.Type == OrderType.Stop);
        Assert.Equal((1, trade.Entry), (stop.Size, stop.StopPrice!.Value));
    }

    [Fact]
    public async Task A_closed_trade_whose_journal_line_was_lost_is_written_again_from_the_state_store_on_restart()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-restart-").FullName;
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, folder: folder);
        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 19, 10, 0, TimeSpan.Zero)); // the short 3 closed at 19:03:45
        var closed = Assert.Single(rig.ClosedTrades);
        await rig.StopAsync();
        var journal = Path.Combine(rig.Logs, "all_trades.jsonl");
        var line = Assert.Single(await File.ReadAllLinesAsync(journal));
        File.Delete(journal); // a kill -9 after the close's commit, before the journal's append

        await rig.RestartAsync();

        Assert.Equal([line], await File.ReadAllLinesAsync(journal));
        Assert.Contains(closed.Id, line, StringComparison.Ordinal);
        Assert.Contains("1 trades closed in the state store were missing from all_trades.jsonl: written", rig.Log, StringComparison.Ordinal);
    }
}
