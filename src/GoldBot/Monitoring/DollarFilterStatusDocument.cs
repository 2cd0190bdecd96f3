namespace GoldBot.Monitoring;

/// <summary>
/// status.json <c>dollar_filter</c> (present only when <c>Strategy:DollarFilter:Mode</c> is not <c>Off</c>): the intermarket dollar
/// filter's view at the time of the write (market time), so a trader can <c>jq .dollar_filter logs/status.json</c>.
/// </summary>
/// <param name="Mode"><c>block</c> or <c>size_down</c>.</param>
/// <param name="ProxySymbol">The proxy contract (sim, paper, live: e.g. <c>6E</c> and its ProjectX contract id) or file (replay), or null when none is configured.</param>
/// <param name="Inverted">True when the proxy is read as the dollar's inverse (6E).</param>
/// <param name="Status"><c>no_proxy_data</c>, <c>stale</c> (no proxy bar closed within <c>MaxProxyAgeMinutes</c>: signals pass), <c>warming_up</c> or <c>ready</c>.</param>
/// <param name="Stale">True when <paramref name="Status"/> is <c>stale</c> or <c>no_proxy_data</c>: the filter cannot judge and blocks nothing.</param>
/// <param name="Correlation">Pearson r of the hourly gold and dollar log returns over the window, or null while warming up.</param>
/// <param name="TrendPercent">(dollar ÷ its hourly EMA − 1) × 100, percent, or null while warming up.</param>
/// <param name="DollarTrend"><c>up</c>, <c>down</c> or <c>flat</c> (also while unknown).</param>
/// <param name="LastProxyBarClose">Close time (UTC) of the last proxy bar the filter saw, or null.</param>
/// <param name="ProxyBars">Proxy bars fed to the filter since start (live: from the hub; replay: from the file).</param>
/// <param name="Pairs">Hourly return pairs in the correlation so far.</param>
public sealed record DollarFilterStatusDocument(
    string Mode,
    string? ProxySymbol,
    bool Inverted,
    string Status,
    bool Stale,
    double? Correlation,
    double? TrendPercent,
    string DollarTrend,
    DateTimeOffset? LastProxyBarClose,
    long ProxyBars,
    long Pairs);
