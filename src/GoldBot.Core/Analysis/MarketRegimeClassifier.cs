using System.Numerics;
using GoldBot.Indicators;
using GoldBot.Market;

namespace GoldBot.Analysis;

/// <summary>The market regime of a bar (issue 13 §2; <c>design/002</c> "Master Agent").</summary>
public enum MarketRegime
{
    /// <summary>Not enough bars yet (warm-up).</summary>
    Unknown,

    /// <summary>A directional market going up: ADX at or above the trend level and the EMA rising.</summary>
    TrendingUp,

    /// <summary>A directional market going down: ADX at or above the trend level and the EMA falling.</summary>
    TrendingDown,

    /// <summary>No directional strength and ordinary volatility.</summary>
    Ranging,

    /// <summary>Volatility in the top decile of the recent bars, whatever the direction.</summary>
    Volatile,
}

/// <summary>
/// A causal classifier of each closed bar's market regime, from four standard measures (docs/learning.md):
/// <list type="bullet">
/// <item>ADX(14) (J. Welles Wilder, <i>New Concepts in Technical Trading Systems</i>, 1978): at or above 25 a market trends
/// (Wilder's own threshold), below it it does not;</item>
/// <item>the slope of EMA(50) over the last 5 bars, in ATRs: the trend's direction;</item>
/// <item>the percentile of ATR(14) among the last 100 bars' ATR: at or above 90 % the bar is <see cref="MarketRegime.Volatile"/>,
/// which takes precedence (a news spike is not a trend to follow);</item>
/// <item>the percentile of the Bollinger bandwidth (20, 2σ; John Bollinger, <i>Bollinger on Bollinger Bands</i>, 2001) among the
/// last 100 bars: reported, and with a squeeze (≤ 10 %) a bar whose ADX says trend is called ranging (a trend with no range
/// behind it is the ADX's lag).</item>
/// </list>
/// Each value uses only the bars up to the one just added. Regimes are <see cref="MarketRegime.Unknown"/> until 100 bars
/// have given ATR and bandwidth values. Allocates only at construction. Not thread-safe (reading a measure may compute it): one caller adds and reads.
/// </summary>
public sealed class MarketRegimeClassifier
{
    /// <summary>ADX level at or above which the market trends (Wilder).</summary>
    public const double TrendAdx = 25;

    /// <summary>ATR percentile at or above which the bar is volatile.</summary>
    public const double VolatilePercentile = 0.9;

    /// <summary>Bandwidth percentile at or below which the bands are squeezed.</summary>
    public const double SqueezePercentile = 0.1;

    private const int Lookback = 100;
    private const int SlopeBars = 5;
    private readonly AverageDirectionalIndex _adx = new(14);
    private readonly AverageTrueRange _atr = new(14);
    private readonly ExponentialMovingAverage _ema = new(50);
    private readonly double[] _atrs = new double[Lookback];
    private readonly double[] _widths = new double[Lookback];
    // The rings' lengths are constants, so a slot is found without a division.
    private const int EmaRing = SlopeBars + 1;
    private readonly double[] _emas = new double[EmaRing];
    private int _atrCount, _emaCount;
    // Bollinger bandwidths are computed from the closes when the bandwidth percentile is read (the strategy needs it at a
    // trending signal, about one bar in 18 on hourly gold), in one batch (BollingerBands.Widths: several windows side by
    // side), not one window per bar: the same widths, bit for bit, for less work. The closes held: the last _pending of them
    // end windows whose widths are not computed yet, and the ones before are kept for those windows (and whole blocks).
    private const int BandPeriod = 20;
    private const double BandDeviations = 2;
    private const int HeldCloses = 256;
    private const int KeptCloses = 64;
    private readonly double[] _closes = new double[HeldCloses];
    private readonly double[] _pendingWidths = new double[HeldCloses];
    private int _closeCount, _pending;
    // Closes seen (up to a window's worth) and closes above zero in a row: a window of closes all above zero has a positive
    // mean, so it has a width (only a zero mean has none), and is counted before it is computed.
    private int _closesSeen, _positiveRun;
    // Widths counted (those pending included) and widths stored in the ring.
    private int _widthCount, _storedCount;
    // The latest bar's ATR and bandwidth (null in their warm-up), and whether the percentiles and regime still have to be
    // computed from them: a percentile is a scan of 100 values, so it is done when first read (the strategy reads it only
    // at a signal), not at every bar; the bandwidth's only when it is read or decides the regime (a trending ADX).
    private double? _latestAtr, _latestWidth;
    private bool _stale, _widthStale;
    private double? _atrPercentile, _bandwidthPercentile;
    private MarketRegime _regime;

    /// <summary>The regime of the latest bar.</summary>
    public MarketRegime Regime
    {
        get
        {
            Refresh();
            return _regime;
        }
    }

    /// <summary>ADX(14) of the latest bar, or null in warm-up.</summary>
    public double? Adx { get; private set; }

    /// <summary>Change of EMA(50) over the last 5 bars, in ATR(14) units (positive rising), or null in warm-up.</summary>
    public double? EmaSlope { get; private set; }

    /// <summary>Mid-rank percentile (0–1) of the latest ATR(14) among the last 100 bars', or null in warm-up.</summary>
    public double? AtrPercentile
    {
        get
        {
            Refresh();
            return _atrPercentile;
        }
    }

    /// <summary>Mid-rank percentile (0–1) of the latest Bollinger bandwidth among the last 100 bars', or null in warm-up.</summary>
    public double? BandwidthPercentile
    {
        get
        {
            AddPendingWidths();
            if (_widthStale)
            {
                _widthStale = false;
                _bandwidthPercentile = _latestWidth is { } w ? Percentile(_widths, _widthCount, w) : null;
            }
            return _bandwidthPercentile;
        }
    }

