using GoldBot.Market;

namespace GoldBot.Indicators;

/// <summary>
/// Average directional index with +DI, −DI, DX and ADXR (Wilder, <i>New Concepts in Technical
/// Trading Systems</i>, 1978), following the Skender.Stock.Indicators <c>ToAdx</c> convention:
/// <list type="bullet">
/// <item>From bar 1: TR = max(H − L, |H − prevC|, |L − prevC|); up = H − prevH, down = prevL − L;
/// +DM = up &gt; down ? max(up, 0) : 0; −DM = down &gt; up ? max(down, 0) : 0.</item>
/// <item>Smoothed TR, +DM, −DM start at index n as the <i>sums</i> over bars 1..n, then
/// <c>S = S − S / n + x</c>.</item>
/// <item>From index n: +DI = 100 · S(+DM) / S(TR), −DI = 100 · S(−DM) / S(TR),
/// DX = 100 · |+DI − −DI| / (+DI + −DI) (0 when +DI = −DI). A bar with S(TR) = 0 is null in every field.</item>
/// <item>ADX starts at index 2n − 1 as the mean of DX over indexes n..2n − 1, then
/// <c>ADX = (prevADX · (n − 1) + DX) / n</c>. ADXR[i] = (ADX[i] + ADX[i − n]) / 2, from index 3n − 1.</item>
/// </list>
/// All outputs are on a 0–100 scale. Prices must be finite. The incremental form keeps the last n
/// ADX values in a preallocated ring and allocates nothing after construction.
/// </summary>
public sealed class AverageDirectionalIndex
{
    private readonly double[] _adxHistory;
    private int _slot;
    private int _index = -1;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _sumTr;
    private double _sumPlusDm;
    private double _sumMinusDm;
    private double _smoothedTr;
    private double _smoothedPlusDm;
    private double _smoothedMinusDm;
    private double _sumDx;
    private double _adx;
    // The latest bar's values (NaN where missing), turned into a result when read, and whether it has one.
    private (double Pdi, double Mdi, double Dx, double Adx, double Adxr) _latest;
    private bool _hasResult;

