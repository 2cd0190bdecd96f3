using GoldBot.Controls;
using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.IntegrationTests;

/// <summary>EMERGENCY_STOP.txt already present when the daemon starts against the simulator holding a position it did not open.</summary>
public sealed class EmergencyStopAtStartTests
{
    [Fact]
    public async Task The_daemon_flattens_what_the_account_holds_never_enters_and_stops_with_exit_code_3()
    {
        var folder = Directory.CreateTempSubdirectory("goldbot-estop-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, ControlFiles.EmergencyStop), "STOP");
            await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart, folder: folder,
                prepare: gateway => SimRig.PlaceAsync(gateway, OrderSide.Ask, OrderType.Market, 2)); // short 2, sold by hand before the start
            await rig.PlayAsync(SimModeTradeTests.MarketStart.AddMinutes(10));

            Assert.Equal(3, await rig.Run.DaemonEndedAsync());
            var account = await rig.AccountAsync();
            Assert.True(account.Position == 0, rig.Log);
            Assert.Empty(account.WorkingOrders);
            // The hand-sold 2 and GoldBot's buy-back of 2: nothing else filled, so no entry was ever made.
            Assert.Equal([(OrderSide.Ask, 2), (OrderSide.Bid, 2)], account.Trades.GroupBy(t => t.Side).Select(g => (g.Key, g.Sum(t => t.Size))));
            Assert.Contains("Flatten (emergency_stop) complete: the broker shows no position and no working order", rig.Log, StringComparison.Ordinal);

            var line = Assert.Single(await File.ReadAllLinesAsync(Path.Combine(rig.Logs, ControlLog.FileName)));
            Assert.Contains(" | source=file EMERGENCY_STOP.txt | action=EmergencyStop | ", line, StringComparison.Ordinal);
            Assert.Contains(" | broker: flat: 0 contracts, 0 working orders at ", line, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, ControlFiles.EmergencyStop))); // kept: the next start stays stopped
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A log file still held by a finalising sink; the temp folder is cleaned by the OS.
            }
        }
    }
}
