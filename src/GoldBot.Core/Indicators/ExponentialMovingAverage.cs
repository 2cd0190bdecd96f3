namespace GoldBot.Indicators;

/// <summary>
/// Exponential moving average, one value at a time, with smoothing k = 2 / (n + 1), seeded by
/// the simple mean of the first n inputs at index n−1, then <c>ema += k · (x − ema)</c>
/// (Skender.Stock.Indicators <c>ToEma</c> convention). Allocation-free after construction.
/// </summary>
public sealed class ExponentialMovingAverage
{
    private readonly double _k;
    private double _seedSum;
    private int _count;

    /// <summary>Creates an EMA with lookback <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public ExponentialMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        Period = period;
        _k = 2d / (period + 1);
    }

    /// <summary>Lookback n.</summary>
    public int Period { get; }

    /// <summary>The latest value, or null during warm-up.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next input and returns the updated EMA (null during warm-up).</summary>
    public double? Add(double value)
    {
        if (_count < Period)
        {
            _seedSum += value;
            _count++;
            return Value = _count == Period ? _seedSum / Period : null;
        }
        var ema = Value!.Value;
        return Value = ema + _k * (value - ema);
    }
}
