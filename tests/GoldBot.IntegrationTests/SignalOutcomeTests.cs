using GoldBot.GatewaySimulator.Faults;

namespace GoldBot.IntegrationTests;

/// <summary>
/// Issue 10 §4: <c>executed</c> in signals.log (and <c>last_signal</c>) is true only for an entry the broker filled. The real
/// daemon against the simulator, whose next order (the first entry) is rejected.
/// </summary>
public sealed class SignalOutcomeTests
{
    [Fact]
    public async Task A_rejected_entry_is_logged_executed_false_and_a_filled_one_executed_true()
    {
        await using var rig = await SimRig.StartAsync(SimModeTradeTests.MarketStart);
        await rig.FaultAsync(new FaultRequest { RejectNextOrder = new RejectOrder(2, "simulated rejection") });

        await rig.PlayAsync(SimModeTradeTests.MarketStart.AddHours(6));

        var lines = File.ReadAllLines(Path.Combine(rig.Logs, "signals.log"));
        var decided = lines.Where(l => l.Contains("| executed=true |", StringComparison.Ordinal) || l.Contains("reason=entry not filled", StringComparison.Ordinal)).ToList();
        Assert.True(decided.Count >= 2, string.Join('\n', lines));
        Assert.Contains("| executed=false | reason=entry not filled: refused, cancelled or never placed by the broker", decided[0], StringComparison.Ordinal);
        Assert.Contains("| executed=true | reason=traded |", decided[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("reason=sent to the broker", StringComparison.Ordinal));
        Assert.Equal(rig.ClosedTrades.Count + (rig.Position.Position != 0 ? 1 : 0), lines.Count(l => l.Contains("| executed=true |", StringComparison.Ordinal)));
        Assert.Empty(rig.Violations);
    }
}
