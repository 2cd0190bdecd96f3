using System.Globalization;
using GoldBot.Indicators;

namespace GoldBot.Strategy;

/// <summary>
/// The intermarket dollar filter (issue 12 §3; rule and sources in <c>docs/smc.md</c>, "The dollar filter"). Causal: it is
/// fed closed bars of gold and of a dollar proxy (DXY, or 6E inverted) in the order they closed, and judges a signal from
/// what it has seen. Both series are sampled on the UTC hour grid: the value of hour <c>H</c> is the close of the series'
/// last bar closing in <c>(H − 1 h, H]</c>. When gold completes hour <c>H</c> and both series have values for <c>H − 1 h</c>
/// and <c>H</c>, the pair of log returns <c>(ln gₕ − ln gₕ₋₁, ln dₕ − ln dₕ₋₁)</c> enters a rolling Pearson correlation
/// (<see cref="PearsonCorrelation"/>, population moments) over <see cref="DollarFilterOptions.CorrelationWindowHours"/> pairs;
/// hours without data on either side (weekends, halts, holes in the proxy) make no pair. The dollar's trend is its latest
/// value against an EMA (<see cref="ExponentialMovingAverage"/>) of its completed hourly values. The dollar value is
/// <c>ln(proxy)</c>, or <c>−ln(proxy)</c> with <see cref="DollarFilterOptions.Invert"/>. Statistics are double (they never
/// meet the tick grid). Allocates nothing per bar; a verdict allocates only its reason.
/// Not thread-safe: one caller feeds and asks.
/// </summary>
public sealed class DollarFilter
{
    private const long TicksPerHour = TimeSpan.TicksPerHour;
    private const int ProxyHours = 8;
    private readonly DollarFilterOptions _options;
    private readonly PearsonCorrelation _correlation;
    private readonly ExponentialMovingAverage _ema;
    // The proxy's latest hourly values (hour index → dollar log value), a ring of the last ProxyHours hours seen.
    private readonly long[] _proxyHour = new long[ProxyHours];
    private readonly double[] _proxyValue = new double[ProxyHours];
    private int _proxyCount;
    private int _proxyLast = -1;
    private DateTimeOffset? _lastProxyClose;
    private double _dollar;
    // Gold: the hour being filled and its latest log close, and the last completed hour.
    private long _goldHour = long.MinValue;
    private double _goldValue;
    private long _goldCompletedHour = long.MinValue;
    private double _goldCompletedValue;
    private DateTimeOffset _lastGoldClose = DateTimeOffset.MinValue;
    private long _pairs;

    /// <summary>Creates the filter.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A window or EMA length is not positive.</exception>
    public DollarFilter(DollarFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _correlation = new PearsonCorrelation(options.CorrelationWindowHours);
        _ema = new ExponentialMovingAverage(options.TrendEmaHours);
    }

    /// <summary>The configuration.</summary>
    public DollarFilterOptions Options => _options;

    /// <summary>
    /// Feeds one closed proxy bar: <paramref name="close"/> in the proxy's quote units (DXY index points, 6E USD per EUR),
    /// closed at <paramref name="closeTime"/> (UTC). Bars must come in time order; an older or equal close time is ignored,
    /// as is a non-positive price.
    /// </summary>
    public void OnProxyBar(DateTimeOffset closeTime, decimal close)
    {
        if (close <= 0 || (_lastProxyClose is { } last && closeTime <= last))
            return;
        _lastProxyClose = closeTime;
        var value = Math.Log((double)close) * (_options.Invert ? -1 : 1);
        _dollar = value;
        var hour = HourOf(closeTime);
        if (_proxyLast >= 0 && _proxyHour[_proxyLast] == hour)
        {
            _proxyValue[_proxyLast] = value;
            return;
        }
        // A new hour: the previous one is complete and feeds the trend's EMA.
        if (_proxyLast >= 0)
            _ema.Add(_proxyValue[_proxyLast]);
        _proxyLast = (_proxyLast + 1) % ProxyHours;
        _proxyHour[_proxyLast] = hour;
        _proxyValue[_proxyLast] = value;
        if (_proxyCount < ProxyHours)
            _proxyCount++;
    }

