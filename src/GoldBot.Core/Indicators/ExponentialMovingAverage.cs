namespace GoldBot.Indicators;

/// <summary>
/// Exponential moving average with smoothing <c>k = 2 / (n + 1)</c>. The seed is the simple mean of
/// the first n inputs, placed at index n−1; after that <c>EMA = prevEMA + k · (x − prevEMA)</c>
/// (Skender.Stock.Indicators <c>ToEma</c> convention). Units are the inputs' units. A NaN input (a
/// missing value, e.g. the warm-up of a chained indicator such as RSI → EMA) yields null and restarts
/// the EMA, which is seeded again from the next n inputs: this is what Skender's re-seeding on NaN
/// amounts to, and it makes a chained EMA start at the first non-null input. The incremental form
/// allocates nothing after construction.
/// </summary>
public sealed class ExponentialMovingAverage
{
    private readonly double _k;
    private SimpleMeanSeed _seed;
    private double _ema;

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

    /// <summary>Adds the next input and returns the updated EMA (null during warm-up or on a NaN input).</summary>
    public double? Add(double value)
    {
        if (double.IsNaN(value))
        {
            _seed.Reset();
            return Value = null;
        }
        if (_seed.Seeding(Period))
        {
            if (!_seed.Add(value, Period, out _ema))
                return Value = null;
        }
        else
        {
            _ema += _k * (value - _ema);
        }
        return Value = MissingValue.FromNaN(_ema);
    }

    /// <summary>
    /// One EMA step: <c>previous + k · (value − previous)</c> with <c>k = 2 / (n + 1)</c>
    /// (Skender <c>Ema.Increment</c>).
    /// </summary>
    /// <param name="period">Lookback n.</param>
    /// <param name="previous">The previous EMA.</param>
    /// <param name="value">The new input.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static double Increment(int period, double previous, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var k = 2d / (period + 1);
        return previous + k * (value - previous);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for EMA(n): n + 100
    /// (the n − 1 nulls, the seed, and 100 bars for the seed's weight to fade).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return period + 100;
    }

    /// <summary>
    /// EMA(n) of every input, one result per input in input order; null at indexes 0..n−2. Where no
    /// EMA is carried (at the start or after a NaN input), the next window of n inputs free of NaN
    /// seeds it with its mean.
    /// </summary>
    /// <param name="values">Inputs, oldest first; NaN marks a missing value.</param>
    /// <param name="period">Lookback n.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static double?[] Series(ReadOnlySpan<double> values, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var k = 2d / (period + 1);
        var result = new double?[values.Length];
        var previous = double.NaN;
        for (var i = period - 1; i < values.Length; i++)
        {
            double ema;
            if (double.IsNaN(previous))
            {
                var sum = 0d;
                for (var p = i - period + 1; p <= i; p++)
                    sum += values[p];
                ema = sum / period;
            }
            else
            {
                ema = previous + k * (values[i] - previous);
            }
            result[i] = MissingValue.FromNaN(ema);
            previous = ema;
        }
        return result;
    }
}
