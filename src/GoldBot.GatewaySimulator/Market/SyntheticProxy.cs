using GoldBot.GatewaySimulator.Engine;
using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// A dollar proxy market (Euro FX, 6E) derived deterministically from the replayed gold, so sim mode and the chaos campaign can
/// exercise GoldBot's dollar filter without a second data file (<see cref="Hosting.GatewaySimulatorOptions.ProxyContractId"/>).
/// Every gold trade at price <c>g</c> is followed by a proxy trade at the same time and volume at
/// <c>p = BasePrice × (g ÷ g₀)^Elasticity</c>, rounded to the proxy's tick (6E: 0.00005 USD per EUR), with <c>g₀</c> the bars
/// file's first open; History serves the same transform of the gold bars (open, high, low, close each mapped; the map is
/// increasing, so high stays high). The euro rising with gold is the inverse gold–dollar relation the filter looks for: read
/// inverted, this "dollar" correlates at about −1 with gold, so the filter reaches <c>ready</c> and blocks longs while gold falls.
/// It is a rehearsal of the plumbing, not market evidence.
/// </summary>
public sealed class SyntheticProxy
{
    /// <summary>Proxy price at the anchor gold price (USD per EUR).</summary>
    public const decimal BasePrice = 1.1000m;

    /// <summary>Exponent of the gold ratio: a 1 % gold move moves the proxy about 0.25 %.</summary>
    public const double Elasticity = 0.25;

    private readonly decimal _anchor;

    /// <summary>Creates the proxy for <paramref name="contract"/>, anchored at <paramref name="anchorGoldPrice"/> (points).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The anchor is not positive.</exception>
    public SyntheticProxy(SimContract contract, decimal anchorGoldPrice)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(anchorGoldPrice, 0m);
        Contract = contract;
        _anchor = anchorGoldPrice;
    }

    /// <summary>The proxy contract listed by the simulator.</summary>
    public SimContract Contract { get; }

    /// <summary>The proxy price for a gold price <paramref name="gold"/> (points), on the proxy's tick grid (USD per EUR).</summary>
    public decimal PriceAt(decimal gold)
    {
        var raw = (double)BasePrice * Math.Pow((double)(gold / _anchor), Elasticity);
        var tick = Contract.Spec.TickSize;
        return Math.Max(tick, decimal.Round((decimal)raw / tick, MidpointRounding.AwayFromZero) * tick);
    }

    /// <summary>The proxy trade that follows gold trade <paramref name="gold"/>: same time, volume and gap flag.</summary>
    public MarketTick TickFor(MarketTick gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        return gold with { ContractId = Contract.Id, Price = PriceAt(gold.Price) };
    }

    /// <summary>A quote at <paramref name="tick"/>'s price (bid = last, ask one tick above), stamped at its time.</summary>
    public Quote QuoteFor(MarketTick tick)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var p = tick.Price;
        return new Quote(Contract.Id, Contract.SymbolId, p, p, p + Contract.Spec.TickSize, 0m, 0m, p, p, p, tick.Volume, tick.Time);
    }

    /// <summary>The proxy bar of gold bar <paramref name="gold"/>.</summary>
    public Bar BarFor(Bar gold) => new(gold.OpenTime, PriceAt(gold.Open), PriceAt(gold.High), PriceAt(gold.Low), PriceAt(gold.Close), gold.Volume);
}
