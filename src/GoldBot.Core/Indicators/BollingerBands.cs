using System.Numerics;

namespace GoldBot.Indicators;

/// <summary>
/// Bollinger Bands (Bollinger, <i>Bollinger on Bollinger Bands</i>, 2001) as computed by
/// Skender.Stock.Indicators <c>ToBollingerBands</c>: over the last n inputs, middle band = SMA,
/// σ = the <b>population</b> standard deviation <c>√(Σ(x − SMA)² / n)</c>, bands = SMA ± k · σ, plus
/// %B = (x − lower) / (upper − lower), z-score = (x − SMA) / σ and width = (upper − lower) / SMA. The
/// first result is at index n−1. Prices and bands are in the inputs' units. A NaN input (a missing
/// value, e.g. a chained indicator's warm-up) makes every window that contains it null. The incremental
/// form keeps the window in a preallocated ring, recomputes it oldest first on every input (bit-identical
/// to the batch form) and allocates nothing after construction.
/// </summary>
public sealed class BollingerBands
{
    private readonly double[] _window;
    private int _count;
    private int _next;
    // The latest input and its window's mean and population standard deviation (the bands are computed from them when read).
    private double _latest, _mean, _sigma;

    /// <summary>Creates Bollinger Bands over <paramref name="period"/> inputs, <paramref name="standardDeviations"/> σ wide.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less, or <paramref name="standardDeviations"/> is not positive.</exception>
    public BollingerBands(int period, double standardDeviations = 2)
    {
        Validate(period, standardDeviations);
        _window = new double[period];
        StandardDeviations = standardDeviations;
    }

    /// <summary>Window length n.</summary>
    public int Period => _window.Length;

    /// <summary>Band half-width k, in standard deviations.</summary>
    public double StandardDeviations { get; }

    /// <summary>The latest result; all fields null during warm-up.</summary>
    public BollingerBandsResult Value => _count < _window.Length ? default : Bands(_latest, _mean, _sigma, StandardDeviations);

    /// <summary>The latest bandwidth, <see cref="BollingerBandsResult.Width"/> of <see cref="Value"/>, without computing the other fields; null during warm-up.</summary>
    public double? Width => _count < _window.Length ? null : BandWidth(_mean, _sigma, StandardDeviations);

    /// <summary>Adds the next input and returns the updated bands.</summary>
    public BollingerBandsResult Add(double value)
    {
        Push(value);
        return Value;
    }

    /// <summary>Adds the next input and returns only the updated bandwidth (<see cref="Width"/>: a caller that needs nothing else).</summary>
    public double? AddWidth(double value)
    {
        Push(value);
        return Width;
    }

    private void Push(double value)
    {
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        if (_count < _window.Length)
            _count++;
        if (_count < _window.Length)
            return;

        // Oldest first (the batch order): the ring from the oldest value to its end, then from its start.
        var (mean, sigma) = Moments(_window.AsSpan(_next), _window.AsSpan(0, _next));
        (_latest, _mean, _sigma) = (value, mean, sigma);
    }

    /// <summary>
    /// The mean and population standard deviation of the window <paramref name="older"/> then <paramref name="newer"/>, each
    /// sum taken oldest first (the order every form here uses, so all agree bit for bit).
    /// </summary>
    private static (double Mean, double Sigma) Moments(ReadOnlySpan<double> older, ReadOnlySpan<double> newer)
    {
        var length = older.Length + newer.Length;
        var sum = 0d;
        foreach (var x in older)
            sum += x;
        foreach (var x in newer)
            sum += x;
        var mean = sum / length;
        var sumSquares = 0d;
        foreach (var x in older)
            sumSquares += (x - mean) * (x - mean);
        foreach (var x in newer)
            sumSquares += (x - mean) * (x - mean);
        return (mean, Math.Sqrt(sumSquares / length));
    }

