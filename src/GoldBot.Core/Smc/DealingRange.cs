namespace GoldBot.Smc;

/// <summary>Where a price sits in the current dealing range.</summary>
public enum PriceZone : byte
{
    /// <summary>No dealing range yet.</summary>
    Unknown,

    /// <summary>Above equilibrium (expensive: favour selling).</summary>
    Premium,

    /// <summary>Exactly at equilibrium.</summary>
    Equilibrium,

    /// <summary>Below equilibrium (cheap: favour buying).</summary>
    Discount,
}

/// <summary>
/// The swing dealing range: from the last swing-structure swing low to the last swing high.
/// Equilibrium is its midpoint; above is premium, below is discount (ICT). The optimal trade
/// entry (OTE) band is the 62–79% retracement of the latest leg: measured down from the high
/// when the latest swing is a high (long entries), up from the low when it is a low (short entries).
/// </summary>
/// <param name="High">Range top in ticks.</param>
/// <param name="Low">Range bottom in ticks.</param>
/// <param name="LegDirection">+1 when the latest swing is the high (an up-leg), −1 when it is the low.</param>
/// <param name="OteTop">Upper edge of the OTE band, ticks.</param>
/// <param name="OteBottom">Lower edge of the OTE band, ticks.</param>
public readonly record struct DealingRange(long High, long Low, sbyte LegDirection, long OteTop, long OteBottom)
{
    /// <summary>Midpoint of the range in ticks (rounded down).</summary>
    public long Equilibrium => (High + Low) / 2;

    /// <summary>Premium, discount or equilibrium for a price in ticks.</summary>
    public PriceZone Classify(long price) =>
        High <= Low ? PriceZone.Unknown
        : 2 * price > High + Low ? PriceZone.Premium
        : 2 * price < High + Low ? PriceZone.Discount
        : PriceZone.Equilibrium;

    /// <summary>True when <paramref name="price"/> (ticks) lies inside the OTE band.</summary>
    public bool InOptimalTradeEntry(long price) => price >= OteBottom && price <= OteTop;

    internal static DealingRange From(in Swing high, in Swing low, double oteStart, double oteEnd)
    {
        var range = high.Level - low.Level;
        var up = high.Index > low.Index;
        long At(double fraction) => (long)Math.Round(fraction * range, MidpointRounding.AwayFromZero);
        return up
            ? new DealingRange(high.Level, low.Level, 1, high.Level - At(oteStart), high.Level - At(oteEnd))
            : new DealingRange(high.Level, low.Level, -1, low.Level + At(oteEnd), low.Level + At(oteStart));
    }
}
