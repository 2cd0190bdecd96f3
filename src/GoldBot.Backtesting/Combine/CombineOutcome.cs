namespace GoldBot.Backtesting.Combine;

/// <summary>How a Combine ended.</summary>
public enum CombineOutcome
{
    /// <summary>Profit target reached (and the consistency target met) at the end of a trading day.</summary>
    Passed,

    /// <summary>A rule was broken: maximum loss limit, contract limit, or a daily loss limit configured to fail the account.</summary>
    Failed,

    /// <summary>The data ended first.</summary>
    StillRunning,
}
