namespace GoldBot.Backtesting.Statistics;

/// <summary>What a statistic's number means, and how it is rounded in the model, stats.json and the report.</summary>
public enum StatisticUnit
{
    /// <summary>A whole count (trades, days, contracts).</summary>
    Count,

    /// <summary>US dollars, rounded to cents.</summary>
    Usd,

    /// <summary>A fraction (0.5 = 50 %), rounded to 4 decimals.</summary>
    Fraction,

    /// <summary>A dimensionless ratio (Sharpe, profit factor), rounded to 4 decimals.</summary>
    Ratio,

    /// <summary>R multiples (P&amp;L ÷ planned risk), rounded to 4 decimals.</summary>
    R,

    /// <summary>Minutes, rounded to 2 decimals.</summary>
    Minutes,

    /// <summary>Text (a name, an outcome, an ISO date); no number.</summary>
    Text,
}
