namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Rounding of statistics per unit, half away from zero: USD and minutes to 2 decimals, ratios, fractions and R to 4,
/// counts whole. Adding a zero of that scale fixes the printed decimals (150 → 150.00) without changing the value.
/// </summary>
internal static class StatisticRounding
{
    public static decimal? Round(decimal? value, StatisticUnit unit) => value is { } v
        ? unit switch
        {
            StatisticUnit.Usd or StatisticUnit.Minutes => decimal.Round(v, 2, MidpointRounding.AwayFromZero) + 0.00m,
            StatisticUnit.Count => decimal.Round(v, 0, MidpointRounding.AwayFromZero),
            StatisticUnit.Text => null,
            _ => decimal.Round(v, 4, MidpointRounding.AwayFromZero) + 0.0000m,
        }
        : null;

    /// <summary>A double as a rounded decimal; NaN, infinities and values outside decimal's range become null.</summary>
    public static decimal? Round(double? value, StatisticUnit unit) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e27 ? Round((decimal)v, unit) : null;
}
