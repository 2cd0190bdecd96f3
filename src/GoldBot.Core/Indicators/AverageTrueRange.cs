using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// Average true range with Wilder smoothing (Wilder, <i>New Concepts in Technical Trading
/// Systems</i>, 1978). True range TR = max(H − L, |H − prevC|, |L − prevC|) is undefined on the
/// first bar. ATR(n) first appears at bar index n as the simple mean of TR[1..n] (so n + 1 bars are
/// needed), then <c>ATR = (prevATR · (n − 1) + TR) / n</c>; <c>ATRP = ATR / close · 100</c> (null
/// when close is 0). This is the Skender.Stock.Indicators <c>ToAtr</c> convention, and equals
/// <see cref="SmoothedMovingAverage"/>(n) over the true range. Units are those of the prices given
/// (points or ticks); ATRP is in percent. Prices must be finite: a NaN price poisons the Wilder state
/// (outputs become null from then on). The incremental form allocates nothing after construction.
/// </summary>
public sealed class AverageTrueRange
{
    private double _previousClose;
    private double _trSum;
    private double _atr = double.NaN;
    private int _index = -1;

    /// <summary>Creates an ATR with lookback <paramref name="period"/> (bars).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public AverageTrueRange(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        Period = period;
    }

    /// <summary>Lookback n, in bars.</summary>
    public int Period { get; }

    /// <summary>The latest true range, or null on the first bar.</summary>
    public double? TrueRange { get; private set; }

    /// <summary>The latest ATR, or null during warm-up (bar indexes 0..n−1).</summary>
    public double? Value { get; private set; }

    /// <summary>The latest ATR as a percentage of the close (ATRP), or null during warm-up or when the close is 0.</summary>
    public double? Percent { get; private set; }

    /// <summary>Adds the next bar and returns the updated ATR (null during warm-up).</summary>
    /// <param name="high">Bar high.</param>
    /// <param name="low">Bar low.</param>
    /// <param name="close">Bar close.</param>
    public double? Add(double high, double low, double close)
    {
        if (_index <= Period)
            _index++;
        if (_index == 0)
        {
            _previousClose = close;
            return Value = null;
        }

        var tr = Indicators.TrueRange.Of(high, low, _previousClose);
        _previousClose = close;
        TrueRange = MissingValue.FromNaN(tr);
        if (_index > Period)
        {
            _atr = (_atr * (Period - 1) + tr) / Period;
        }
        else
        {
            _trSum += tr;
            if (_index < Period)
                return Value = null;
            _atr = _trSum / Period;
        }
        Percent = close == 0 ? null : MissingValue.FromNaN(_atr / close * 100);
        return Value = MissingValue.FromNaN(_atr);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for ATR(n): n, exactly the null ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        return period;
    }

    /// <summary>
    /// TR, ATR(n) and ATRP of every bar, one result per bar in input order; ATR is null at indexes 0..n−1.
    /// </summary>
    /// <param name="high">Bar highs, oldest first.</param>
    /// <param name="low">Bar lows, same length.</param>
    /// <param name="close">Bar closes, same length.</param>
    /// <param name="period">Lookback n, in bars.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    /// <exception cref="ArgumentException">The three columns differ in length.</exception>
    public static AtrResult[] Series(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        SeriesInput.RequireLength(high.Length, low.Length, nameof(low));
        SeriesInput.RequireLength(high.Length, close.Length, nameof(close));

        var result = new AtrResult[high.Length];
        var sumTr = 0d;
        var previousAtr = double.NaN;
        for (var i = 1; i < high.Length; i++)
        {
            var tr = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
            double atr;
            if (i > period)
            {
                atr = (previousAtr * (period - 1) + tr) / period;
            }
            else
            {
                sumTr += tr;
                if (i < period)
                {
                    result[i] = new AtrResult(MissingValue.FromNaN(tr), null, null);
                    continue;
                }
                atr = sumTr / period;
            }
            previousAtr = atr;
            double? atrp = close[i] == 0 ? null : MissingValue.FromNaN(atr / close[i] * 100);
            result[i] = new AtrResult(MissingValue.FromNaN(tr), MissingValue.FromNaN(atr), atrp);
        }
        return result;
    }

    /// <summary>TR, ATR(n) and ATRP of every bar (prices converted to double).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="bars"/> is null.</exception>
    public static AtrResult[] Series(IReadOnlyList<Bar> bars, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        var (high, low, close) = SeriesInput.Prices(bars);
        return Series(high, low, close, period);
    }
}
