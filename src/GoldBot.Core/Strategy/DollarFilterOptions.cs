using System.ComponentModel.DataAnnotations;

namespace GoldBot.Strategy;

/// <summary>What the intermarket dollar filter does with a signal against the dollar (<see cref="DollarFilter"/>).</summary>
public enum DollarFilterMode
{
    /// <summary>No filter (the default): signals pass unchanged, the proxy is not needed.</summary>
    Off,

    /// <summary>A signal against the dollar's trend while gold moves inversely to it is refused (signals.log gives the reason).</summary>
    Block,

    /// <summary>Such a signal is traded at <see cref="DollarFilterOptions.SizeFactor"/> of its size.</summary>
    SizeDown,
}

/// <summary>
/// <c>Strategy:DollarFilter</c>: the intermarket dollar filter (issue 12 §3, <c>docs/smc.md</c> "The dollar filter"). Gold
/// normally moves inversely to the US dollar; a gold long is judged against the dollar when the dollar proxy trends up while
/// the rolling correlation of hourly gold and dollar log returns is at or below <see cref="CorrelationThreshold"/> (the
/// inverse relation holds), a short symmetrically when the dollar trends down.
/// </summary>
public sealed record DollarFilterOptions
{
    /// <summary><c>Off</c> (default), <c>Block</c> or <c>SizeDown</c>.</summary>
    public DollarFilterMode Mode { get; init; } = DollarFilterMode.Off;

    /// <summary>
    /// True when the proxy quotes the dollar's counter-currency, so its inverse is the dollar: 6E (Euro FX futures, USD per
    /// EUR; the euro is 57.6 % of the ICE dollar index). False for a dollar index (DXY).
    /// </summary>
    public bool Invert { get; init; }

    /// <summary>Hourly return pairs in the rolling correlation (10–2,000; default 120, about a week of Globex hours).</summary>
    [Range(10, 2_000)]
    public int CorrelationWindowHours { get; init; } = 120;

    /// <summary>
    /// The inverse relation holds while the correlation is at or below this (−1 to 0; default −0.2). The bundled XAUUSD and
    /// DXY files correlate at about −0.45 over 2023–2025 (<c>../shared/data/README.md</c>).
    /// </summary>
    [Range(-1.0, 0.0)]
    public double CorrelationThreshold { get; init; } = -0.2;

    /// <summary>Hourly dollar closes in the EMA the dollar's trend is measured against (2–500; default 24).</summary>
    [Range(2, 500)]
    public int TrendEmaHours { get; init; } = 24;

    /// <summary>
    /// The dollar trends up when its latest value is more than this many percent above its EMA, down when as far below
    /// (0–5 %; default 0.05 %, about a third of DXY's median daily range).
    /// </summary>
    [Range(0.0, 5.0)]
    public double TrendThresholdPercent { get; init; } = 0.05;

    /// <summary>Fraction of the size kept under <see cref="DollarFilterMode.SizeDown"/> (0.1–1; default 0.5), rounded down to whole contracts.</summary>
    [Range(0.1, 1.0)]
    public decimal SizeFactor { get; init; } = 0.5m;

    /// <summary>
    /// Minutes after the last proxy bar's close beyond which the proxy is stale (1–10,080; default 120): the filter then says
    /// so and lets every signal through.
    /// </summary>
    [Range(1, 10_080)]
    public int MaxProxyAgeMinutes { get; init; } = 120;

    /// <summary>
    /// The proxy contract the daemon subscribes to in sim, paper and live mode (a CME code such as <c>6E</c> or <c>M6E</c>, or a
    /// ProjectX symbolId such as <c>F.US.EU6</c>), resolved like <c>Instrument:Symbol</c>; its trades are cut into closed bars of
    /// <c>TopstepX:BarTimeFrame</c> and fed to the filter. Null or empty (the default): no proxy feed, so the filter blocks
    /// nothing (it reports <see cref="DollarFilterStatus.NoProxyData"/>). Required in the gateway modes when the filter is on.
    /// </summary>
    public string? ProxySymbol { get; init; }

    /// <summary>
    /// Replay mode: a bars CSV of the proxy (read like <c>Replay:BarsFile</c>, zero-volume filler rows dropped), fed causally
    /// as the backtest's <c>--intermarket FILE</c> is. Null or empty (the default): no proxy in a replay.
    /// </summary>
    public string? ProxyBarsFile { get; init; }
}
