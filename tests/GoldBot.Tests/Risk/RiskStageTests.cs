using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Risk;

/// <summary>
/// The risk stage's own rules, shared by the daemon's risk service and the backtest engine: a
/// flatten goes out at most once per market instant while exposed, and again after a new bar.
/// </summary>
public sealed class RiskStageTests
{
    private static readonly DateTimeOffset Morning = CmeSession.AtExchangeTime(new DateOnly(2025, 12, 2), new TimeOnly(9, 0));

    private static RiskStage NewStage() =>
        new(new RiskManager(new RiskOptions(), ContractSpec.BuiltIn["MGC"], new FillModelOptions(), TimeSpan.FromMinutes(3)));

    [Fact]
    public void A_flat_account_sends_no_flatten_unless_forced()
    {
        var stage = NewStage();

        Assert.False(stage.TryFlatten(Morning));
        Assert.True(stage.TryFlatten(Morning, force: true));
    }

    [Fact]
    public void An_approved_entry_makes_the_account_exposed_and_one_flatten_goes_out_per_instant()
    {
        var stage = NewStage();
        Assert.True(stage.Evaluate(Signals.Long(Morning, 20), Morning).Approved);

        Assert.True(stage.Exposed);
        Assert.True(stage.TryFlatten(Morning));
        Assert.False(stage.TryFlatten(Morning));
        Assert.True(stage.TryFlatten(Morning.AddMinutes(3)));
    }

    [Fact]
    public void A_flat_report_ends_the_exposure_and_counts_the_closed_trades_loss()
    {
        var stage = NewStage();
        stage.OnPosition(new PositionState(1, 2000m, false, 50_000m), null);
        Assert.True(stage.Exposed);

        var closed = new TradeRecord("t", Morning, "order_block", 8, "long", 2000m, 2000m, 1998m, 2004m, 1, 23.24m,
            new GoldBot.Strategy.MarketConditions("new_york", 0, 0, "09:00", "unknown"), Morning.AddMinutes(3), [], -20m, 1.24m, "stop", 49_978.76m);
        stage.OnPosition(new PositionState(0, 0m, false, 49_978.76m), closed);
        stage.OnPosition(new PositionState(1, 2000m, false, 49_978.76m), null);
        stage.OnPosition(new PositionState(0, 0m, false, 49_957.52m), closed);

        Assert.False(stage.Exposed);
        Assert.False(stage.TryFlatten(Morning));
        Assert.Equal("2 consecutive losses: done for the day", stage.Risk.BlockedBy(Morning));
    }
}
