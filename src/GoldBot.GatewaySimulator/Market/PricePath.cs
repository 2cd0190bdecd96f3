using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// The trade prices synthesized inside one bar, in this order: open, then whichever of high and low is
/// nearer to the open, then the other, then close. On a tie (open equally far from both) a bullish bar
/// (close ≥ open) visits the low first and a bearish bar the high first. The same order GoldBot's
/// SimulatedBroker assumes for intrabar fills; a simulator decision, not a ProjectX rule.
/// </summary>
public static class PricePath
{
    /// <summary>Number of points per bar.</summary>
    public const int PointsPerBar = 4;

    /// <summary>The four prices (points) of <paramref name="bar"/> in path order.</summary>
    public static (decimal Open, decimal First, decimal Second, decimal Close) Of(in Bar bar)
    {
        var toHigh = bar.High - bar.Open;
        var toLow = bar.Open - bar.Low;
        var highFirst = toHigh < toLow || (toHigh == toLow && bar.Close < bar.Open);
        return highFirst ? (bar.Open, bar.High, bar.Low, bar.Close) : (bar.Open, bar.Low, bar.High, bar.Close);
    }

    /// <summary>Price of point <paramref name="step"/> (0 open … 3 close).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not in [0, 3].</exception>
    public static decimal At(in Bar bar, int step)
    {
        var p = Of(bar);
        return step switch
        {
            0 => p.Open,
            1 => p.First,
            2 => p.Second,
            3 => p.Close,
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a bar has four path points, 0 to 3"),
        };
    }
}
