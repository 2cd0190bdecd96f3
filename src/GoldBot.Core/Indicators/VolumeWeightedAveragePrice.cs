using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// Volume-weighted average price: <c>VWAP = Σ(V · (H + L + C) / 3) / ΣV</c>, the typical price
/// weighted by volume, summed <b>cumulatively</b> from the first bar or from an optional start time,
/// with no session reset (Skender.Stock.Indicators <c>ToVwap</c> convention; VWAP as an execution
/// benchmark: Berkowitz, Logue and Noser, <i>The Total Cost of Transactions on the NYSE</i>, 1988). Bars before the start
/// time are null; so is every bar while the cumulative volume is 0. Units are the prices' units.
/// A session-anchored VWAP is one instance (or one batch call) per session, started at the session
/// open. The incremental form allocates nothing.
/// </summary>
public sealed class VolumeWeightedAveragePrice
{
    private DateTimeOffset? _start;
    private double _cumulativeVolume;
    private double _cumulativeVolumePrice;

    /// <summary>Creates a VWAP that accumulates from <paramref name="start"/>, or from the first bar added when null.</summary>
    /// <param name="start">Bar time from which bars count (inclusive); earlier bars give null.</param>
    public VolumeWeightedAveragePrice(DateTimeOffset? start = null) => _start = start;

    /// <summary>The start time: the one given, or the first bar's time once a bar has been added.</summary>
    public DateTimeOffset? Start => _start;

    /// <summary>The latest VWAP, or null before the start or while the cumulative volume is 0.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next bar and returns the updated VWAP.</summary>
    /// <param name="time">Bar time, compared with the start time (bars at or after it count).</param>
    /// <param name="high">Bar high.</param>
    /// <param name="low">Bar low.</param>
    /// <param name="close">Bar close.</param>
    /// <param name="volume">Bar volume (contracts).</param>
    public double? Add(DateTimeOffset time, double high, double low, double close, double volume)
    {
        _start ??= time;
        if (time < _start.Value)
            return Value = null;
        _cumulativeVolume += volume;
        _cumulativeVolumePrice += volume * (high + low + close) / 3;
        return Value = _cumulativeVolume != 0 ? MissingValue.FromNaN(_cumulativeVolumePrice / _cumulativeVolume) : null;
    }

    /// <summary>
    /// VWAP of every bar, one result per bar in input order, cumulative from <paramref name="start"/>
    /// (or from the first bar when null).
    /// </summary>
    /// <param name="times">Bar times, oldest first.</param>
    /// <param name="high">Bar highs, same length.</param>
    /// <param name="low">Bar lows, same length.</param>
    /// <param name="close">Bar closes, same length.</param>
    /// <param name="volume">Bar volumes, same length.</param>
    /// <param name="start">Bar time from which bars count (inclusive); null means the first bar's time.</param>
    /// <exception cref="ArgumentException">The columns differ in length.</exception>
    public static double?[] Series(
        ReadOnlySpan<DateTimeOffset> times,
        ReadOnlySpan<double> high,
        ReadOnlySpan<double> low,
        ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume,
        DateTimeOffset? start = null)
    {
        SeriesInput.RequireLength(times.Length, high.Length, nameof(high));
        SeriesInput.RequireLength(times.Length, low.Length, nameof(low));
        SeriesInput.RequireLength(times.Length, close.Length, nameof(close));
        SeriesInput.RequireLength(times.Length, volume.Length, nameof(volume));
        var result = new double?[times.Length];
        if (times.IsEmpty)
            return result;

        var from = start ?? times[0];
        double sumVolume = 0, sumVolumePrice = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] < from)
                continue;
            sumVolume += volume[i];
            sumVolumePrice += volume[i] * (high[i] + low[i] + close[i]) / 3;
            result[i] = sumVolume != 0 ? MissingValue.FromNaN(sumVolumePrice / sumVolume) : null;
        }
        return result;
    }

    /// <summary>VWAP of every bar (prices and volume converted to double), cumulative from <paramref name="start"/> or the first bar.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="bars"/> is null.</exception>
    public static double?[] Series(IReadOnlyList<Bar> bars, DateTimeOffset? start = null)
    {
        var (high, low, close) = SeriesInput.Prices(bars);
        var volume = new double[bars.Count];
        for (var i = 0; i < volume.Length; i++)
            volume[i] = bars[i].Volume;
        return Series(SeriesInput.Times(bars), high, low, close, volume, start);
    }
}
