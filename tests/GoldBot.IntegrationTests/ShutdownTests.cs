using GoldBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Issue 10 §2: a stop signal with an open position. By default the position stays at the gateway with its stop (see
/// <see cref="SimModeRestartTests"/>); with <c>Execution:OnShutdown</c> <c>Flatten</c> the daemon blocks entries, flattens,
/// and stops with exit code 0 once the gateway shows the account flat.
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task With_OnShutdown_Flatten_a_stop_signal_flattens_the_position_then_stops_with_exit_code_0()
    {
        var signalAt = new DateTimeOffset(2025, 11, 26, 17, 0, 0, TimeSpan.Zero);
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, new Dictionary<string, string?>
        {
            ["Execution:OnShutdown"] = "Flatten",
            ["Execution:ShutdownFlattenSeconds"] = "600", // the wall-clock deadline is not what this test is about
        });
        await rig.PlayAsync(signalAt);
        Assert.Equal(-3, rig.Position.Position);
        var lifetime = Assert.IsType<FlattenOnShutdownLifetime>(rig.Services.GetRequiredService<IHostLifetime>());

        lifetime.Request("SIGTERM");
        await rig.PlayAsync(signalAt.AddSeconds(30));

        var end = await rig.AccountAsync();
        Assert.True(end.Position == 0, rig.Log);
        Assert.Empty(end.WorkingOrders);
        Assert.Equal(0, await rig.Run.DaemonEndedAsync());
        Assert.Contains("Flatten (shutdown) complete: the broker shows no position and no working order", rig.Log, StringComparison.Ordinal);
        Assert.Contains("Shutdown flatten complete: account flat, stopping", rig.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("OPEN POSITION", rig.Run.Output, StringComparison.Ordinal);
    }
}
