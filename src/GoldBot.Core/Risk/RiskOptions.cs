using System.ComponentModel.DataAnnotations;

namespace GoldBot.Risk;

/// <summary>
/// Risk limits. Defaults are a Topstep 50K Trading Combine on TopstepX (help.topstep.com
/// articles 8284204 and 9221977, summarised in <c>research/topstepx-api.md</c> §11): $2,000
/// maximum loss limit trailing on end-of-day balance, 50 micro contracts; plus GoldBot's own
/// rules from the plan (<c>design/000</c>, "Risk Rules"): $800 daily loss limit, $500 risk per
/// trade (half for the first 20 trades), stop after two consecutive losses, 08:30–15:00 CT
/// window. Times are America/Chicago wall-clock times.
/// </summary>
public sealed record RiskOptions
{
    /// <summary>Account balance at the start, USD.</summary>
    [Range(1000, 10_000_000)]
    public decimal StartingBalance { get; init; } = 50_000m;

    /// <summary>Most a single trade may lose at its stop, including round-trip costs, USD.</summary>
    [Range(1, 100_000)]
    public decimal MaxRiskPerTrade { get; init; } = 500m;

    /// <summary>Trades, counted from the first, that use half of <see cref="MaxRiskPerTrade"/> while the system proves itself.</summary>
    [Range(0, 10_000)]
    public int HalfRiskTrades { get; init; } = 20;

    /// <summary>Daily loss limit, USD: no new trades and flatten when the day's P&amp;L (realised plus open) reaches −this.</summary>
    [Range(1, 1_000_000)]
    public decimal DailyLossLimit { get; init; } = 800m;

    /// <summary>Topstep maximum loss limit, USD, trailing the highest end-of-day balance until it reaches the starting balance.</summary>
    [Range(1, 1_000_000)]
    public decimal MaxLossLimit { get; init; } = 2_000m;

    /// <summary>
    /// The maximum-loss floor Topstep shows for the account, USD, when the daemon cannot know it (a first start on an
    /// account with history: the API does not report the floor); null when unknown. The daemon never uses a lower floor
    /// than its own trailing one (<see cref="RiskStateRecovery"/>).
    /// </summary>
    public decimal? KnownMaxLossFloor { get; init; }

    /// <summary>Most contracts open at once, in micro equivalents (Topstep 50K on TopstepX: 50).</summary>
    [Range(1, 1_000)]
    public int MaxContracts { get; init; } = 50;

    /// <summary>Fewest contracts worth trading; a setup whose risk allows fewer is refused.</summary>
    [Range(1, 1_000)]
    public int MinContracts { get; init; } = 1;

    /// <summary>Contracts per trade when risk allows more (the plan's 8 MGC); <c>ADJUST_RISK.txt</c> changes it at run time.</summary>
    [Range(1, 1_000)]
    public int DefaultContracts { get; init; } = 8;

    /// <summary>Consecutive losing trades after which no new trade is taken until the next trading day.</summary>
    [Range(1, 100)]
    public int MaxConsecutiveLosses { get; init; } = 2;

    /// <summary>
    /// Distance of the farthest take-profit leg (the 10 % runner), in R (multiples of the stop
    /// distance); the plan's 2.5 by default. The nearer legs stay at 1 R and 2 R, so it must be
    /// at least 2. Walk-forward tunes it.
    /// </summary>
    [Range(2.0, 100.0)]
    public decimal RunnerTargetR { get; init; } = 2.5m;

    /// <summary>
    /// Oldest a signal may be when it is judged, seconds from its bar's close to now (market time): a signal of a bar taken from
    /// History after a market-hub gap, or of a bar closed late, is refused as stale (its price is gone). Replays judge each
    /// signal at its bar's close (age 0).
    /// </summary>
    [Range(1, 3_600)]
    public int MaxSignalAgeSeconds { get; init; } = 30;

    /// <summary>Start of the entry window, CT.</summary>
    public TimeOnly TradingWindowStart { get; init; } = new(8, 30);

    /// <summary>End of the entry window, CT: no new entries from this time.</summary>
    public TimeOnly TradingWindowEnd { get; init; } = new(15, 0);

    /// <summary>CT time at which open positions are flattened and working orders cancelled.</summary>
    public TimeOnly FlattenAt { get; init; } = new(15, 5);

    /// <summary>CT deadline by which the account must be flat (Topstep risk desk flattens from 15:08; positions must be closed before 15:10).</summary>
    public TimeOnly FlatBy { get; init; } = new(15, 8);

    /// <summary>
    /// Session close the window and flatten times are measured from on days with an early close
    /// (<see cref="SessionSchedule"/>): Topstep's 15:10 CT, before which positions must be closed.
    /// </summary>
    public TimeOnly SessionClose { get; init; } = new(15, 10);

    /// <summary>CT dates on which the session closes early (holidays; <c>Close</c> in CT). Maintain from CME holiday notices.</summary>
    public IList<EarlyClose> EarlyCloses { get; init; } = [];

    /// <summary>Windows in which no new entries are taken (economic releases).</summary>
    public IList<NewsBlackout> NewsBlackouts { get; init; } = [];
}

/// <summary>A trading day on which the CME session closes early.</summary>
public sealed record EarlyClose
{
    /// <summary>CT calendar date of the early close.</summary>
    public DateOnly Date { get; init; }

    /// <summary>CT time at which trading stops.</summary>
    public TimeOnly Close { get; init; }

    /// <summary>Why, e.g. <c>Christmas Eve</c>.</summary>
    public string Name { get; init; } = "early close";
}

/// <summary>A period with no new entries around a scheduled release.</summary>
public sealed record NewsBlackout
{
    /// <summary>Name shown in refusals, e.g. <c>FOMC</c>.</summary>
    public string Name { get; init; } = "news";

    /// <summary>Start of the blackout (with its UTC offset).</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>End of the blackout (exclusive).</summary>
    public DateTimeOffset End { get; init; }
}
