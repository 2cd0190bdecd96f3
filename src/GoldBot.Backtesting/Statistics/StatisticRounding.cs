namespace GoldBot.Backtesting.Statistics;

/// <summary>Rounding of statistics per unit, half away from zero: USD to cents, ratios and fractions to 4 decimals, minutes to 2.</summary>
internal static class StatisticRounding
{
    public static decimal? Round(decimal? value, StatisticUnit unit) => value is { } v
        ? unit switch
        {
            StatisticUnit.Usd or StatisticUnit.Minutes => decimal.Round(v, 2, MidpointRounding.AwayFromZero),
            StatisticUnit.Count => decimal.Round(v, 0, MidpointRounding.AwayFromZero),
            StatisticUnit.Text => null,
            _ => decimal.Round(v, 4, MidpointRounding.AwayFromZero),
        }
        : null;

    /// <summary>A double as a rounded decimal; NaN, infinities and values outside decimal's range become null.</summary>
    public static decimal? Round(double? value, StatisticUnit unit) =>
        value is { } v && double.IsFinite(v) && Math.Abs(v) < 7.9e27 ? Round((decimal)v, unit) : null;
}
