using GoldBot.Market;
using GoldBot.Monitoring;
using GoldBot.Strategy;

namespace GoldBot.Intermarket;

/// <summary>
/// The daemon's one path to the intermarket dollar filter (issue 12 §3; rule in <c>docs/smc.md</c>, "The dollar filter"): the
/// strategy behind <see cref="DollarFilteredSignals"/>, as the backtest runs it, made safe to call from two threads. The SMC
/// detector calls <see cref="OnBar"/> with each closed gold bar; the proxy feed (<see cref="DollarProxyFeedService"/>, sim,
/// paper and live) calls <see cref="OnProxyBar"/> with each closed proxy bar; status.json reads <see cref="Status"/>. One lock
/// serialises them, because <see cref="DollarFilter"/> is not thread-safe. A replay instead gives the proxy file's bars to
/// <see cref="DollarFilteredSignals"/>, which feeds them causally (a proxy bar only once it has closed at or before the gold bar's
/// close). Live, a proxy bar reaching the filter after the gold bar of the same close is used from the next gold bar on.
/// </summary>
public sealed class DollarFilterGate : ISignalSource
{
    private readonly object _lock = new();
    private readonly DollarFilteredSignals _signals;
    private readonly IReadOnlyList<Bar>? _fileBars;
    private readonly TimeSpan _filePeriod;
    private readonly TimeSpan _period;
    private long _proxyBars;

    /// <summary>Puts <paramref name="strategy"/> behind a filter configured by <paramref name="options"/>.</summary>
    /// <param name="strategy">The signal source filtered (the <see cref="OrderBlockStrategy"/>).</param>
    /// <param name="options"><c>Strategy:DollarFilter</c>.</param>
    /// <param name="period">Length of the gold bars the detector feeds.</param>
    /// <param name="proxyName">What the proxy is, for status.json: the symbol and contract id, or the file name; null when there is none.</param>
    /// <param name="proxyBars">Replay: the proxy file's closed bars in time order (open times UTC), else null.</param>
    /// <param name="proxyPeriod">Length of <paramref name="proxyBars"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive.</exception>
    public DollarFilterGate(ISignalSource strategy, DollarFilterOptions options, TimeSpan period, string? proxyName,
        IReadOnlyList<Bar>? proxyBars = null, TimeSpan proxyPeriod = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        _signals = new DollarFilteredSignals(strategy, new DollarFilter(options), period, proxyBars, proxyPeriod);
        ProxyName = proxyName;
        (_fileBars, _filePeriod, _period) = (proxyBars, proxyPeriod, period);
    }

    /// <summary>The proxy's name for status.json, or null.</summary>
    public string? ProxyName { get; }

    /// <summary>The configuration.</summary>
    public DollarFilterOptions Options => _signals.Filter.Options;


    /// <inheritdoc />
    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        lock (_lock)
            _signals.OnBar(bar, signals);
    }

    /// <summary>
    /// Feeds one closed proxy bar of <paramref name="period"/> (open time UTC, prices in the proxy's units: USD per EUR for 6E).
    /// Called by the proxy feed's thread; an older or equal close than the last is ignored by the filter.
    /// </summary>
    public void OnProxyBar(in Bar bar, TimeSpan period)
    {
        lock (_lock)
        {
            _signals.OnProxyBar(bar, period);
            _proxyBars++;
        }
    }

    /// <summary>
    /// Warms the filter (not the strategy, which the caller warms itself) with History: <paramref name="gold"/> bars of the detector's
    /// period and <paramref name="proxy"/> bars of <paramref name="proxyPeriod"/>, both closed, in time order (open times UTC), merged
    /// causally: before each gold bar, every proxy bar closed at or before its close. Bars the filter has seen are ignored by it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="proxyPeriod"/> is not positive.</exception>
    public void WarmUp(IReadOnlyList<Bar> gold, IReadOnlyList<Bar> proxy, TimeSpan proxyPeriod)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(proxyPeriod, TimeSpan.Zero);
        lock (_lock)
        {
            var filter = _signals.Filter;
            var next = 0;
            foreach (var bar in gold)
            {
                var close = bar.OpenTime + _period;
                for (; next < proxy.Count && proxy[next].OpenTime + proxyPeriod <= close; next++)
                    filter.OnProxyBar(proxy[next].OpenTime + proxyPeriod, proxy[next].Close);
                filter.OnGoldBar(close, bar.Close);
            }
            for (; next < proxy.Count; next++)
                filter.OnProxyBar(proxy[next].OpenTime + proxyPeriod, proxy[next].Close);
        }
    }

    /// <summary>The filter's state at <paramref name="now"/> (market time, UTC) for status.json.</summary>
    public DollarFilterStatusDocument Status(DateTimeOffset now)
    {
        DollarFilterState state;
        long fed;
        lock (_lock)
        {
            state = _signals.Filter.StateAt(now);
            fed = _proxyBars + (_fileBars is { } file && state.LastProxyClose is { } last ? CountClosed(file, last - _filePeriod) : 0);
        }
        var options = Options;
        return new DollarFilterStatusDocument(
            options.Mode == DollarFilterMode.SizeDown ? "size_down" : options.Mode == DollarFilterMode.Block ? "block" : "off",
            ProxyName,
            options.Invert,
            state.Status switch
            {
                DollarFilterStatus.Off => "off",
                DollarFilterStatus.NoProxyData => "no_proxy_data",
                DollarFilterStatus.Stale => "stale",
                DollarFilterStatus.WarmingUp => "warming_up",
                _ => "ready",
            },
            state.Status is DollarFilterStatus.Stale or DollarFilterStatus.NoProxyData,
            state.Correlation is { } r ? Math.Round(r, 4) : null,
            state.TrendPercent is { } t ? Math.Round(t, 4) : null,
            state.DollarTrend > 0 ? "up" : state.DollarTrend < 0 ? "down" : "flat",
            state.LastProxyClose,
            fed,
            state.Pairs);
    }

    /// <summary>File bars opening at or before <paramref name="lastOpen"/>: those fed so far (the file is fed in order).</summary>
    private static long CountClosed(IReadOnlyList<Bar> bars, DateTimeOffset lastOpen)
    {
        int lo = 0, hi = bars.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (bars[mid].OpenTime <= lastOpen)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
