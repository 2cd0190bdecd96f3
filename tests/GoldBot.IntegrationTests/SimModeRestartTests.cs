using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Crash-only recovery: a daemon stopped with an open position (its stop and targets working at
/// the gateway) is started again on the same folder; the new run reads the account, adopts the
/// position, keeps the stop, cancels the orphaned targets and never enters a second time.
/// </summary>
public sealed class SimModeRestartTests
{
    [Fact]
    public async Task A_daemon_killed_with_an_open_position_adopts_it_on_restart_without_a_second_entry()
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
        var adopted = await rig.AccountAsync();
        Assert.Equal(-3, rig.Position.Position);
        Assert.Equal([stop.Id], adopted.WorkingOrders.Select(o => o.Id)); // targets cancelled, stop kept
        await rig.PlayAsync(new DateTimeOffset(2025, 11, 26, 19, 0, 0, TimeSpan.Zero));

        var end = await rig.AccountAsync();
        Assert.Single(end.AllOrders, o => o.Type == OrderType.Market); // one entry, ever
        Assert.Equal(-3, end.Position);
        Assert.Equal([stop.Id], end.WorkingOrders.Select(o => o.Id));
        Assert.Contains("\"pattern\": \"adopted\"", await File.ReadAllTextAsync(Path.Combine(rig.Logs, "trades_today.json")), StringComparison.Ordinal);
    }
}
