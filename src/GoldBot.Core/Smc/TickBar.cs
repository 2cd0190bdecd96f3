using GoldBot.Market;

namespace GoldBot.Smc;

/// <summary>
/// A closed bar with prices as whole ticks (price / tick size), the input of the causal
/// <see cref="SmcEngine"/>. Integer ticks make level comparisons and tick tolerances exact
/// and keep the per-bar path free of decimal arithmetic.
/// </summary>
/// <param name="OpenTime">Bar open time, UTC.</param>
/// <param name="Open">Open in ticks.</param>
/// <param name="High">High in ticks.</param>
/// <param name="Low">Low in ticks.</param>
/// <param name="Close">Close in ticks.</param>
/// <param name="Volume">Contracts traded.</param>
public readonly record struct TickBar(DateTimeOffset OpenTime, long Open, long High, long Low, long Close, long Volume)
{
    /// <summary>Converts a price bar to ticks of <paramref name="tickSize"/>, rounding to the nearest tick.</summary>
    public static TickBar FromBar(in Bar bar, decimal tickSize) => FromBar(bar, new TickRounding.Grid(tickSize));

    /// <summary>As <see cref="FromBar(in Bar, decimal)"/> on a tick grid split once for every bar.</summary>
    internal static TickBar FromBar(in Bar bar, in TickRounding.Grid tick) =>
        new(bar.OpenTime, TickRounding.ToTicks(bar.Open, tick), TickRounding.ToTicks(bar.High, tick), TickRounding.ToTicks(bar.Low, tick),
            TickRounding.ToTicks(bar.Close, tick), bar.Volume);

    /// <summary>|Close − Open| in ticks.</summary>
    public long Body => Math.Abs(Close - Open);

    /// <summary>High − Low in ticks.</summary>
    public long Range => High - Low;
}
