using GoldBot.Backtesting.Engine;
using GoldBot.Market;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Fits the strategy's time frames to bars longer than its entry frame. The order-block strategy
/// aggregates source bars to its entry and trend frames (<see cref="BarAggregator"/>), so each must be
/// a whole multiple of the bar period: the default 15m / 1h cannot run on 1-hour bars. When the
/// entry frame is not a multiple of the bar period it becomes the bar period; when the trend frame
/// is then not a longer multiple of the entry frame it becomes 4 × the entry frame (the default
/// configuration's 15m → 1h ratio), at most one day (1h bars: 1h entry, 4h trend).
/// </summary>
public static class TimeFrameFit
{
    /// <summary>The trend frame as a multiple of the entry frame when it has to be chosen.</summary>
    public const int TrendMultiple = 4;

    /// <summary>Returns the settings with fitted time frames, and whether anything changed.</summary>
    /// <param name="keepEntry">True when the entry frame was set explicitly (then it is left as is).</param>
    /// <param name="keepTrend">True when the trend frame was set explicitly.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bar period is not a whole number of minutes up to one day.</exception>
    /// <exception cref="FormatException">A configured time frame does not parse.</exception>
    public static (BacktestSettings Settings, bool Changed) Fit(BacktestSettings settings, TimeSpan barPeriod, bool keepEntry = false, bool keepTrend = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bar = new TimeFrame(barPeriod);
        var entry = TimeFrame.Parse(settings.Strategy.EntryTimeFrame);
        var trend = TimeFrame.Parse(settings.Strategy.TrendTimeFrame);
        if (!keepEntry && !IsMultiple(entry, bar))
            entry = bar;
        if (!keepTrend && (!IsMultiple(trend, entry) || trend.Period <= entry.Period))
            trend = new TimeFrame(TimeSpan.FromTicks(Math.Min(entry.Period.Ticks * TrendMultiple, TimeSpan.TicksPerDay)));
        var strategy = settings.Strategy with { EntryTimeFrame = entry.ToString(), TrendTimeFrame = trend.ToString() };
        var changed = strategy.EntryTimeFrame != settings.Strategy.EntryTimeFrame || strategy.TrendTimeFrame != settings.Strategy.TrendTimeFrame;
        return (changed ? settings with { Strategy = strategy } : settings, changed);
    }

    private static bool IsMultiple(TimeFrame frame, TimeFrame of) => frame.Period >= of.Period && frame.Period.Ticks % of.Period.Ticks == 0;
}
