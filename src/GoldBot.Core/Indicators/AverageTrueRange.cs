namespace GoldBot.Indicators;

/// <summary>
/// Average true range with Wilder smoothing (Wilder, <i>New Concepts in Technical Trading
/// Systems</i>, 1978), one bar at a time. True range TR = max(H − L, |H − prevC|, |L − prevC|) and is
/// undefined on the first bar. ATR(n) first appears at bar index n as the mean of TR[1..n], then
/// <c>ATR = (prevATR · (n − 1) + TR) / n</c> (Skender.Stock.Indicators <c>ToAtr</c> convention).
/// Units are those of the prices given (points or ticks). Allocation-free after construction.
/// </summary>
public sealed class AverageTrueRange
{
    private double _previousClose;
    private double _trSum;
    private int _bars;

    /// <summary>Creates an ATR with lookback <paramref name="period"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public AverageTrueRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        Period = period;
    }

    /// <summary>Lookback n.</summary>
    public int Period { get; }

    /// <summary>The latest true range, or null on the first bar.</summary>
    public double? TrueRange { get; private set; }

    /// <summary>The latest ATR, or null during warm-up (bars 0..n−1).</summary>
    public double? Value { get; private set; }

    /// <summary>Adds the next bar and returns the updated ATR (null during warm-up).</summary>
    public double? Add(double high, double low, double close)
    {
        if (_bars++ == 0)
        {
            _previousClose = close;
            return Value = null;
        }
        var tr = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        _previousClose = close;
        TrueRange = tr;
        if (Value is { } atr)
            return Value = (atr * (Period - 1) + tr) / Period;
        _trSum += tr;
        return Value = _bars - 1 == Period ? _trSum / Period : null;
    }
}
