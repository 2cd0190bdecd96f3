using GoldBot.Market;

namespace GoldBot.Strategy;

/// <summary>
/// A signal source (normally the <see cref="OrderBlockStrategy"/>) behind the intermarket <see cref="DollarFilter"/>. For each
/// closed gold bar it first feeds the filter every proxy bar that has closed at or before the gold bar's close (from
/// <c>proxyBars</c>, when given: a backtest or replay; live, the proxy feed calls <see cref="OnProxyBar"/>), then the gold
/// bar, then asks the inner source for its signals and has the filter judge each one the inner source wants: a blocked one
/// gets the filter's reason as its <see cref="TradeSignal.Rejection"/> (so signals.log shows it like the strategy's own
/// refusals), a sized-down one its <see cref="TradeSignal.SizeFactor"/> and <see cref="TradeSignal.SizeNote"/>. With
/// <see cref="DollarFilterMode.Off"/> the signals pass unchanged. Causal: a proxy bar is never seen before it closed.
/// Allocates only when a signal is found. Not thread-safe.
/// </summary>
public sealed class DollarFilteredSignals : ISignalSource
{
    private readonly ISignalSource _inner;
    private readonly TimeSpan _period;
    private readonly IReadOnlyList<Bar>? _proxyBars;
    private readonly TimeSpan _proxyPeriod;
    private readonly List<TradeSignal> _found = new(4);
    private int _nextProxy;

    /// <summary>Puts <paramref name="inner"/> behind <paramref name="filter"/>.</summary>
    /// <param name="inner">The signal source filtered; it sees every gold bar.</param>
    /// <param name="filter">The filter.</param>
    /// <param name="period">Length of the gold bars fed to <see cref="OnBar"/>.</param>
    /// <param name="proxyBars">Closed proxy bars in time order (open times UTC, prices in the proxy's units), or null when they are fed through <see cref="OnProxyBar"/>.</param>
    /// <param name="proxyPeriod">Length of the proxy bars.</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive.</exception>
    public DollarFilteredSignals(ISignalSource inner, DollarFilter filter, TimeSpan period, IReadOnlyList<Bar>? proxyBars = null, TimeSpan proxyPeriod = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        if (proxyBars is not null)
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(proxyPeriod, TimeSpan.Zero);
        (_inner, Filter, _period, _proxyBars, _proxyPeriod) = (inner, filter, period, proxyBars, proxyPeriod);
    }

    /// <summary>The filter (its state for status and tests).</summary>
    public DollarFilter Filter { get; }

    /// <summary>Feeds one closed proxy bar of <paramref name="period"/> (live: the proxy contract's bars as they close).</summary>
    public void OnProxyBar(in Bar bar, TimeSpan period) => Filter.OnProxyBar(bar.OpenTime + period, bar.Close);

    /// <inheritdoc />
    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var close = bar.OpenTime + _period;
        if (_proxyBars is { } proxy)
        {
            for (; _nextProxy < proxy.Count && proxy[_nextProxy].OpenTime + _proxyPeriod <= close; _nextProxy++)
                Filter.OnProxyBar(proxy[_nextProxy].OpenTime + _proxyPeriod, proxy[_nextProxy].Close);
        }
        Filter.OnGoldBar(close, bar.Close);

        _inner.OnBar(bar, _found);
        if (_found.Count == 0)
            return;
        var on = Filter.Options.Mode != DollarFilterMode.Off;
        foreach (var signal in _found)
        {
            if (!on || signal.Rejection is not null)
            {
                signals.Add(signal);
                continue;
            }
            var verdict = Filter.Judge(signal.Direction, signal.Time);
            var judged = signal with { Conditions = signal.Conditions with { DollarFilter = Condition(verdict, signal.Direction) } };
            signals.Add(verdict.Blocks ? judged with { Rejection = verdict.Reason }
                : verdict.Reason is not null ? judged with { SizeFactor = verdict.SizeFactor, SizeNote = verdict.Reason }
                : judged);
        }
        _found.Clear();
    }

    /// <summary>The filter's state as a recorded condition (<see cref="MarketConditions.DollarFilter"/>).</summary>
    private static string Condition(DollarFilterVerdict verdict, int direction) => verdict.State.Status switch
    {
        DollarFilterStatus.Ready => verdict.Reason is not null ? "against_dollar"
            : verdict.State.DollarTrend != 0 && verdict.State.DollarTrend != direction ? "with_dollar" : "neutral",
        DollarFilterStatus.NoProxyData => "no_proxy_data",
        DollarFilterStatus.Stale => "stale",
        DollarFilterStatus.WarmingUp => "warming_up",
        _ => "off",
    };
}
