using GoldBot.Backtesting.Engine;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Re-expresses the tick distances of a configuration written for one tick size in the ticks of a
/// finer one, so the same distance in points is kept: with MGC distances (0.10 ticks) on XAUUSD
/// (0.01 ticks) every count is multiplied by 10. The keys scaled are every tick count of the
/// strategy, its SMC detectors and the fill model: <see cref="Keys"/>.
/// </summary>
public static class TickScaling
{
    /// <summary>The configuration keys scaled, as in config/appsettings.json.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "Strategy:StopBufferTicks", "Strategy:MinStopTicks", "Strategy:MaxStopTicks",
        "Strategy:Entry:MinDisplacementTicks", "Strategy:Entry:MinFairValueGapTicks", "Strategy:Entry:EqualLevelToleranceTicks",
        "Strategy:Trend:MinDisplacementTicks", "Strategy:Trend:MinFairValueGapTicks", "Strategy:Trend:EqualLevelToleranceTicks",
        "Execution:MarketSlippageTicks", "Execution:StopSlippageTicks", "Execution:LimitTradeThroughTicks",
    ];

    /// <summary>The whole factor from <paramref name="configuredTick"/> to <paramref name="tradedTick"/> (points), or 1 when it is not a whole number above 1.</summary>
    public static int Factor(decimal configuredTick, decimal tradedTick)
    {
        if (configuredTick <= 0 || tradedTick <= 0)
            return 1;
        var ratio = configuredTick / tradedTick;
        return ratio > 1 && ratio == decimal.Truncate(ratio) && ratio <= 1_000 ? (int)ratio : 1;
    }

    /// <summary>Multiplies every key of <see cref="Keys"/> by <paramref name="factor"/>, except those <paramref name="keep"/> names (set explicitly).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="factor"/> is below 1.</exception>
    public static BacktestSettings Apply(BacktestSettings settings, int factor, Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        int S(string key, int value) => keep(key) ? value : checked(value * factor);
        long L(string key, long value) => keep(key) ? value : checked(value * factor);
        var s = settings.Strategy;
        var f = settings.Fills;
        return settings with
        {
            Strategy = s with
            {
                StopBufferTicks = S("Strategy:StopBufferTicks", s.StopBufferTicks),
                MinStopTicks = S("Strategy:MinStopTicks", s.MinStopTicks),
                MaxStopTicks = S("Strategy:MaxStopTicks", s.MaxStopTicks),
                Entry = s.Entry with
                {
                    MinDisplacementTicks = L("Strategy:Entry:MinDisplacementTicks", s.Entry.MinDisplacementTicks),
                    MinFairValueGapTicks = L("Strategy:Entry:MinFairValueGapTicks", s.Entry.MinFairValueGapTicks),
                    EqualLevelToleranceTicks = L("Strategy:Entry:EqualLevelToleranceTicks", s.Entry.EqualLevelToleranceTicks),
                },
                Trend = s.Trend with
                {
                    MinDisplacementTicks = L("Strategy:Trend:MinDisplacementTicks", s.Trend.MinDisplacementTicks),
                    MinFairValueGapTicks = L("Strategy:Trend:MinFairValueGapTicks", s.Trend.MinFairValueGapTicks),
                    EqualLevelToleranceTicks = L("Strategy:Trend:EqualLevelToleranceTicks", s.Trend.EqualLevelToleranceTicks),
                },
            },
            Fills = f with
            {
                MarketSlippageTicks = S("Execution:MarketSlippageTicks", f.MarketSlippageTicks),
                StopSlippageTicks = S("Execution:StopSlippageTicks", f.StopSlippageTicks),
                LimitTradeThroughTicks = S("Execution:LimitTradeThroughTicks", f.LimitTradeThroughTicks),
            },
        };
    }
}
