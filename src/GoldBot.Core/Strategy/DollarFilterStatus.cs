namespace GoldBot.Strategy;

/// <summary>Whether the dollar filter can judge a signal now (<see cref="DollarFilter.StateAt"/>).</summary>
public enum DollarFilterStatus
{
    /// <summary><see cref="DollarFilterMode.Off"/>: nothing is judged.</summary>
    Off,

    /// <summary>No proxy bar has been seen yet: signals pass.</summary>
    NoProxyData,

    /// <summary>The last proxy bar closed more than <see cref="DollarFilterOptions.MaxProxyAgeMinutes"/> ago: signals pass.</summary>
    Stale,

    /// <summary>Fewer hourly return pairs than the correlation window, or fewer hourly dollar closes than the EMA: signals pass.</summary>
    WarmingUp,

    /// <summary>Correlation and trend are known: signals against the dollar are blocked or sized down.</summary>
    Ready,
}

/// <summary>The dollar filter's view at one moment, for a verdict, a log line or status.json.</summary>
/// <param name="Status">Whether it can judge.</param>
/// <param name="Correlation">Pearson r of the last <see cref="DollarFilterOptions.CorrelationWindowHours"/> hourly log-return pairs (gold, dollar), or null during warm-up.</param>
/// <param name="TrendPercent">(dollar ÷ its hourly EMA − 1) × 100, percent, or null during warm-up; the dollar is the proxy or its inverse.</param>
/// <param name="DollarTrend">+1 up, −1 down, 0 flat or unknown (<see cref="DollarFilterOptions.TrendThresholdPercent"/>).</param>
/// <param name="LastProxyClose">Close time of the last proxy bar seen, UTC, or null.</param>
/// <param name="Pairs">Hourly return pairs seen so far.</param>
public readonly record struct DollarFilterState(
    DollarFilterStatus Status,
    double? Correlation,
    double? TrendPercent,
    int DollarTrend,
    DateTimeOffset? LastProxyClose,
    long Pairs);

/// <summary>What the dollar filter decided for one signal.</summary>
/// <param name="SizeFactor">Fraction of the size to trade: 1 to pass, 0 to block, <see cref="DollarFilterOptions.SizeFactor"/> to size down.</param>
/// <param name="Reason">Why it was blocked or sized down (for signals.log), or null when it passes.</param>
/// <param name="State">The filter's state at the decision.</param>
public readonly record struct DollarFilterVerdict(decimal SizeFactor, string? Reason, DollarFilterState State)
{
    /// <summary>True when the signal is refused.</summary>
    public bool Blocks => SizeFactor == 0;
}
