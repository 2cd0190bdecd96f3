namespace GoldBot.Indicators;

/// <summary>
/// Simple moving average, one value at a time: the arithmetic mean of the last
/// <see cref="Period"/> inputs, null until <see cref="Period"/> inputs have been seen
/// (Skender.Stock.Indicators <c>ToSma</c> convention: first value at index n−1).
/// The window sum is recomputed from a ring buffer on every input, so the result is
/// bit-identical to the batch mean and does not drift over long series. Allocation-free after construction.
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

    /// <summary>Number of inputs averaged.</summary>
    public int Period => _window.Length;

    /// <summary>The latest average, or null during warm-up.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next input and returns the updated average (null during warm-up).</summary>
    public double? Add(double value)
    {
        _window[_next] = value;
        _next = (_next + 1) % _window.Length;
        if (_count < _window.Length)
            _count++;
        if (_count < _window.Length)
            return Value = null;
        var sum = 0d;
        // Oldest first, the order a batch sum over the window uses.
        for (var i = 0; i < _window.Length; i++)
            sum += _window[(_next + i) % _window.Length];
        return Value = sum / _window.Length;
    }
}
