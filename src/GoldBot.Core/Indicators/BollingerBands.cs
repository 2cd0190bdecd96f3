using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// The bandwidths (<see cref="BollingerBandsResult.Width"/>) of the last <c>widths.Length</c> windows of
    /// <paramref name="period"/> consecutive <paramref name="values"/>, oldest first: the last slot is the width of the last
    /// <paramref name="period"/> values, NaN where a width is missing (null in <see cref="Width"/>). Bit for bit what
    /// <see cref="Width"/> gives after each window's last value, and faster over many windows: a vector holds one window's sums
    /// per lane, and two vectors of windows are summed side by side, each lane oldest first (the scalar operations, lane by
    /// lane, not a reordered sum). Values before the windows asked for are used, when there are enough, to compute whole blocks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less, <paramref name="standardDeviations"/> is not
    /// positive, or <paramref name="values"/> has fewer than <c>widths.Length + period − 1</c> values.</exception>
    public static void Widths(ReadOnlySpan<double> values, int period, double standardDeviations, Span<double> widths)
    {
        Validate(period, standardDeviations);
        var windows = values.Length - period + 1;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widths.Length, Math.Max(windows, 0), nameof(widths));
        var first = windows - widths.Length;
        if (windows < BlockWindows)
        {
            for (var i = first; i < windows; i++)
            {
                var (mean, sigma) = Moments(values.Slice(i, period), []);
                widths[i - first] = BandWidth(mean, sigma, standardDeviations) ?? double.NaN;
            }
            return;
        }
        // Whole blocks from the first window asked for; the last block ends at the last window (recomputing a few before it).
        Span<double> block = stackalloc double[BlockWindows];
        for (var start = first; start < windows; start += BlockWindows)
        {
            var at = Math.Min(start, windows - BlockWindows);
            WidthBlock(values.Slice(at, BlockWindows + period - 1), period, standardDeviations, block);
            block[(start - at)..Math.Min(BlockWindows, windows - at)].CopyTo(widths[(start - first)..]);
        }
    }

    // Windows per block of Widths: two vectors of Lanes.
    private const int Lanes = 4;
    private const int BlockWindows = 2 * Lanes;

    /// <summary>The widths of the <see cref="BlockWindows"/> windows of <paramref name="values"/> (exactly that many windows long).</summary>
    private static void WidthBlock(ReadOnlySpan<double> values, int period, double k, Span<double> widths)
    {
        ref var first = ref MemoryMarshal.GetReference(values);
        Vector256<double> sum0 = Vector256<double>.Zero, sum1 = Vector256<double>.Zero;
        for (var t = 0; t < period; t++)
        {
            sum0 += Vector256.LoadUnsafe(ref first, (nuint)t);
            sum1 += Vector256.LoadUnsafe(ref first, (nuint)(t + Lanes));
        }
        var length = Vector256.Create((double)period);
        var (mean0, mean1) = (sum0 / length, sum1 / length);
        Vector256<double> squares0 = Vector256<double>.Zero, squares1 = Vector256<double>.Zero;
        for (var t = 0; t < period; t++)
        {
            var deviation0 = Vector256.LoadUnsafe(ref first, (nuint)t) - mean0;
            var deviation1 = Vector256.LoadUnsafe(ref first, (nuint)(t + Lanes)) - mean1;
            squares0 += deviation0 * deviation0;
            squares1 += deviation1 * deviation1;
        }
        BandWidths(mean0, Vector256.Sqrt(squares0 / length), k).CopyTo(widths);
        BandWidths(mean1, Vector256.Sqrt(squares1 / length), k).CopyTo(widths[Lanes..]);
    }

    /// <summary><see cref="BandWidth"/> lane by lane, by the same operations; NaN where it is null.</summary>
    private static Vector256<double> BandWidths(Vector256<double> mean, Vector256<double> sigma, double k)
    {
        var upper = mean + Vector256.Create(k) * sigma;
        var lower = mean - Vector256.Create(k) * sigma;
        var width = (upper - lower) / mean;
        // A NaN mean or σ gives a NaN width; a zero mean is missing too.
        var present = Vector256.Equals(width, width) & ~Vector256.Equals(mean, Vector256<double>.Zero);
        return Vector256.ConditionalSelect(present, width, Vector256.Create(double.NaN));
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
