namespace GoldBot.Indicators;

/// <summary>
/// Relative strength index with Wilder smoothing (Wilder, <i>New Concepts in Technical Trading
/// Systems</i>, 1978), on a 0–100 scale. Gains and losses are counted from index 1:
/// <c>gain = max(x − prevX, 0)</c>, <c>loss = max(prevX − x, 0)</c>. The first RSI(n) is at index n,
/// from the simple means of gain[1..n] and loss[1..n]; after that
/// <c>avg = (prevAvg · (n − 1) + new) / n</c> for both, and <c>RSI = 100 − 100 / (1 + avgGain / avgLoss)</c>.
/// An average loss of 0 gives 100, except on the seed bar when the average gain is 0 too (a flat
/// window: 0/0), which is null (Skender.Stock.Indicators <c>ToRsi</c> convention). n = 1 is allowed.
/// A NaN input (a missing value, e.g. the warm-up of a chained indicator) yields null and restarts the
/// RSI from the next input, so a chained RSI starts at the first non-null input. (Skender reports 100
/// on such a bar inside the smoothing phase; this class reports null.) The two Wilder averages are
/// <see cref="SmoothedMovingAverage"/>s of the gains and the losses. The incremental form
/// allocates nothing after construction.
/// </summary>
public sealed class RelativeStrengthIndex
{
    private readonly SmoothedMovingAverage _gains;
    private readonly SmoothedMovingAverage _losses;
    private double _previous;
    private bool _hasPrevious;

    /// <summary>Creates an RSI with lookback <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public RelativeStrengthIndex(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        Period = period;
        _gains = new SmoothedMovingAverage(period);
        _losses = new SmoothedMovingAverage(period);
    }

    /// <summary>Lookback n.</summary>
    public int Period { get; }

    /// <summary>The latest RSI (0–100), or null during warm-up.</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next input and returns the updated RSI (null during warm-up or on a NaN input).</summary>
    public double? Add(double value)
    {
        if (double.IsNaN(value))
        {
            _hasPrevious = false;
            _gains.Add(double.NaN);
            _losses.Add(double.NaN);
            return Value = null;
        }
        if (!_hasPrevious)
        {
            _previous = value;
            _hasPrevious = true;
            return Value = null;
        }

        var gain = value > _previous ? value - _previous : 0;
        var loss = value < _previous ? _previous - value : 0;
        _previous = value;
        var seedBar = _gains.Value is null;
        var gains = _gains.Add(gain);
        var losses = _losses.Add(loss);
        if (gains is not { } averageGain || losses is not { } averageLoss)
            return Value = null;
        if (seedBar && averageGain == 0 && averageLoss == 0)
            return Value = null; // a flat seed window: 0/0
        return Value = averageLoss > 0 ? MissingValue.FromNaN(100 - 100 / (1 + averageGain / averageLoss)) : 100;
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for RSI(n): 10 · n
    /// (the n nulls plus time for the seed's weight to fade).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        return 10 * period;
    }

    /// <summary>
    /// RSI(n) of every input, one result per input in input order; null at indexes 0..n−1 and
    /// wherever the gain/loss window of a seed holds a NaN.
    /// </summary>
    /// <param name="values">Inputs (usually closes), oldest first; NaN marks a missing value.</param>
    /// <param name="period">Lookback n.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public static double?[] Series(ReadOnlySpan<double> values, int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        var result = new double?[values.Length];
        if (values.IsEmpty)
            return result;

        var gain = new double[values.Length];
        var loss = new double[values.Length];
        var averageGain = double.NaN;
        var averageLoss = double.NaN;
        var previous = values[0];
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value) || double.IsNaN(previous))
            {
                gain[i] = loss[i] = double.NaN;
            }
            else
            {
                gain[i] = value > previous ? value - previous : 0;
                loss[i] = value < previous ? previous - value : 0;
            }
            previous = value;

            if (i >= period && (double.IsNaN(averageGain) || double.IsNaN(averageLoss)))
            {
                // (Re)seed from the simple means of the last n gains and losses.
                var sumGain = 0d;
                var sumLoss = 0d;
                for (var p = i - period + 1; p <= i; p++)
                {
                    sumGain += gain[p];
                    sumLoss += loss[p];
                }
                averageGain = sumGain / period;
                averageLoss = sumLoss / period;
                result[i] = double.IsNaN(averageGain / averageLoss) ? null
                    : averageLoss > 0 ? 100 - 100 / (1 + averageGain / averageLoss) : 100;
            }
            else if (i > period)
            {
                if (double.IsNaN(gain[i]))
                {
                    // A missing input ends the run; the next clean window seeds again.
                    averageGain = averageLoss = double.NaN;
                    continue;
                }
                averageGain = (averageGain * (period - 1) + gain[i]) / period;
                averageLoss = (averageLoss * (period - 1) + loss[i]) / period;
                result[i] = averageLoss > 0 ? MissingValue.FromNaN(100 - 100 / (1 + averageGain / averageLoss)) : 100;
            }
        }
        return result;
    }
}
