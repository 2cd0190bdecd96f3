namespace GoldBot.Market;

/// <summary>
/// Checks one bar against the rules every bar source must satisfy: positive prices,
/// <c>High ≥ max(Open, Close)</c>, <c>Low ≤ min(Open, Close)</c>, non-negative volume, and an
/// open time strictly later than the previous accepted bar (which also rules out duplicates), and,
/// when a tick size is given, every price on the contract's tick grid (an off-grid price would
/// reach the broker as an unfillable order).
/// </summary>
public static class BarValidator
{
    /// <summary>
    /// Returns null when <paramref name="bar"/> is valid after <paramref name="previousOpenTime"/>,
    /// otherwise a one-line reason naming the failed rule and the values.
    /// </summary>
    /// <param name="tickSize">When given, prices must be whole multiples of it (points).</param>
    public static string? Check(in Bar bar, DateTimeOffset? previousOpenTime, decimal? tickSize = null)
    {
        if (bar.Open <= 0 || bar.High <= 0 || bar.Low <= 0 || bar.Close <= 0)
            return $"non-positive price (open {bar.Open}, high {bar.High}, low {bar.Low}, close {bar.Close})";
        if (bar.High < Math.Max(bar.Open, bar.Close))
            return $"high {bar.High} is below max(open, close) {Math.Max(bar.Open, bar.Close)}";
        if (bar.Low > Math.Min(bar.Open, bar.Close))
            return $"low {bar.Low} is above min(open, close) {Math.Min(bar.Open, bar.Close)}";
        if (bar.Volume < 0)
            return $"negative volume {bar.Volume}";
        if (tickSize is { } tick)
        {
            foreach (var price in (ReadOnlySpan<decimal>)[bar.Open, bar.High, bar.Low, bar.Close])
            {
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
}
