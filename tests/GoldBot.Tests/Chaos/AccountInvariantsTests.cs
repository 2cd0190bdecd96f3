using GoldBot.Chaos;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Tests.Chaos;

/// <summary>
/// The chaos campaign's account invariants for Mode B: a resting limit entry on a flat account is not an exit left behind,
/// but one still working after its working time is a violation. Tolerance 2 s; a limit entry works 60 minutes.
/// </summary>
public sealed class AccountInvariantsTests
{
    private static readonly DateTimeOffset Start = new(2025, 12, 2, 16, 0, 0, TimeSpan.Zero);
    private readonly AccountInvariants _invariants = new(new RiskOptions(), ContractSpec.BuiltIn["MGC"], new SessionSchedule(new RiskOptions()),
        TimeSpan.FromSeconds(2), 250m, TimeSpan.FromMinutes(60));

    private static SimOrder Limit(string tag, OrderSide side) =>
        new(1, 1, "CON.F.US.MGC.G26", "F.US.MGC", Start, Start, OrderStatus.Open, OrderType.Limit, side, 2, 4000m, null, null, null, 0, null, tag, null, null);

    private void ObserveFlat(DateTimeOffset now, params SimOrder[] working) => _invariants.Observe(now, 0, 0m, 50_000m, 4010m, working, null);

    [Fact]
    public void A_resting_limit_entry_on_a_flat_account_is_fine_until_its_working_time_ends()
    {
        var entry = Limit("gb1a2b3c4d-20251202-1600-1", OrderSide.Bid);
        foreach (var minutes in new[] { 0, 1, 30, 60 })
            ObserveFlat(Start.AddMinutes(minutes), entry);
        ObserveFlat(Start.AddMinutes(60).AddSeconds(1), entry);
        Assert.Empty(_invariants.Violations);

        ObserveFlat(Start.AddMinutes(60).AddSeconds(4), entry);
        var violation = Assert.Single(_invariants.Violations);
        Assert.Equal("stale_entry", violation.Kind);
    }

    [Fact]
    public void A_take_profit_left_on_a_flat_account_is_still_an_exit_on_flat()
    {
        var target = Limit("gb1a2b3c4d-20251202-1600-1-tp1-3", OrderSide.Ask);
        ObserveFlat(Start, target);
        ObserveFlat(Start.AddSeconds(3), target);
        Assert.Equal("exit_on_flat", Assert.Single(_invariants.Violations).Kind);
    }
}
