namespace GoldBot.Indicators;

/// <summary>
/// The indicators' missing-value convention (Skender.Stock.Indicators <c>NaN2Null</c>): a result
/// that is undefined (warm-up, zero divisor, NaN arithmetic) is reported as null, never as NaN or 0.
/// On the input side NaN marks a missing value, which is how a chained series passes its nulls on.
/// </summary>
internal static class MissingValue
{
    /// <summary>Null when <paramref name="value"/> is NaN, otherwise the value.</summary>
    public static double? FromNaN(double value) => double.IsNaN(value) ? null : value;
}
