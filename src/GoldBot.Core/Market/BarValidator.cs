namespace GoldBot.Market;

/// <summary>
/// Checks one bar against the rules every bar source must satisfy: positive prices no higher than
/// <see cref="MaxPrice"/>, <c>High ≥ max(Open, Close)</c>, <c>Low ≤ min(Open, Close)</c>, a high no more than
/// <see cref="MaxHighToLow"/> times the low, non-negative volume, an open time between <see cref="Earliest"/> and
/// <see cref="Latest"/>, and an
/// open time strictly later than the previous accepted bar (which also rules out duplicates), and,
/// when a tick size is given, every price on the contract's tick grid (an off-grid price would
/// reach the broker as an unfillable order).
/// </summary>
public static class BarValidator
{
    /// <summary>Highest plausible price of any contract, points (index futures trade in the tens of thousands).</summary>
    public const decimal MaxPrice = 10_000_000m;

    /// <summary>Largest plausible ratio of a bar's high to its low: no futures or currency bar doubles within itself.</summary>
    public const decimal MaxHighToLow = 2m;

    /// <summary>Earliest plausible bar time (UTC): before it a stamp is a parsing accident (year 0001).</summary>
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    /// <summary>Latest plausible bar time (UTC): after it a stamp is a typo (year 9999).</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Returns null when <paramref name="bar"/> is valid after <paramref name="previousOpenTime"/>,
    /// otherwise a one-line reason naming the failed rule and the values.
    /// </summary>
    /// <param name="tickSize">When given, prices must be whole multiples of it (points).</param>
    public static string? Check(in Bar bar, DateTimeOffset? previousOpenTime, decimal? tickSize = null)
    {
        if (bar.Open <= 0 || bar.High <= 0 || bar.Low <= 0 || bar.Close <= 0)
            return $"non-positive price (open {bar.Open}, high {bar.High}, low {bar.Low}, close {bar.Close})";
        if (Math.Max(Math.Max(bar.Open, bar.High), Math.Max(bar.Low, bar.Close)) > MaxPrice)
            return $"price above {MaxPrice:0} (open {bar.Open}, high {bar.High}, low {bar.Low}, close {bar.Close})";
        if (bar.OpenTime < Earliest || bar.OpenTime >= Latest)
            return $"time {bar.OpenTime:yyyy-MM-dd HH:mm:ss}Z is outside {Earliest:yyyy}–{Latest:yyyy}";
        if (bar.High < Math.Max(bar.Open, bar.Close))
            return $"high {bar.High} is below max(open, close) {Math.Max(bar.Open, bar.Close)}";
        if (bar.Low > Math.Min(bar.Open, bar.Close))
            return $"low {bar.Low} is above min(open, close) {Math.Min(bar.Open, bar.Close)}";
        if (bar.High > MaxHighToLow * bar.Low)
            return $"high {bar.High} is more than {MaxHighToLow} times low {bar.Low}";
        if (bar.Volume < 0)
            return $"negative volume {bar.Volume}";
        if (tickSize is { } tick)
        {
            // A tick of 10^-k (0.1, 0.01) holds every price written with at most k decimals; only other prices and ticks
            // need the remainder, which costs about 50 ns a price.
            var decimalTick = IsNegativePowerOfTen(tick);
            foreach (var price in (ReadOnlySpan<decimal>)[bar.Open, bar.High, bar.Low, bar.Close])
            {
                if (decimalTick && price.Scale <= tick.Scale)
                    continue;
                if (price % tick != 0)
                    return $"price {price} is not on the {tick} tick grid";
            }
        }
        if (previousOpenTime is { } previous)
        {
            if (bar.OpenTime == previous)
                return $"duplicate time {bar.OpenTime:yyyy-MM-dd HH:mm:ss}Z";
            if (bar.OpenTime < previous)
                return $"time {bar.OpenTime:yyyy-MM-dd HH:mm:ss}Z is earlier than the previous bar {previous:yyyy-MM-dd HH:mm:ss}Z";
        }
        return null;
    }

    /// <summary>True when <paramref name="tick"/> is written as 1 × 10^-k (0.1, 0.01, 1): its unscaled digits are exactly 1.</summary>
    private static bool IsNegativePowerOfTen(decimal tick)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(tick, bits);
        return bits[0] == 1 && bits[1] == 0 && bits[2] == 0 && tick > 0;
    }
}