    /// <summary>Creates an ADX with lookback <paramref name="period"/> (bars).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public AverageDirectionalIndex(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        Period = period;
        _adxHistory = new double[period];
        Array.Fill(_adxHistory, double.NaN);
    }

    /// <summary>Lookback n, in bars.</summary>
    public int Period { get; }

    /// <summary>The latest result; fields are null during their warm-up.</summary>
    public AdxResult Value => _hasResult
        ? new AdxResult(MissingValue.FromNaN(_latest.Pdi), MissingValue.FromNaN(_latest.Mdi), MissingValue.FromNaN(_latest.Dx),
            MissingValue.FromNaN(_latest.Adx), MissingValue.FromNaN(_latest.Adxr))
        : default;

    /// <summary>Adds the next bar and returns the updated +DI, −DI, DX, ADX and ADXR.</summary>
    /// <param name="high">Bar high.</param>
    /// <param name="low">Bar low.</param>
    /// <param name="close">Bar close.</param>
    public AdxResult Add(double high, double low, double close)
    {
        Push(high, low, close);
        return Value;
    }

    /// <summary>Adds the next bar and returns only its ADX (<see cref="AdxResult.Adx"/> of <see cref="Value"/>: a caller that needs nothing else).</summary>
    /// <param name="high">Bar high.</param>
    /// <param name="low">Bar low.</param>
    /// <param name="close">Bar close.</param>
    public double? AddAdx(double high, double low, double close)
    {
        Push(high, low, close);
        return _hasResult ? MissingValue.FromNaN(_latest.Adx) : null;
    }

    private void Push(double high, double low, double close)
    {
        _hasResult = false;
        if (_index < 2 * Period)
            _index++;
        // ADX of the bar n bars back, then this bar's ADX (NaN when it has none) takes its slot.
        var adxNBack = _adxHistory[_slot];
        _adxHistory[_slot] = double.NaN;
        var slot = _slot;
        _slot = _slot + 1 == Period ? 0 : _slot + 1;

        if (_index == 0)
        {
            _previousHigh = high;
            _previousLow = low;
            _previousClose = close;
            return;
        }

        var tr = TrueRange.Of(high, low, _previousClose);
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var plusDm = up > down ? Math.Max(up, 0) : 0;
        var minusDm = down > up ? Math.Max(down, 0) : 0;
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;

        if (_index <= Period)
        {
            _sumTr += tr;
            _sumPlusDm += plusDm;
            _sumMinusDm += minusDm;
            if (_index < Period)
                return;
            _smoothedTr = _sumTr;
            _smoothedPlusDm = _sumPlusDm;
            _smoothedMinusDm = _sumMinusDm;
        }
        else
        {
            _smoothedTr = _smoothedTr - _smoothedTr / Period + tr;
            _smoothedPlusDm = _smoothedPlusDm - _smoothedPlusDm / Period + plusDm;
            _smoothedMinusDm = _smoothedMinusDm - _smoothedMinusDm / Period + minusDm;
        }

        if (_smoothedTr == 0)
            return;

        var pdi = 100 * _smoothedPlusDm / _smoothedTr;
        var mdi = 100 * _smoothedMinusDm / _smoothedTr;
        var dx = pdi - mdi == 0 ? 0
            : pdi + mdi != 0 ? 100 * Math.Abs(pdi - mdi) / (pdi + mdi)
            : double.NaN;

        var adx = double.NaN;
        var adxr = double.NaN;
        if (_index > 2 * Period - 1)
        {
            _adx = (_adx * (Period - 1) + dx) / Period;
            adx = _adx;
            adxr = (adx + adxNBack) / 2;
        }
        else if (_index == 2 * Period - 1)
        {
            _sumDx += dx;
            _adx = _sumDx / Period;
            adx = _adx;
        }
        else
        {
            _sumDx += dx;
        }
        _adxHistory[slot] = adx;

        (_latest, _hasResult) = ((pdi, mdi, dx, adx, adxr), true);
    }

    /// <summary>
    /// Number of leading results Skender's <c>RemoveWarmupPeriods()</c> drops for ADX(n): 2n + 100
    /// (the ADX warm-up plus 100 bars for its seed's weight to fade).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    public static int WarmupPeriods(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        return 2 * period + 100;
    }

    /// <summary>
    /// +DI, −DI, DX, ADX and ADXR of every bar, one result per bar in input order.
    /// </summary>
    /// <param name="high">Bar highs, oldest first.</param>
    /// <param name="low">Bar lows, same length.</param>
    /// <param name="close">Bar closes, same length.</param>
    /// <param name="period">Lookback n, in bars.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    /// <exception cref="ArgumentException">The three columns differ in length.</exception>
    public static AdxResult[] Series(ReadOnlySpan<double> high, ReadOnlySpan<double> low, ReadOnlySpan<double> close, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        SeriesInput.RequireLength(high.Length, low.Length, nameof(low));
        SeriesInput.RequireLength(high.Length, close.Length, nameof(close));

        var length = high.Length;
        var result = new AdxResult[length];
        var adxAt = new double[length];
        Array.Fill(adxAt, double.NaN);
        double sumTr = 0, sumPdm = 0, sumMdm = 0, sumDx = 0;
        double trs = 0, pdm = 0, mdm = 0, previousAdx = 0;
        for (var i = 1; i < length; i++)
        {
            var tr = Math.Max(high[i] - low[i], Math.Max(Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1])));
            var up = high[i] - high[i - 1];
            var down = low[i - 1] - low[i];
            var pdm1 = up > down ? Math.Max(up, 0) : 0;
            var mdm1 = down > up ? Math.Max(down, 0) : 0;

            if (i <= period)
            {
                sumTr += tr;
                sumPdm += pdm1;
                sumMdm += mdm1;
            }
            if (i < period)
                continue;

            if (i == period)
            {
                trs = sumTr;
                pdm = sumPdm;
                mdm = sumMdm;
            }
            else
            {
                trs = trs - trs / period + tr;
                pdm = pdm - pdm / period + pdm1;
                mdm = mdm - mdm / period + mdm1;
            }
            if (trs == 0)
                continue;

            var pdi = 100 * pdm / trs;
            var mdi = 100 * mdm / trs;
            var dx = pdi - mdi == 0 ? 0
                : pdi + mdi != 0 ? 100 * Math.Abs(pdi - mdi) / (pdi + mdi)
                : double.NaN;

            var adx = double.NaN;
            var adxr = double.NaN;
            if (i > 2 * period - 1)
            {
                adx = (previousAdx * (period - 1) + dx) / period;
                adxr = (adx + adxAt[i - period]) / 2;
                previousAdx = adx;
            }
            else if (i == 2 * period - 1)
            {
                sumDx += dx;
                adx = sumDx / period;
                previousAdx = adx;
            }
            else
            {
                sumDx += dx;
            }
            adxAt[i] = adx;
            result[i] = new AdxResult(
                MissingValue.FromNaN(pdi),
                MissingValue.FromNaN(mdi),
                MissingValue.FromNaN(dx),
                MissingValue.FromNaN(adx),
                MissingValue.FromNaN(adxr));
        }
        return result;
    }

    /// <summary>+DI, −DI, DX, ADX and ADXR of every bar (prices converted to double).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is 1 or less.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="bars"/> is null.</exception>
    public static AdxResult[] Series(IReadOnlyList<Bar> bars, int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, 1);
        var (high, low, close) = SeriesInput.Prices(bars);
        return Series(high, low, close, period);
    }
}
