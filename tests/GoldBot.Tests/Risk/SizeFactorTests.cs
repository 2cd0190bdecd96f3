using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Risk;

/// <summary>
/// A signal sized down by a filter (<see cref="GoldBot.Strategy.TradeSignal.SizeFactor"/>, the dollar filter's SizeDown): the
/// risk manager's size × the factor, rounded down, refused with the reason below the minimum.
/// </summary>
public sealed class SizeFactorTests
{
    private static readonly DateTimeOffset Tuesday10Ct = CmeSession.AtExchangeTime(new DateOnly(2025, 12, 2), new TimeOnly(10, 0));

    private static RiskManager NewManager() => new(new RiskOptions(), ContractSpec.BuiltIn["MGC"], new FillModelOptions(), TimeSpan.FromMinutes(3));

    [Fact]
    public void The_size_is_the_full_size_times_the_factor_rounded_down()
    {
        var full = NewManager().Evaluate(Signals.Long(Tuesday10Ct, 20), Tuesday10Ct).Plan!;
        var half = NewManager().Evaluate(Signals.Long(Tuesday10Ct, 20) with { SizeFactor = 0.5m, SizeNote = "dollar filter: …" }, Tuesday10Ct).Plan!;

        Assert.Equal(8, full.Quantity); // the default size caps the 10 the budget allows
        Assert.Equal(4, half.Quantity);
        Assert.Equal(4, half.Targets.Sum(t => t.Quantity));
        Assert.Equal(3, NewManager().Evaluate(Signals.Long(Tuesday10Ct, 20) with { SizeFactor = 0.45m }, Tuesday10Ct).Plan!.Quantity);
    }

    [Fact]
    public void A_size_reduced_below_the_minimum_is_refused_with_the_filters_reason()
    {
        var risk = NewManager();
        risk.SetDefaultContracts(1);

        var decision = risk.Evaluate(Signals.Long(Tuesday10Ct, 20) with { SizeFactor = 0.5m, SizeNote = "dollar filter: dollar up" }, Tuesday10Ct);

        Assert.Equal((false, "size ×0.5 leaves 0 of 1 contracts, minimum 1 (dollar filter: dollar up)"), (decision.Approved, decision.Reason));
    }
}
