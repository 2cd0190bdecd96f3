namespace GoldBot.Indicators;

/// <summary>
/// Smoothed moving average (Wilder's moving average, RMA; Wilder, <i>New Concepts in Technical
/// Trading Systems</i>, 1978). The seed is the simple mean of the first n inputs, placed at index n−1;
/// after that <c>SMMA = (prevSMMA · (n − 1) + x) / n</c> (Skender.Stock.Indicators <c>ToSmma</c>
/// convention). Equivalent to an EMA with <c>k = 1 / n</c>. Units are the inputs' units. Over the true
/// range (whose first element is missing) it gives <see cref="AverageTrueRange"/>. A NaN input (a
/// missing value) yields null and restarts the SMMA, which is seeded again from the next n inputs, as
/// Skender's re-seeding on NaN does. The incremental form allocates nothing after construction.
/// </summary>
public sealed class SmoothedMovingAverage
{
    private SimpleMeanSeed _seed;
    private double _smma;

    /// <summary>Creates an SMMA with lookback <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public SmoothedMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        Period = period;
    }

    /// <summary>Lookback n.</summary>
    public int Period { get; }

    /// <summary>The latest value, or null during warm-up.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next input and returns the updated SMMA (null during warm-up or on a NaN input).</summary>
    public double? Add(double value)
    {
        if (double.IsNaN(value))
        {
            _seed.Reset();
            return Value = null;
        }
        if (_seed.Seeding(Period))
        {
            if (!_seed.Add(value, Period, out _smma))
                return Value = null;
        }
        else
        {
            _smma = (_smma * (Period - 1) + value) / Period;
        }
        return Value = MissingValue.FromNaN(_smma);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for SMMA(n): n + 100
    /// (the n − 1 nulls, the seed, and 100 bars for the seed's weight to fade).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return period + 100;
    }

    /// <summary>
    /// SMMA(n) of every input, one result per input in input order; null at indexes 0..n−2. Where no
    /// SMMA is carried (at the start or after a NaN input), the next window of n inputs free of NaN
    /// seeds it with its mean.
    /// </summary>
    /// <param name="values">Inputs, oldest first; NaN marks a missing value.</param>
    /// <param name="period">Lookback n.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static double?[] Series(ReadOnlySpan<double> values, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var result = new double?[values.Length];
        var previous = double.NaN;
        for (var i = period - 1; i < values.Length; i++)
        {
            double smma;
            if (double.IsNaN(previous))
            {
                var sum = 0d;
                for (var p = i - period + 1; p <= i; p++)
                    sum += values[p];
                smma = sum / period;
            }
            else
            {
                smma = (previous * (period - 1) + values[i]) / period;
            }
            result[i] = MissingValue.FromNaN(smma);
            previous = smma;
        }
        return result;
    }
}
