namespace GoldBot.Backtesting.Combine;

/// <summary>
/// The rules of a Topstep Trading Combine account, from <c>research/topstepx-api.md</c> §11
/// (help.topstep.com 8284204 for the maximum loss limit, intercom 9221977 for the micro limit,
/// third-party summaries for targets and consistency; these change often, re-verify before relying on them).
/// </summary>
/// <param name="Name">Account name, e.g. <c>50K</c>.</param>
/// <param name="StartingBalance">Account size, USD.</param>
/// <param name="ProfitTarget">Profit over the starting balance that passes the Combine, USD (§11.1).</param>
/// <param name="MaxLossLimit">Maximum loss limit, USD: the balance floor starts at StartingBalance − this, trails the
/// highest end-of-day balance at this distance, is set only at the end of a trading day, and stops trailing at the
/// starting balance; touching it with equity including open P&amp;L fails the account (§11.2, help.topstep.com 8284204).</param>
/// <param name="DailyLossLimit">Daily loss limit, USD, or null for none. TopstepX Combines have none since
/// 2024-08-25 (§11.1); other platforms used $1,000 / $2,000 / $3,000 for 50K / 100K / 150K.</param>
/// <param name="MaxMicroContracts">Most contracts open at once in micro equivalents (§11.1: 50 / 100 / 150 on TopstepX;
/// a mini counts 10, <see cref="GoldBot.Market.ContractSpec.MicroEquivalent"/>).</param>
/// <param name="ConsistencyFraction">Consistency target (§11.4): the best day's profit must be less than this
/// fraction of the total profit for the target to count (0.5 for the current Combine), or null for none.</param>
/// <param name="DailyLossAction">What touching the daily loss limit does.</param>
public sealed record CombineRules(
    string Name,
    decimal StartingBalance,
    decimal ProfitTarget,
    decimal MaxLossLimit,
    decimal? DailyLossLimit,
    int MaxMicroContracts,
    decimal? ConsistencyFraction = 0.5m,
    DailyLossAction DailyLossAction = DailyLossAction.EndDay)
{
    /// <summary>50K Combine on TopstepX: target $3,000, MLL $2,000, no DLL, 50 micros, 50 % consistency.</summary>
    public static CombineRules Combine50K { get; } = new("50K", 50_000m, 3_000m, 2_000m, null, 50);

    /// <summary>100K Combine on TopstepX: target $6,000, MLL $3,000, no DLL, 100 micros, 50 % consistency.</summary>
    public static CombineRules Combine100K { get; } = new("100K", 100_000m, 6_000m, 3_000m, null, 100);

    /// <summary>150K Combine on TopstepX: target $9,000, MLL $4,500, no DLL, 150 micros, 50 % consistency.</summary>
    public static CombineRules Combine150K { get; } = new("150K", 150_000m, 9_000m, 4_500m, null, 150);

    /// <summary>
    /// These rules with the daily loss limit Topstep used off TopstepX (§11.1: $1,000 / $2,000 / $3,000 for
    /// 50K / 100K / 150K, i.e. one third of the profit target).
    /// </summary>
    public CombineRules WithStandardDailyLossLimit() => this with { DailyLossLimit = ProfitTarget / 3m };

    /// <summary>Checks that every amount is positive; lists every problem at once.</summary>
    /// <exception cref="ArgumentException">One or more values are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (StartingBalance <= 0) problems.Add($"StartingBalance {StartingBalance} must be > 0");
        if (ProfitTarget <= 0) problems.Add($"ProfitTarget {ProfitTarget} must be > 0");
        if (MaxLossLimit <= 0) problems.Add($"MaxLossLimit {MaxLossLimit} must be > 0");
        if (DailyLossLimit is <= 0) problems.Add($"DailyLossLimit {DailyLossLimit} must be > 0 or null");
        if (MaxMicroContracts <= 0) problems.Add($"MaxMicroContracts {MaxMicroContracts} must be > 0");
        if (ConsistencyFraction is <= 0 or > 1) problems.Add($"ConsistencyFraction {ConsistencyFraction} must be in (0, 1] or null");
        if (problems.Count > 0)
            throw new ArgumentException($"invalid Combine rules '{Name}': " + string.Join("; ", problems));
    }
}