    /// <summary>Adds one closed bar (points); <see cref="Regime"/> and the measures then describe it.</summary>
    public void Add(in Bar bar)
    {
        var (high, low, close) = ((double)bar.High, (double)bar.Low, (double)bar.Close);
        Adx = _adx.AddAdx(high, low, close);
        var atr = _atr.Add(high, low, close);
        var ema = _ema.Add(close);
        AddClose(close);

        _latestAtr = atr is { } a ? Store(_atrs, ref _atrCount, a) : null;
        _stale = _widthStale = true;
        EmaSlope = null;
        if (ema is { } e)
        {
            _emas[_emaCount % EmaRing] = e;
            _emaCount++;
            if (_emaCount > SlopeBars && atr is > 0)
                EmaSlope = (e - _emas[(_emaCount - 1 - SlopeBars) % EmaRing]) / atr.Value;
        }
    }

    /// <summary>
    /// Holds <paramref name="close"/> for the bandwidth of the window it ends. A window with a close at or below zero may
    /// average exactly zero and have no width, so its width is computed at once; any other is counted and left pending.
    /// </summary>
    private void AddClose(double close)
    {
        if (_closeCount == _closes.Length)
        {
            AddPendingWidths();
            _closes.AsSpan(_closeCount - KeptCloses).CopyTo(_closes);
            _closeCount = KeptCloses;
        }
        _closes[_closeCount++] = close;
        _closesSeen = Math.Min(_closesSeen + 1, BandPeriod);
        _positiveRun = close > 0 ? Math.Min(_positiveRun + 1, BandPeriod) : 0;
        if (_closesSeen < BandPeriod)
            return;
        _pending++;
        if (_positiveRun == BandPeriod)
            _widthCount++;
        else
            AddPendingWidths();
    }

    /// <summary>
    /// Computes the pending bandwidths, oldest first, and stores each in the ring (a missing one is skipped, as
    /// <see cref="BollingerBands"/>' null); the latest becomes the latest bar's.
    /// </summary>
    private void AddPendingWidths()
    {
        if (_pending == 0)
            return;
        var widths = _pendingWidths.AsSpan(0, _pending);
        BollingerBands.Widths(_closes.AsSpan(0, _closeCount), BandPeriod, BandDeviations, widths);
        foreach (var w in widths)
            _latestWidth = double.IsNaN(w) ? null : Store(_widths, ref _storedCount, w);
        (_widthCount, _pending) = (_storedCount, 0);
    }

    /// <summary>Computes the ATR percentile and the regime of the latest bar, once per bar.</summary>
    private void Refresh()
    {
        if (!_stale)
            return;
        _stale = false;
        _atrPercentile = _latestAtr is { } a ? Percentile(_atrs, _atrCount, a) : null;
        _regime = Classify();
    }

    private MarketRegime Classify()
    {
        if (_atrCount < Lookback || _widthCount < Lookback || Adx is not { } adx || EmaSlope is not { } slope)
            return MarketRegime.Unknown;
        if (_atrPercentile >= VolatilePercentile)
            return MarketRegime.Volatile;
        if (adx >= TrendAdx && slope != 0 && BandwidthPercentile > SqueezePercentile)
            return slope > 0 ? MarketRegime.TrendingUp : MarketRegime.TrendingDown;
        return MarketRegime.Ranging;
    }

    /// <summary>Stores <paramref name="value"/> in the ring of <see cref="Lookback"/> values (the oldest makes room) and returns it.</summary>
    private static double Store(double[] ring, ref int count, double value)
    {
        ring[count % Lookback] = value;
        count++;
        return value;
    }

    /// <summary>
    /// The mid-rank percentile of <paramref name="value"/> among the values stored in the ring (<paramref name="count"/> so
    /// far): the share below it plus half the share equal to it (itself included), so a run of equal values sits at the
    /// middle, not at the top.
    /// </summary>
    private static double Percentile(double[] ring, int count, double value)
    {
        var values = ring.AsSpan(0, Math.Min(count, ring.Length));
        // Counted a vector of values at a time (a lane of a vector comparison is −1 where it holds), then the rest one by one.
        var target = new Vector<double>(value);
        Vector<long> belowLanes = Vector<long>.Zero, equalLanes = Vector<long>.Zero;
        var i = 0;
        for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            var lanes = new Vector<double>(values[i..]);
            belowLanes -= Vector.LessThan(lanes, target);
            equalLanes -= Vector.Equals(lanes, target);
        }
        long below = Vector.Sum(belowLanes), equal = Vector.Sum(equalLanes);
        for (; i < values.Length; i++)
        {
            below += values[i] < value ? 1 : 0;
            equal += values[i] == value ? 1 : 0;
        }
        // Whole and half counts are exact in a double, so this is the sum of ones and halves it replaces, bit for bit.
        return (below + 0.5 * equal) / values.Length;
    }

    /// <summary>The regime's name in files and configuration: <c>trending_up</c>, <c>trending_down</c>, <c>ranging</c>, <c>volatile</c>, <c>unknown</c>.</summary>
    public static string Name(MarketRegime regime) => regime switch
    {
        MarketRegime.TrendingUp => "trending_up",
        MarketRegime.TrendingDown => "trending_down",
        MarketRegime.Ranging => "ranging",
        MarketRegime.Volatile => "volatile",
        _ => "unknown",
    };
}