    /// <summary>
    /// The bandwidth (<see cref="BollingerBandsResult.Width"/>) of every window of <paramref name="period"/> consecutive
    /// <paramref name="values"/>: <c>widths[i]</c> is the width of <c>values[i .. i + period − 1]</c>, NaN where it is missing
    /// (null in <see cref="Width"/>); <paramref name="widths"/> is <c>values.Length − period + 1</c> long. Bit for bit what
    /// <see cref="Width"/> gives after the window's last value, and faster over many windows: a vector holds one window's sum
    /// per lane, so <see cref="Vector{T}.Count"/> windows are summed side by side, each oldest first (the lanes' additions are
    /// the scalar ones, not a reordered sum).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less, <paramref name="standardDeviations"/> is not
    /// positive, or <paramref name="widths"/> has not one slot per window.</exception>
    public static void Widths(ReadOnlySpan<double> values, int period, double standardDeviations, Span<double> widths)
    {
        Validate(period, standardDeviations);
        ArgumentOutOfRangeException.ThrowIfNotEqual(widths.Length, Math.Max(values.Length - period + 1, 0), nameof(widths));
        var i = 0;
        for (; i + Vector<double>.Count <= widths.Length; i += Vector<double>.Count)
        {
            var sum = Vector<double>.Zero;
            for (var t = 0; t < period; t++)
                sum += new Vector<double>(values[(i + t)..]);
            var mean = sum / new Vector<double>(period);
            var sumSquares = Vector<double>.Zero;
            for (var t = 0; t < period; t++)
            {
                var deviation = new Vector<double>(values[(i + t)..]) - mean;
                sumSquares += deviation * deviation;
            }
            var sigma = Vector.SquareRoot(sumSquares / new Vector<double>(period));
            for (var lane = 0; lane < Vector<double>.Count; lane++)
                widths[i + lane] = BandWidth(mean[lane], sigma[lane], standardDeviations) ?? double.NaN;
        }
        for (; i < widths.Length; i++)
        {
            var (mean, sigma) = Moments(values.Slice(i, period), []);
            widths[i] = BandWidth(mean, sigma, standardDeviations) ?? double.NaN;
        }
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for Bollinger(n): n − 1, exactly the null ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        return period - 1;
    }

    /// <summary>
    /// Bollinger Bands of every input, one result per input in input order; all fields null at
    /// indexes 0..n−2.
    /// </summary>
    /// <param name="values">Inputs (usually closes), oldest first; NaN marks a missing value.</param>
    /// <param name="period">Window length n.</param>
    /// <param name="standardDeviations">Band half-width k, in standard deviations.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less, or <paramref name="standardDeviations"/> is not positive.</exception>
    public static BollingerBandsResult[] Series(ReadOnlySpan<double> values, int period, double standardDeviations = 2)
    {
        Validate(period, standardDeviations);
        var result = new BollingerBandsResult[values.Length];
        for (var i = period - 1; i < values.Length; i++)
        {
            var window = values.Slice(i - period + 1, period);
            var sum = 0d;
            foreach (var x in window)
                sum += x;
            var mean = sum / period;
            var sumSquares = 0d;
            foreach (var x in window)
                sumSquares += (x - mean) * (x - mean);
            result[i] = Bands(values[i], mean, Math.Sqrt(sumSquares / period), standardDeviations);
        }
        return result;
    }

    private static BollingerBandsResult Bands(double value, double mean, double sigma, double k)
    {
        var sma = MissingValue.FromNaN(mean);
        var stdDev = MissingValue.FromNaN(sigma);
        var upper = sma + k * stdDev;
        var lower = sma - k * stdDev;
        return new BollingerBandsResult(
            sma,
            upper,
            lower,
            upper - lower == 0 ? null : NaNToNull((value - lower) / (upper - lower)),
            stdDev == 0 ? null : NaNToNull((value - sma) / stdDev),
            sma == 0 ? null : NaNToNull((upper - lower) / sma));
    }

    /// <summary>
    /// The width field of <see cref="Bands"/> alone, by the same operations: null when the mean or σ is missing (NaN) or the
    /// mean is zero.
    /// </summary>
    private static double? BandWidth(double mean, double sigma, double k)
    {
        if (double.IsNaN(mean) || double.IsNaN(sigma) || mean == 0)
            return null;
        var upper = mean + k * sigma;
        var lower = mean - k * sigma;
        return MissingValue.FromNaN((upper - lower) / mean);
    }

    private static double? NaNToNull(double? value) => value is { } v ? MissingValue.FromNaN(v) : null;

    private static void Validate(int period, double standardDeviations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        if (!(standardDeviations > 0))
            throw new ArgumentOutOfRangeException(nameof(standardDeviations), standardDeviations, "must be positive");
    }
}
