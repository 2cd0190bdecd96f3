using GoldBot.Indicators;

namespace GoldBot.Tests.Indicators;

/// <summary>
/// Bad lookbacks, degenerate data (zeros.csv, bad.csv, the ADX NaN regression file), correlation
/// alignment, input validation, the bar-list overloads and the incremental forms' steady-state
/// allocation.
/// </summary>
public sealed class IndicatorEdgeCaseTests
{
    private static readonly double[] Empty = [];

    [Fact]
    public void Bad_lookbacks_throw_where_skender_throws()
    {
        // ATR, ADX and Bollinger need n > 1; EMA, SMA, SMMA, RSI and correlation need n > 0.
        foreach (var n in new[] { 1, 0, -1 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new AverageTrueRange(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => AverageTrueRange.Series(Empty, Empty, Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => new AverageDirectionalIndex(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => AverageDirectionalIndex.Series(Empty, Empty, Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => BollingerBands.Series(Empty, n));
        }
        foreach (var n in new[] { 0, -1 })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialMovingAverage.Series(Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => ExponentialMovingAverage.Increment(n, 1, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => SimpleMovingAverage.Series(Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => new SmoothedMovingAverage(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => SmoothedMovingAverage.Series(Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => RelativeStrengthIndex.Series(Empty, n));
            Assert.Throws<ArgumentOutOfRangeException>(() => new PearsonCorrelation(n));
            Assert.Throws<ArgumentOutOfRangeException>(() => PearsonCorrelation.Series([], Empty, [], Empty, n));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BollingerBands.Series(Empty, 20, double.NaN));
    }

    [Fact]
    public void Smallest_valid_lookbacks_are_accepted()
    {
        var c = PriceColumns.Default;
        Assert.Equal(501, AverageTrueRange.Series(c.High, c.Low, c.Close, 2).Count(r => r.Tr.HasValue));
        Assert.Equal(502 - 3, AverageDirectionalIndex.Series(c.High, c.Low, c.Close, 2).Count(r => r.Adx.HasValue));
        Assert.Equal(501, BollingerBands.Series(c.Close, 2).Count(r => r.Sma.HasValue));
        Assert.Equal(c.Close.Select(x => (double?)x), ExponentialMovingAverage.Series(c.Close, 1));
        Assert.Equal(c.Close.Select(x => (double?)x), SimpleMovingAverage.Series(c.Close, 1));
        Assert.Equal(c.Close.Select(x => (double?)x), SmoothedMovingAverage.Series(c.Close, 1));
        Assert.Equal(501, RelativeStrengthIndex.Series(c.Close, 1).Count(v => v.HasValue));
        // A one-pair window has zero variance: the moments exist, r does not.
        var corr = PearsonCorrelation.Series(c.Time, c.Close, c.Time, c.Close, 1);
        Assert.All(corr, r => Assert.Equal(0, r.VarianceA));
        Assert.All(corr, r => Assert.Null(r.Correlation));
    }

    public static TheoryData<string> DegenerateFiles() => ["zeros.csv", "bad.csv", "_issue0859.adx.nan.csv"];

    [Theory]
    [MemberData(nameof(DegenerateFiles))]
    public void Degenerate_data_gives_no_NaN_in_either_form(string file)
    {
        var columns = PriceColumns.From(file, QuoteFile.Sorted(file));
        var input = new IndicatorInput(columns, columns.Open, columns.Time[columns.Count / 2]);
        foreach (var name in IndicatorRuns.Names)
        {
            foreach (var fields in new[] { IndicatorRuns.Batch(name, input), IndicatorRuns.Incremental(name, input) })
            {
                foreach (var (field, values) in fields)
                {
                    Assert.Equal(columns.Count, values.Length);
                    Assert.False(values.Any(v => v is { } x && double.IsNaN(x)), $"{file} {name}.{field} holds NaN");
                }
            }
        }
    }

    [Fact]
    public void All_zero_bars_leave_ratio_indicators_undefined()
    {
        var z = PriceColumns.From("zeros", QuoteFile.Sorted("zeros.csv"));
        Assert.Equal(200, z.Count);
        // Smoothed TR is 0 on every bar: the whole ADX row is null (Skender), not 0 or NaN.
        Assert.All(AverageDirectionalIndex.Series(z.High, z.Low, z.Close, 14), r => Assert.Equal(default, r));
        // Cumulative volume stays 0: VWAP is null throughout.
        Assert.All(VolumeWeightedAveragePrice.Series(z.Time, z.High, z.Low, z.Close, z.Volume), v => Assert.Null(v));
        // Flat prices: σ = 0 and SMA = 0, so %B, z-score and width are null while the bands are 0.
        var bb = BollingerBands.Series(z.Close, 20)[19];
        Assert.Equal(new BollingerBandsResult(0, 0, 0, null, null, null), bb);
        // Flat window: 0/0 at the seed is null, after that average loss 0 gives 100.
        var rsi = RelativeStrengthIndex.Series(z.Close, 14);
        Assert.Null(rsi[14]);
        Assert.All(rsi[15..], v => Assert.Equal(100, v));
        Assert.All(PearsonCorrelation.Series(z.Time, z.Close, z.Time, z.Close, 20)[19..], r => Assert.Null(r.Correlation));
    }

    [Fact]
    public void Correlation_requires_the_same_dates_and_count()
    {
        var d = PriceColumns.Default;
        var mismatch = PriceColumns.From("mismatch", QuoteFile.Read("mismatch.csv"));
        Assert.Equal(d.Count, mismatch.Count);
        var shuffled = Assert.Throws<ArgumentException>(() => PearsonCorrelation.Series(mismatch.Time, mismatch.Close, d.Time, d.Close, 20));
        Assert.Contains("same time", shuffled.Message, StringComparison.Ordinal);
        var shorter = Assert.Throws<ArgumentException>(() => PearsonCorrelation.Series(d.Time, d.Close, d.Time[1..], d.Close[1..], 20));
        Assert.Contains("same count", shorter.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PearsonCorrelation.Series(d.Time, d.Close[1..], d.Time, d.Close, 20));
        var bars = PriceColumns.MgcBars;
        Assert.Throws<ArgumentException>(() => PearsonCorrelation.Series(bars, bars.Skip(1).ToList(), 20));
        Assert.Throws<ArgumentException>(() => PearsonCorrelation.Series(bars.Take(100).ToList(), bars.Skip(1).Take(100).ToList(), 20));
    }

    [Fact]
    public void Bar_columns_of_different_lengths_throw()
    {
        var d = PriceColumns.Default;
        var shortLow = d.Low[1..];
        Assert.Throws<ArgumentException>(() => TrueRange.Series(d.High, shortLow, d.Close));
        Assert.Throws<ArgumentException>(() => AverageTrueRange.Series(d.High, shortLow, d.Close, 14));
        Assert.Throws<ArgumentException>(() => AverageDirectionalIndex.Series(d.High, d.Low, d.Close[1..], 14));
        Assert.Throws<ArgumentException>(() => VolumeWeightedAveragePrice.Series(d.Time, d.High, d.Low, d.Close, d.Volume[1..]));
    }

    [Fact]
    public void Empty_input_gives_empty_output()
    {
        Assert.Empty(TrueRange.Series(Empty, Empty, Empty));
        Assert.Empty(AverageTrueRange.Series(Empty, Empty, Empty, 14));
        Assert.Empty(AverageDirectionalIndex.Series(Empty, Empty, Empty, 14));
        Assert.Empty(SimpleMovingAverage.Series(Empty, 20));
        Assert.Empty(ExponentialMovingAverage.Series(Empty, 20));
        Assert.Empty(SmoothedMovingAverage.Series(Empty, 20));
        Assert.Empty(RelativeStrengthIndex.Series(Empty, 14));
        Assert.Empty(BollingerBands.Series(Empty, 20));
        Assert.Empty(PearsonCorrelation.Series([], Empty, [], Empty, 20));
        Assert.Empty(VolumeWeightedAveragePrice.Series([], Empty, Empty, Empty, Empty));
    }

    [Fact]
    public void Bar_list_overloads_equal_the_column_forms()
    {
        var bars = PriceColumns.MgcBars;
        var c = PriceColumns.Mgc;
        Assert.Equal(TrueRange.Series(c.High, c.Low, c.Close), TrueRange.Series(bars));
        Assert.Equal(AverageTrueRange.Series(c.High, c.Low, c.Close, 14), AverageTrueRange.Series(bars, 14));
        Assert.Equal(AverageDirectionalIndex.Series(c.High, c.Low, c.Close, 14), AverageDirectionalIndex.Series(bars, 14));
        Assert.Equal(PearsonCorrelation.Series(c.Time, c.Close, c.Time, c.Close, 20), PearsonCorrelation.Series(bars, bars, 20));
        var start = c.Time[5000];
        Assert.Equal(VolumeWeightedAveragePrice.Series(c.Time, c.High, c.Low, c.Close, c.Volume, start), VolumeWeightedAveragePrice.Series(bars, start));
    }

    [Fact]
    public void Vwap_is_null_before_the_start_and_while_volume_is_zero()
    {
        var t0 = new DateTimeOffset(2025, 12, 1, 14, 30, 0, TimeSpan.Zero);
        var vwap = new VolumeWeightedAveragePrice(t0.AddMinutes(3));
        Assert.Null(vwap.Add(t0, 10, 8, 9, 100));
        Assert.Null(vwap.Add(t0.AddMinutes(3), 10, 8, 9, 0));
        Assert.Equal(11, vwap.Add(t0.AddMinutes(6), 12, 10, 11, 50));
        Assert.Equal((11 * 50 + 14 * 150) / 200d, vwap.Add(t0.AddMinutes(9), 15, 13, 14, 150));
        Assert.Equal(t0.AddMinutes(3), vwap.Start);

        var fromFirst = new VolumeWeightedAveragePrice();
        Assert.Null(fromFirst.Start);
        fromFirst.Add(t0, 10, 8, 9, 100);
        Assert.Equal(t0, fromFirst.Start);
    }

    [Fact]
    public void A_missing_input_restarts_the_chained_indicators()
    {
        double[] values = [1, 2, 3, double.NaN, 5, 6, 7, 8];
        var expectedSma = new double?[] { null, null, 2, null, null, null, 6, 7 };
        Assert.Equal(expectedSma, SimpleMovingAverage.Series(values, 3));
        var incrementalSma = new SimpleMovingAverage(3);
        Assert.Equal(expectedSma, values.Select(v => incrementalSma.Add(v)).ToArray());
        var ema = ExponentialMovingAverage.Series(values, 3);
        Assert.Equal([null, null, 2, null, null, null, 6, 6 + 0.5 * (8 - 6)], ema);
        var incremental = new ExponentialMovingAverage(3);
        Assert.Equal(ema, values.Select(v => incremental.Add(v)).ToArray());
        var rsi = RelativeStrengthIndex.Series(values, 2);
        Assert.Equal([null, null, 100, null, null, null, 100, 100], rsi);
        var incrementalRsi = new RelativeStrengthIndex(2);
        Assert.Equal(rsi, values.Select(v => incrementalRsi.Add(v)).ToArray());
    }

    [Fact]
    public void Incremental_forms_do_not_allocate_per_bar()
    {
        Assert.Equal(0, ThreadAllocation.Fewest(SteadyStateAllocation));
    }

    /// <summary>Bytes a fresh set of indicators allocates on this thread after 100 bars, over the rest of the MGC bars.</summary>
    private static long SteadyStateAllocation()
    {
        var c = PriceColumns.Mgc;
        var tr = new TrueRange();
        var atr = new AverageTrueRange(14);
        var smma = new SmoothedMovingAverage(14);
        var ema = new ExponentialMovingAverage(20);
        var sma = new SimpleMovingAverage(20);
        var rsi = new RelativeStrengthIndex(14);
        var adx = new AverageDirectionalIndex(14);
        var bb = new BollingerBands(20, 2);
        var corr = new PearsonCorrelation(20);
        var vwap = new VolumeWeightedAveragePrice();

        void Run(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                tr.Add(c.High[i], c.Low[i], c.Close[i]);
                atr.Add(c.High[i], c.Low[i], c.Close[i]);
                smma.Add(c.Close[i]);
                ema.Add(c.Close[i]);
                sma.Add(c.Close[i]);
                rsi.Add(c.Close[i]);
                adx.Add(c.High[i], c.Low[i], c.Close[i]);
                bb.Add(c.Close[i]);
                corr.Add(c.Close[i], c.Volume[i]);
                vwap.Add(c.Time[i], c.High[i], c.Low[i], c.Close[i], c.Volume[i]);
            }
        }

        Run(0, 100); // past every warm-up, and every method has run once
        var allocated = ThreadAllocation.During(() => Run(100, c.Count));
        Assert.NotNull(adx.Value.Adxr);
        return allocated;
    }
}
