namespace GoldBot.Indicators;

/// <summary>
/// Simple moving average: <c>SMA(n)[i] = (x[i−n+1] + … + x[i]) / n</c>, the arithmetic mean of the
/// last n inputs, in the inputs' units. The first value is at index n−1; earlier results are null
/// (Skender.Stock.Indicators <c>ToSma</c> convention). A NaN input (a missing value, e.g. the warm-up
/// of a chained indicator) makes every window that contains it null. The SMA of volume is the
/// rolling volume average. The incremental form re-adds its window from a ring buffer on every input,
/// oldest first, so it is bit-identical to the batch form and cannot drift; it allocates nothing after
/// construction.
/// </summary>
public sealed class SimpleMovingAverage
{
    private readonly double[] _window;
    private int _count;
    private int _next;

    /// <summary>Creates an SMA over <paramref name="period"/> inputs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public SimpleMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _window = new double[period];
    }

    /// <summary>Number of inputs averaged (n).</summary>
    public int Period => _window.Length;

    /// <summary>The latest average, or null during warm-up or while a NaN input is in the window.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next input and returns the updated average (null during warm-up).</summary>
    public double? Add(double value)
    {
        _window[_next] = value;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        if (_count < _window.Length)
            _count++;
        if (_count < _window.Length)
            return Value = null;
        var sum = 0d;
        // Oldest first, the order the batch sum over the window uses: the ring from the oldest value to its end, then from its start.
        foreach (var x in _window.AsSpan(_next))
            sum += x;
        foreach (var x in _window.AsSpan(0, _next))
            sum += x;
        return Value = MissingValue.FromNaN(sum / _window.Length);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for SMA(n): n − 1, exactly the null ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return period - 1;
    }

    /// <summary>
    /// SMA(n) of every input, one result per input in input order; null at indexes 0..n−2 and for
    /// every window holding a NaN.
    /// </summary>
    /// <param name="values">Inputs, oldest first; NaN marks a missing value.</param>
    /// <param name="period">Window length n.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static double?[] Series(ReadOnlySpan<double> values, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var result = new double?[values.Length];
        for (var i = period - 1; i < values.Length; i++)
        {
            var sum = 0d;
            for (var p = i - period + 1; p <= i; p++)
                sum += values[p];
            result[i] = MissingValue.FromNaN(sum / period);
        }
        return result;
    }
}
