using GoldBot.Market;

namespace GoldBot.Smc.Reference;

/// <summary>
/// The input of every reference-mode SMC function: bar-aligned float64 arrays of open, high, low,
/// close and volume, plus optional UTC bar open times (needed only by
/// <see cref="PreviousHighLow"/> and <see cref="Sessions"/>). It plays the role of the pandas
/// DataFrame of <c>smartmoneyconcepts</c> (smc.py#L7-L53): functions index bars by position
/// 0..<see cref="Count"/>−1, never by time. Prices are in the bars' quote units; volume in
/// contracts or ticks. Instances are immutable.
/// </summary>
public sealed class SmcSeries
{
    private readonly double[] _open;
    private readonly double[] _high;
    private readonly double[] _low;
    private readonly double[] _close;
    private readonly double[] _volume;
    private readonly DateTime[]? _times;

    /// <summary>
    /// Creates a series from copies of the given arrays (finite values only: the library's NaN
    /// handling is not reproduced). <paramref name="times"/> are bar open
    /// times in UTC (any <see cref="DateTimeKind"/> is read as UTC wall time), or null when the
    /// data has no times.
    /// </summary>
    /// <exception cref="ArgumentNullException">A price or volume array is null.</exception>
    /// <exception cref="ArgumentException">The arrays do not all have the same length, or a value is NaN or infinite.</exception>
    public SmcSeries(double[] open, double[] high, double[] low, double[] close, double[] volume, DateTime[]? times = null)
        : this(
            [FiniteCopy(open, nameof(open)), FiniteCopy(high, nameof(high)), FiniteCopy(low, nameof(low)),
             FiniteCopy(close, nameof(close)), FiniteCopy(volume, nameof(volume))],
            (DateTime[]?)times?.Clone())
    {
    }

    // Takes ownership of the arrays: columns are open, high, low, close, volume.
    private SmcSeries(double[][] columns, DateTime[]? times)
    {
        var n = columns[0].Length;
        foreach (var column in columns)
        {
            if (column.Length != n)
                throw new ArgumentException("open, high, low, close and volume must have the same length.");
        }
        if (times is not null && times.Length != n)
            throw new ArgumentException($"times has {times.Length} values, the prices have {n}.", nameof(times));
        _open = columns[0];
        _high = columns[1];
        _low = columns[2];
        _close = columns[3];
        _volume = columns[4];
        _times = times;
    }

    /// <summary>
    /// Converts bars to float64 with <c>(double)decimal</c>, which is correctly rounded for
    /// prices with at most 15 significant digits (the decimal's 64-bit mantissa is exact in a
    /// double and the division by 10^scale rounds once), so it equals <c>double.Parse</c> of the
    /// CSV text, as pandas reads it. Volume becomes a double. With <paramref name="includeTimes"/>
    /// the bars' <see cref="Bar.OpenTime"/> (UTC) are kept.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="bars"/> is null.</exception>
    public static SmcSeries FromBars(IReadOnlyList<Bar> bars, bool includeTimes = true)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var n = bars.Count;
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var close = new double[n];
        var volume = new double[n];
        var times = includeTimes ? new DateTime[n] : null;
        for (var i = 0; i < n; i++)
        {
            var bar = bars[i];
            open[i] = (double)bar.Open;
            high[i] = (double)bar.High;
            low[i] = (double)bar.Low;
            close[i] = (double)bar.Close;
            volume[i] = bar.Volume;
            if (times is not null)
                times[i] = bar.OpenTime.UtcDateTime;
        }
        return new SmcSeries([open, high, low, close, volume], times);
    }

    /// <summary>
    /// A copy of this series whose volume column is <paramref name="volume"/> (for example tick
    /// volume instead of exchange volume); prices and times are shared.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="volume"/> has a different length.</exception>
    public SmcSeries WithVolume(double[] volume)
    {
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.Length != Count)
            throw new ArgumentException($"volume has {volume.Length} values, the series has {Count} bars.", nameof(volume));
        return new SmcSeries([_open, _high, _low, _close, FiniteCopy(volume, nameof(volume))], _times);
    }

    /// <summary>Number of bars N.</summary>
    public int Count => _open.Length;

    /// <summary>True when bar open times are available.</summary>
    public bool HasTimes => _times is not null;

    /// <summary>Open prices, one per bar.</summary>
    public ReadOnlySpan<double> Open => _open;

    /// <summary>High prices, one per bar.</summary>
    public ReadOnlySpan<double> High => _high;

    /// <summary>Low prices, one per bar.</summary>
    public ReadOnlySpan<double> Low => _low;

    /// <summary>Close prices, one per bar.</summary>
    public ReadOnlySpan<double> Close => _close;

    /// <summary>Volumes, one per bar.</summary>
    public ReadOnlySpan<double> Volume => _volume;

    /// <summary>Bar open times (UTC wall time), one per bar; empty when <see cref="HasTimes"/> is false.</summary>
    public ReadOnlySpan<DateTime> Times => _times;

    internal double[] OpenArray => _open;

    internal double[] HighArray => _high;

    internal double[] LowArray => _low;

    internal double[] CloseArray => _close;

    internal double[] VolumeArray => _volume;

    private static double[] FiniteCopy(double[] values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] is {values[i]}; the reference functions need finite values.", name);
        }
        return (double[])values.Clone();
    }

    /// <summary>Times, or an exception naming <paramref name="function"/> when the series has none.</summary>
    internal DateTime[] RequireTimes(string function) =>
        _times ?? throw new InvalidOperationException($"{function} needs bar times, but the input has no time column.");
}
