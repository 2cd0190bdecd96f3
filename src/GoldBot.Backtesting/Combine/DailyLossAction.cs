namespace GoldBot.Backtesting.Combine;

/// <summary>What touching a Combine's daily loss limit does.</summary>
public enum DailyLossAction
{
    /// <summary>
    /// Topstep's "soft breach" (research/topstepx-api.md §11.1): positions are liquidated at the limit and
    /// trading stops for the rest of the day; the account lives on.
    /// </summary>
    EndDay,

    /// <summary>The account fails (a stricter personal rule).</summary>
    FailAccount,
}
