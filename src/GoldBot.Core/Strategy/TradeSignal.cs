using GoldBot.Smc;

namespace GoldBot.Strategy;

/// <summary>
/// A setup found by the strategy at the close of an entry-time-frame bar, with everything the
/// risk manager, the journal and signals.log need. Prices are in points (USD per ounce for MGC).
/// </summary>
/// <param name="Time">Close time of the bar that produced the signal, UTC (market time).</param>
/// <param name="Pattern">Pattern name, e.g. <c>order_block</c>.</param>
/// <param name="Direction">+1 long, −1 short.</param>
/// <param name="Score">Quality score 1–10.</param>
/// <param name="Components">The score's components.</param>
/// <param name="ZoneTop">Upper edge of the zone traded, points.</param>
/// <param name="ZoneBottom">Lower edge of the zone traded, points.</param>
/// <param name="ReferencePrice">Close of the signal bar, points: the expected entry price.</param>
/// <param name="StopTicks">Planned stop distance from the entry, in ticks.</param>
/// <param name="Trend">Higher-time-frame trend at the signal: +1, −1, or 0 (none yet).</param>
/// <param name="Conditions">Market conditions recorded for the learning system.</param>
/// <param name="Rejection">Why the strategy itself does not want it (score, trend, stop width), or null when tradable.</param>
public sealed record TradeSignal(
    DateTimeOffset Time,
    string Pattern,
    int Direction,
    int Score,
    OrderBlockScore Components,
    decimal ZoneTop,
    decimal ZoneBottom,
    decimal ReferencePrice,
    int StopTicks,
    int Trend,
    MarketConditions Conditions,
    string? Rejection)
{
    /// <summary><c>long</c> or <c>short</c>.</summary>
    public string Side => Direction > 0 ? "long" : "short";

    /// <summary>The zone's far edge, points: a long's <see cref="ZoneBottom"/>, a short's <see cref="ZoneTop"/>. A close beyond it invalidates the setup.</summary>
    public decimal FarEdge => Direction > 0 ? ZoneBottom : ZoneTop;

    /// <summary>How the signal is entered (<c>Strategy:EntryMode</c>); a market order by default.</summary>
    public EntryRule Entry { get; init; } = EntryRule.Market;

    /// <summary>How its trade exits (<c>Strategy:ExitProfile</c>); <c>fixed_r</c> by default.</summary>
    public ExitRule Exit { get; init; } = ExitRule.FixedR;

    /// <summary>
    /// Length of the bars the signal was found on (the entry time frame), whose closes judge an invalidation; zero when
    /// every bar counts.
    /// </summary>
    public TimeSpan Frame { get; init; }

    /// <summary>
    /// Fraction of the risk manager's size to trade (0–1; 1 = full size): below 1 when a filter sized the signal down
    /// (<see cref="DollarFilterMode.SizeDown"/>); contracts are rounded down.
    /// </summary>
    public decimal SizeFactor { get; init; } = 1m;

    /// <summary>Why the size was reduced (for signals.log), or null at full size.</summary>
    public string? SizeNote { get; init; }
}

/// <summary>Conditions at signal time, recorded with every trade so performance can be split by them.</summary>
/// <param name="Session">Trading session by New York time: <c>asia</c> (18:00–03:00), <c>london</c> (03:00–08:00), <c>new_york</c> (08:00–17:00).</param>
/// <param name="AtrTicks">ATR(14, Wilder) of the entry time frame, in ticks (0 during warm-up).</param>
/// <param name="VolumeRatio">Signal bar volume ÷ its 20-bar average (0 during warm-up).</param>
/// <param name="TimeOfDay">Exchange time (CT) of the signal, HH:mm.</param>
/// <param name="PriceZone">Premium, discount or equilibrium of the swing dealing range.</param>
public sealed record MarketConditions(string Session, double AtrTicks, double VolumeRatio, string TimeOfDay, string PriceZone)
{
    /// <summary>The entry time frame's market regime at the signal (<see cref="Analysis.MarketRegimeClassifier"/>): <c>trending_up</c>, <c>trending_down</c>, <c>ranging</c>, <c>volatile</c> or <c>unknown</c>.</summary>
    public string Regime { get; init; } = "unknown";

    /// <summary>Mid-rank percentile (0–1) of the signal's ATR(14) among the last 100 entry bars'; 0 in warm-up.</summary>
    public double AtrPercentile { get; init; }

    /// <summary>Exchange-time (CT) weekday of the signal, e.g. <c>tuesday</c>; empty when unknown.</summary>
    public string Weekday { get; init; } = "";

    /// <summary>How the signal is entered: <c>market</c> or <c>limit</c> (<see cref="EntryRule"/>).</summary>
    public string EntryMode { get; init; } = "market";

    /// <summary>How its trade exits: <c>fixed_r</c>, <c>atr_trail</c> or <c>structure</c> (<see cref="ExitRule"/>).</summary>
    public string ExitProfile { get; init; } = "fixed_r";

    /// <summary>
    /// The dollar filter at the signal: <c>off</c>, <c>no_proxy_data</c>, <c>stale</c>, <c>warming_up</c>, or when ready
    /// <c>with_dollar</c> (the signal trades with the dollar's trend under inverse correlation), <c>against_dollar</c>
    /// (sized down or blocked) or <c>neutral</c>.
    /// </summary>
    public string DollarFilter { get; init; } = "off";

    /// <summary>Minutes from the signal to the start of the next configured news blackout (<c>Risk:NewsBlackouts</c>), or null when none is ahead.</summary>
    public double? MinutesToNews { get; init; }
}
