using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// Rolling Pearson correlation of two series over the last n pairs (Pearson, <i>Notes on regression and inheritance</i>, 1895), as computed by
/// Skender.Stock.Indicators <c>ToCorrelation</c>: on the values as given (price <b>levels</b>, not
/// returns) with population moments, <c>varA = E[a²] − E[a]²</c>, <c>varB = E[b²] − E[b]²</c>,
/// <c>cov = E[ab] − E[a]·E[b]</c>, <c>r = cov / √(varA · varB)</c> (null when the divisor is 0) and
/// <c>r²</c>. The first result is at index n−1. The two series must be aligned bar by bar: the batch
/// form requires the same count and the same time at every index. A NaN input (a missing value) makes
/// that series' variance, the covariance and r null for every window containing it, as in Skender. The incremental form keeps both windows in
/// preallocated rings, recomputes the sums oldest first on every pair (bit-identical to the batch
/// form) and allocates nothing after construction; the caller is responsible for alignment.
/// </summary>
public sealed class PearsonCorrelation
{
    private readonly double[] _a;
    private readonly double[] _b;
    private int _count;
    private int _next;

    /// <summary>Creates a rolling correlation over <paramref name="period"/> pairs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public PearsonCorrelation(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _a = new double[period];
        _b = new double[period];
    }

    /// <summary>Window length n, in pairs.</summary>
    public int Period => _a.Length;

    /// <summary>The latest result; all fields null during warm-up.</summary>
    public CorrelationResult Value { get; private set; }

    /// <summary>Adds the next aligned pair and returns the updated moments and correlation.</summary>
    /// <param name="a">Value of series A at this bar.</param>
    /// <param name="b">Value of series B at the same bar.</param>
    public CorrelationResult Add(double a, double b)
    {
        _a[_next] = a;
        _b[_next] = b;
        _next = _next + 1 == _a.Length ? 0 : _next + 1;
        if (_count < _a.Length)
            _count++;
        if (_count < _a.Length)
            return Value = default;

        var n = _a.Length;
        double sumA = 0, sumB = 0, sumA2 = 0, sumB2 = 0, sumAb = 0;
        // Oldest first, stepping round the ring without a division per value.
        for (int i = 0, j = _next; i < n; i++, j = j + 1 == n ? 0 : j + 1)
        {
            var x = _a[j];
            var y = _b[j];
            sumA += x;
            sumB += y;
            sumA2 += x * x;
            sumB2 += y * y;
            sumAb += x * y;
        }
        return Value = Moments(n, sumA, sumB, sumA2, sumB2, sumAb);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for Correlation(n): n − 1, exactly the null ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return period - 1;
    }

    /// <summary>
    /// Rolling correlation of two time-aligned series, one result per index in input order; all
    /// fields null at indexes 0..n−2.
    /// </summary>
    /// <param name="timesA">Bar times of series A, oldest first.</param>
    /// <param name="a">Values of series A (e.g. closes), same length as <paramref name="timesA"/>; NaN marks a missing value.</param>
    /// <param name="timesB">Bar times of series B; must equal <paramref name="timesA"/> at every index.</param>
    /// <param name="b">Values of series B, same length as <paramref name="timesB"/>.</param>
    /// <param name="period">Window length n, in pairs.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    /// <exception cref="ArgumentException">A value column's length differs from its times, the series
    /// differ in count, or their times differ at some index.</exception>
    public static CorrelationResult[] Series(
        ReadOnlySpan<DateTimeOffset> timesA,
        ReadOnlySpan<double> a,
        ReadOnlySpan<DateTimeOffset> timesB,
        ReadOnlySpan<double> b,
        int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        SeriesInput.RequireLength(timesA.Length, a.Length, nameof(a));
        SeriesInput.RequireLength(timesB.Length, b.Length, nameof(b));
        if (a.Length != b.Length)
            throw new ArgumentException($"correlation needs series of the same count; A has {a.Length}, B has {b.Length}", nameof(b));
        for (var i = 0; i < timesA.Length; i++)
        {
            if (timesA[i] != timesB[i])
                throw new ArgumentException($"correlation needs the same time at every index; at index {i} A is {timesA[i]:O} and B is {timesB[i]:O}", nameof(timesB));
        }

        var result = new CorrelationResult[a.Length];
        for (var i = period - 1; i < a.Length; i++)
        {
            double sumA = 0, sumB = 0, sumA2 = 0, sumB2 = 0, sumAb = 0;
            for (var p = i - period + 1; p <= i; p++)
            {
                sumA += a[p];
                sumB += b[p];
                sumA2 += a[p] * a[p];
                sumB2 += b[p] * b[p];
                sumAb += a[p] * b[p];
            }
            result[i] = Moments(period, sumA, sumB, sumA2, sumB2, sumAb);
        }
        return result;
    }

    /// <summary>Rolling correlation of the closes of two bar lists that share the same bar times.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException">A bar list is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in count or in time at some index.</exception>
    public static CorrelationResult[] Series(IReadOnlyList<Bar> a, IReadOnlyList<Bar> b, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Series(SeriesInput.Times(a), SeriesInput.Closes(a), SeriesInput.Times(b), SeriesInput.Closes(b), period);
    }

    private static CorrelationResult Moments(int n, double sumA, double sumB, double sumA2, double sumB2, double sumAb)
    {
        var meanA = sumA / n;
        var meanB = sumB / n;
        var varA = sumA2 / n - meanA * meanA;
        var varB = sumB2 / n - meanB * meanB;
        var cov = sumAb / n - meanA * meanB;
        var divisor = Math.Sqrt(varA * varB);
        double? r = divisor == 0 ? null : MissingValue.FromNaN(cov / divisor);
        return new CorrelationResult(
            MissingValue.FromNaN(varA),
            MissingValue.FromNaN(varB),
            MissingValue.FromNaN(cov),
            r,
            r * r);
    }
}
