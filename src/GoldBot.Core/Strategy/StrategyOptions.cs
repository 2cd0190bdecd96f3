using System.ComponentModel.DataAnnotations;
using GoldBot.Smc;

namespace GoldBot.Strategy;

/// <summary>
/// Parameters of the order-block strategy. Defaults follow the GoldBot plan (<c>design/000</c>):
/// 15-minute entries, 1-hour trend filter, minimum score 7; the stop bounds are widened from the
/// plan's 25–50 ticks because MGC's median 15-minute true range in the bundled data is about 63 ticks.
/// </summary>
public sealed record StrategyOptions
{
    /// <summary>Entry time frame, e.g. <c>15m</c>.</summary>
    public string EntryTimeFrame { get; init; } = "15m";

    /// <summary>Trend-filter time frame, e.g. <c>1h</c>.</summary>
    public string TrendTimeFrame { get; init; } = "1h";

    /// <summary>Lowest order-block score (1–10) that may be traded.</summary>
    public int MinScore { get; init; } = 7;

    /// <summary>
    /// Lowest score (1–10) of a <c>breaker_block</c> signal: the score of the order block the breaker was, measured when it
    /// formed (its leg's displacement, volume, structure, clean move, body-to-wick).
    /// </summary>
    [Range(1, 10)]
    public int BreakerMinScore { get; init; } = 7;

    /// <summary>
    /// Lowest score (1–10) of a <c>fair_value_gap</c> signal: the gap's height against the minimum displacement, its middle
    /// bar's volume and body, a break of structure in its direction as it formed, and how long it stayed untouched
    /// (<c>docs/smc.md</c>).
    /// </summary>
    [Range(1, 10)]
    public int FairValueGapMinScore { get; init; } = 7;

    /// <summary>
    /// Lowest score (1–10) of a <c>liquidity_sweep</c> signal: how far the close came back from the pool's level, the bar's
    /// volume, a break of structure the other way at that bar, how short the wick beyond the level was and how long the wick
    /// is against the bar's range (<c>docs/smc.md</c>).
    /// </summary>
    [Range(1, 10)]
    public int LiquiditySweepMinScore { get; init; } = 7;

    /// <summary>Lowest score (1–10) of an <c>ote</c> signal: the score of the order block or gap touched in the OTE band.</summary>
    [Range(1, 10)]
    public int OteMinScore { get; init; } = 7;

    /// <summary>Ticks beyond the zone's far edge where the stop goes (blocks, gaps, and a sweep's wick alike).</summary>
    public int StopBufferTicks { get; init; } = 2;

    /// <summary>Smallest stop distance in ticks; a closer structural stop is widened to this.</summary>
    public int MinStopTicks { get; init; } = 20;

    /// <summary>
    /// Smallest stop distance as a multiple of the entry time frame's ATR(14, Wilder) at the signal
    /// (≥ 0; 0 = off, the default): the stop is at least <c>ceil(MinStopAtr × ATR)</c> ticks away, so
    /// it sits outside the bar-to-bar noise. Walk-forward tunes it; 0 keeps the plan's structural stop.
    /// </summary>
    [Range(0, 100)]
    public decimal MinStopAtr { get; init; }

    /// <summary>Largest stop distance in ticks; a wider setup is refused.</summary>
    public int MaxStopTicks { get; init; } = 200;

    /// <summary>
    /// Patterns the strategy may trade; null or empty means the default, <c>order_block</c>.
    /// (No list default here: configuration binding appends to an existing list, so a configured
    /// list must start from nothing to replace the default.)
    /// </summary>
    public IList<string>? Patterns { get; init; }

    /// <summary>The patterns the strategy can trade; a configured name outside this list is a configuration error.</summary>
    public static readonly IReadOnlyList<string> TradeablePatterns = ["order_block", "breaker_block", "fair_value_gap", "liquidity_sweep", "ote"];

    /// <summary>The patterns in effect: <see cref="Patterns"/>, or <c>order_block</c> when none are configured.</summary>
    public IReadOnlyList<string> EnabledPatterns => Patterns is { Count: > 0 } p ? [.. p.Distinct()] : ["order_block"];

    /// <summary>
    /// How trades are entered: <c>market</c> (Mode A, the default) or <c>limit</c> (Mode B: a limit order resting at a fresh
    /// zone's near edge from the moment it forms; <see cref="EntryRule"/>).
    /// </summary>
    public string EntryMode { get; init; } = "market";

    /// <summary>Mode B: how many entry-time-frame bars a limit entry works before it is cancelled (1–100).</summary>
    [Range(1, 100)]
    public int LimitExpiryBars { get; init; } = 4;

    /// <summary>How trades exit: <c>fixed_r</c> (the default), <c>atr_trail</c> or <c>structure</c> (<see cref="ExitRule"/>).</summary>
    public string ExitProfile { get; init; } = "fixed_r";

    /// <summary><c>atr_trail</c>: the first target's distance from the entry as a multiple of the entry time frame's ATR(14) (half the position exits there).</summary>
    [Range(0.5, 20)]
    public decimal FirstTargetAtr { get; init; } = 2m;

    /// <summary><c>atr_trail</c>: the trailing stop's distance from the best price since the entry, as a multiple of ATR(14) (LeBeau's chandelier uses 3).</summary>
    [Range(0.5, 20)]
    public decimal TrailAtr { get; init; } = 3m;

    /// <summary>The intermarket dollar filter (<see cref="DollarFilter"/>); off by default.</summary>
    public DollarFilterOptions DollarFilter { get; init; } = new();

    /// <summary>
    /// Per pattern, the market regimes it may trade in (<c>trending_up</c>, <c>trending_down</c>, <c>ranging</c>, <c>volatile</c>,
    /// <c>unknown</c>; <see cref="Analysis.MarketRegimeClassifier"/>), e.g. <c>"liquidity_sweep": ["ranging"]</c>; a pattern not
    /// listed trades in every regime. Null by default.
    /// </summary>
    public IDictionary<string, IList<string>>? PatternRegimes { get; init; }

    /// <summary>The regime names <see cref="PatternRegimes"/> accepts.</summary>
    public static readonly IReadOnlyList<string> RegimeNames = ["trending_up", "trending_down", "ranging", "volatile", "unknown"];

    /// <summary>Detector settings on the entry time frame.</summary>
    public SmcOptions Entry { get; init; } = new();

    /// <summary>Detector settings on the trend time frame (shorter swings: fewer, longer bars).</summary>
    public SmcOptions Trend { get; init; } = new() { SwingLength = 5 };
}
