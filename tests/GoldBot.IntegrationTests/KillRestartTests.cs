using System.Text.Json;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.IntegrationTests;

/// <summary>
/// kill -9 (issue 10): the real daemon, a child process in sim mode against the gateway simulator in this process, is
/// killed with SIGKILL while it holds a position, and started again on the same folder. Whatever instant the kill fell
/// on, the restart takes the folder's lock and the state store (both die with the process), resumes the risk state the
/// store committed, and leaves the position with exactly one working stop of its size: nothing duplicated, nothing lost.
/// The simulator's market stays still (step mode), so what the daemons see does not depend on the machine's speed.
/// </summary>
public sealed class KillRestartTests
{
    private static readonly Lazy<BarFile> Bars = new(() => BarCsvReader.Read(SharedData.MgcBars));

    [Fact]
    public async Task A_daemon_killed_with_sigkill_holding_a_position_restarts_with_its_risk_state_and_one_stop_of_the_positions_size()
    {
        var index = Bars.Value.Bars.ToList().FindIndex(b => b.OpenTime == SimModeTradeTests.MarketStart);
        await using var simulator = await GatewaySimulatorHost.StartAsync(
            new GatewaySimulatorOptions { BarsFile = SharedData.MgcBars, Port = 0, Speed = 0, WarmupBars = index }, CancellationToken.None);
        await SimRig.PlaceAsync(simulator.Gateway, OrderSide.Ask, OrderType.Market, 2); // short 2, sold by hand before GoldBot starts
        var folder = Directory.CreateTempSubdirectory("goldbot-kill-").FullName;
        var settings = new Dictionary<string, string> { ["TopstepX:SimulatorUrl"] = simulator.BaseUrl.ToString().TrimEnd('/') };

        using (var first = DaemonProcess.Start(folder, ["--mode", "sim"], settings))
        {
            await first.WaitUntilAsync("the position is protected", async () => Stops(await AccountAsync(simulator)) is [{ Size: 2 }]);
            await first.SignalAndWaitAsync("KILL");
            Assert.Equal(137, first.ExitCode);
        }
        var held = await AccountAsync(simulator);
        var stop = Assert.Single(Stops(held));
        File.Delete(Path.Combine(folder, "logs", "status.json")); // the killed daemon's last word: alive

        using var second = DaemonProcess.Start(folder, ["--mode", "sim"], settings);
        await second.WaitUntilAsync("the restart protects the position", () => Task.FromResult(Status(second) is { } status
            && status.GetProperty("is_alive").GetBoolean() && status.GetProperty("protection") is { ValueKind: JsonValueKind.Object } protection
            && protection.GetProperty("state").GetString() == "protected"
            && status.GetProperty("active_positions").GetArrayLength() == 1));

        var after = await AccountAsync(simulator);
        Assert.Equal(-2, after.Position);
        Assert.Equal([stop.Id], Stops(after).Select(o => o.Id)); // the same stop: not placed again, not doubled
        Assert.Contains("Risk state resumed", second.Log, StringComparison.Ordinal);
    }

    /// <summary>status.json as the daemon last wrote it, or null while there is none (or it is being replaced).</summary>
    private static JsonElement? Status(DaemonProcess daemon)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(Path.Combine(daemon.Logs, "status.json"))).RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    private static List<SimOrder> Stops(AccountState account) => [.. account.WorkingOrders.Where(o => o.Type == OrderType.Stop)];

    private static Task<AccountState> AccountAsync(GatewaySimulatorHandle simulator) => simulator.Gateway.ReadAsync(g => new AccountState(
        g.Engine.Positions.Where(p => p.AccountId == SimRig.AccountId && p.Size > 0).Sum(p => p.SignedSize),
        [.. g.Engine.Orders.Where(o => o.AccountId == SimRig.AccountId && o.IsWorking)],
        g.Engine.Account(SimRig.AccountId)!.Balance,
        [.. g.Engine.Trades.Where(t => t.AccountId == SimRig.AccountId)],
        [.. g.Engine.Orders.Where(o => o.AccountId == SimRig.AccountId)]), CancellationToken.None);
}