    /// <summary>
    /// Feeds one closed gold bar: <paramref name="close"/> in USD per ounce, closed at <paramref name="closeTime"/> (UTC).
    /// Call it after every proxy bar that closed at or before <paramref name="closeTime"/> has been fed (the backtest's
    /// <see cref="DollarFilteredSignals"/> does). Bars must come in time order; an older or equal close time is ignored.
    /// </summary>
    public void OnGoldBar(DateTimeOffset closeTime, decimal close)
    {
        if (close <= 0 || closeTime <= _lastGoldClose)
            return;
        _lastGoldClose = closeTime;
        var hour = HourOf(closeTime);
        var value = Math.Log((double)close);
        if (hour != _goldHour && _goldHour != long.MinValue && _goldHour != _goldCompletedHour)
            CompleteGoldHour(_goldHour, _goldValue);
        _goldHour = hour;
        _goldValue = value;
        if (closeTime.UtcTicks % TicksPerHour == 0)
            CompleteGoldHour(hour, value);
    }

    /// <summary>The filter's state at <paramref name="now"/> (UTC market time: the signal's bar close).</summary>
    public DollarFilterState StateAt(DateTimeOffset now)
    {
        var correlation = _correlation.Value.Correlation;
        var ema = _ema.Value;
        double? trendPercent = ema is { } e && _lastProxyClose is not null ? (Math.Exp(_dollar - e) - 1) * 100 : null;
        var threshold = _options.TrendThresholdPercent;
        var trend = trendPercent is { } t ? (t > threshold ? 1 : t < -threshold ? -1 : 0) : 0;
        var status = _options.Mode == DollarFilterMode.Off ? DollarFilterStatus.Off
            : _lastProxyClose is not { } last ? DollarFilterStatus.NoProxyData
            : now - last > TimeSpan.FromMinutes(_options.MaxProxyAgeMinutes) ? DollarFilterStatus.Stale
            : correlation is null || trendPercent is null ? DollarFilterStatus.WarmingUp
            : DollarFilterStatus.Ready;
        return new DollarFilterState(status, correlation, trendPercent, trend, _lastProxyClose, _pairs);
    }

    /// <summary>
    /// Judges a signal in <paramref name="direction"/> (+1 long, −1 short) at <paramref name="now"/> (UTC market time). It is
    /// against the dollar when the filter is <see cref="DollarFilterStatus.Ready"/>, the correlation is at or below
    /// <see cref="DollarFilterOptions.CorrelationThreshold"/> and the dollar trends in the signal's direction (up for a long:
    /// an inverse-moving gold is expected to fall). Such a signal gets size factor 0 (<see cref="DollarFilterMode.Block"/>)
    /// or <see cref="DollarFilterOptions.SizeFactor"/> (<see cref="DollarFilterMode.SizeDown"/>), with the reason; any other
    /// signal, and every signal while the filter cannot judge, passes with factor 1.
    /// </summary>
    public DollarFilterVerdict Judge(int direction, DateTimeOffset now)
    {
        var state = StateAt(now);
        if (state.Status != DollarFilterStatus.Ready || state.Correlation is not { } r || r > _options.CorrelationThreshold
            || state.DollarTrend == 0 || state.DollarTrend != Math.Sign(direction))
            return new DollarFilterVerdict(1, null, state);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"dollar filter: dollar {(state.DollarTrend > 0 ? "up" : "down")} {state.TrendPercent:+0.00;-0.00} % vs its {_options.TrendEmaHours} h EMA while gold/dollar correlation {r:0.00} ≤ {_options.CorrelationThreshold:0.00} ({_options.CorrelationWindowHours} h)");
        return _options.Mode == DollarFilterMode.SizeDown
            ? new DollarFilterVerdict(_options.SizeFactor, reason, state)
            : new DollarFilterVerdict(0, reason, state);
    }

    private void CompleteGoldHour(long hour, double value)
    {
        if (_goldCompletedHour == hour - 1 && TryProxy(hour, out var dollar) && TryProxy(hour - 1, out var dollarBefore))
        {
            _correlation.Add(value - _goldCompletedValue, dollar - dollarBefore);
            _pairs++;
        }
        _goldCompletedHour = hour;
        _goldCompletedValue = value;
    }

    private bool TryProxy(long hour, out double value)
    {
        for (var i = 0; i < _proxyCount; i++)
        {
            if (_proxyHour[i] == hour)
            {
                value = _proxyValue[i];
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>The hour a bar closing at <paramref name="closeTime"/> belongs to: ceil(close ÷ 1 h), so a close at 11:00 is hour 11:00.</summary>
    private static long HourOf(DateTimeOffset closeTime)
    {
        var ticks = closeTime.UtcTicks;
        return ticks / TicksPerHour + (ticks % TicksPerHour == 0 ? 0 : 1);
    }
}
