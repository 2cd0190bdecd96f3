using GoldBot.Indicators;

namespace GoldBot.Tests.Indicators;

/// <summary>Named output columns of one indicator run, keyed by the Skender/baseline field names.</summary>
internal sealed class Fields : Dictionary<string, double?[]>
{
    public Fields() : base(StringComparer.Ordinal) { }

    public static Fields Of(string name, double?[] values) => new() { [name] = values };

    public static Fields Of(AtrResult[] r) => new()
    {
        ["tr"] = r.Select(x => x.Tr).ToArray(),
        ["atr"] = r.Select(x => x.Atr).ToArray(),
        ["atrp"] = r.Select(x => x.Atrp).ToArray(),
    };

    public static Fields Of(AdxResult[] r) => new()
    {
        ["pdi"] = r.Select(x => x.Pdi).ToArray(),
        ["mdi"] = r.Select(x => x.Mdi).ToArray(),
        ["dx"] = r.Select(x => x.Dx).ToArray(),
        ["adx"] = r.Select(x => x.Adx).ToArray(),
        ["adxr"] = r.Select(x => x.Adxr).ToArray(),
    };

    public static Fields Of(BollingerBandsResult[] r) => new()
    {
        ["sma"] = r.Select(x => x.Sma).ToArray(),
        ["upperBand"] = r.Select(x => x.UpperBand).ToArray(),
        ["lowerBand"] = r.Select(x => x.LowerBand).ToArray(),
        ["percentB"] = r.Select(x => x.PercentB).ToArray(),
        ["zScore"] = r.Select(x => x.ZScore).ToArray(),
        ["width"] = r.Select(x => x.Width).ToArray(),
    };

    public static Fields Of(CorrelationResult[] r) => new()
    {
        ["varianceA"] = r.Select(x => x.VarianceA).ToArray(),
        ["varianceB"] = r.Select(x => x.VarianceB).ToArray(),
        ["covariance"] = r.Select(x => x.Covariance).ToArray(),
        ["correlation"] = r.Select(x => x.Correlation).ToArray(),
        ["rSquared"] = r.Select(x => x.RSquared).ToArray(),
    };
}

/// <summary>
/// Input for the indicator runs: a bar series, a second series aligned with it (series A of the
/// correlation, whose B is the closes) and a start time for the anchored VWAP.
/// </summary>
internal sealed record IndicatorInput(PriceColumns Bars, double[] Other, DateTimeOffset VwapStart)
{
    /// <summary>default.csv, with compare.csv closes as correlation series A (as in the corr baseline).</summary>
    public static IndicatorInput Default => new(PriceColumns.Default, PriceColumns.Compare.Close, PriceColumns.Default.Time[100]);

    /// <summary>The MGC bars, with their volume as correlation series A.</summary>
    public static IndicatorInput Mgc => new(PriceColumns.Mgc, PriceColumns.Mgc.Volume, PriceColumns.Mgc.Time[PriceColumns.Mgc.Count / 2]);

    public static IndicatorInput Named(string name) => name switch
    {
        "default" => Default,
        "mgc" => Mgc,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown data set"),
    };
}

/// <summary>
/// Runs each indicator over a whole series in its batch form and, separately, one bar at a time
/// through its incremental class, producing the same named fields from both.
/// </summary>
internal static class IndicatorRuns
{
    public static readonly string[] Names =
    [
        "tr", "atr", "smma", "ema", "ema-open", "sma", "sma-volume", "rsi", "rsi1", "adx", "bb", "corr",
        "vwap", "vwap-start", "rsi-ema", "tr-smma",
    ];

    public static Fields Batch(string name, IndicatorInput input)
    {
        var c = input.Bars;
        return name switch
        {
            "tr" => Fields.Of("tr", TrueRange.Series(c.High, c.Low, c.Close)),
            "atr" => Fields.Of(AverageTrueRange.Series(c.High, c.Low, c.Close, 14)),
            "smma" => Fields.Of("smma", SmoothedMovingAverage.Series(c.Close, 20)),
            "ema" => Fields.Of("ema", ExponentialMovingAverage.Series(c.Close, 20)),
            "ema-open" => Fields.Of("ema", ExponentialMovingAverage.Series(c.Open, 20)),
            "sma" => Fields.Of("sma", SimpleMovingAverage.Series(c.Close, 20)),
            "sma-volume" => Fields.Of("sma", SimpleMovingAverage.Series(c.Volume, 20)),
            "rsi" => Fields.Of("rsi", RelativeStrengthIndex.Series(c.Close, 14)),
            "rsi1" => Fields.Of("rsi", RelativeStrengthIndex.Series(c.Close, 1)),
            "adx" => Fields.Of(AverageDirectionalIndex.Series(c.High, c.Low, c.Close, 14)),
            "bb" => Fields.Of(BollingerBands.Series(c.Close, 20, 2)),
            "corr" => Fields.Of(PearsonCorrelation.Series(c.Time, input.Other, c.Time, c.Close, 20)),
            "vwap" => Fields.Of("vwap", VolumeWeightedAveragePrice.Series(c.Time, c.High, c.Low, c.Close, c.Volume)),
            "vwap-start" => Fields.Of("vwap", VolumeWeightedAveragePrice.Series(c.Time, c.High, c.Low, c.Close, c.Volume, input.VwapStart)),
            "rsi-ema" => Fields.Of("ema", ExponentialMovingAverage.Series(PriceColumns.Chain(RelativeStrengthIndex.Series(c.Close, 14)), 20)),
            "tr-smma" => Fields.Of("smma", SmoothedMovingAverage.Series(PriceColumns.Chain(TrueRange.Series(c.High, c.Low, c.Close)), 14)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown indicator run"),
        };
    }

    public static Fields Incremental(string name, IndicatorInput input)
    {
        var c = input.Bars;
        var n = c.Count;
        switch (name)
        {
            case "tr":
            {
                var tr = new TrueRange();
                return Fields.Of("tr", Each(n, i => Checked(tr.Add(c.High[i], c.Low[i], c.Close[i]), tr.Value)));
            }
            case "atr":
            {
                var atr = new AverageTrueRange(14);
                var f = new Fields { ["tr"] = new double?[n], ["atr"] = new double?[n], ["atrp"] = new double?[n] };
                for (var i = 0; i < n; i++)
                {
                    f["atr"][i] = Checked(atr.Add(c.High[i], c.Low[i], c.Close[i]), atr.Value);
                    f["tr"][i] = atr.TrueRange;
                    f["atrp"][i] = atr.Percent;
                }
                return f;
            }
            case "smma":
                return Fields.Of("smma", Each(new SmoothedMovingAverage(20), c.Close));
            case "ema":
                return Fields.Of("ema", Each(new ExponentialMovingAverage(20), c.Close));
            case "ema-open":
                return Fields.Of("ema", Each(new ExponentialMovingAverage(20), c.Open));
            case "sma":
                return Fields.Of("sma", Each(new SimpleMovingAverage(20), c.Close));
            case "sma-volume":
                return Fields.Of("sma", Each(new SimpleMovingAverage(20), c.Volume));
            case "rsi":
                return Fields.Of("rsi", Each(new RelativeStrengthIndex(14), c.Close));
            case "rsi1":
                return Fields.Of("rsi", Each(new RelativeStrengthIndex(1), c.Close));
            case "adx":
            {
                var adx = new AverageDirectionalIndex(14);
                var adxOnly = new AverageDirectionalIndex(14);
                var r = new AdxResult[n];
                for (var i = 0; i < n; i++)
                {
                    r[i] = CheckedValue(adx.Add(c.High[i], c.Low[i], c.Close[i]), adx.Value);
                    // The ADX alone (the regime classifier's path) is the full result's, bit for bit.
                    Assert.Equal(r[i].Adx, adxOnly.AddAdx(c.High[i], c.Low[i], c.Close[i]));
                }
                return Fields.Of(r);
            }
            case "bb":
            {
                var bb = new BollingerBands(20, 2);
                var widths = new BollingerBands(20, 2);
                var r = new BollingerBandsResult[n];
                for (var i = 0; i < n; i++)
                {
                    r[i] = CheckedValue(bb.Add(c.Close[i]), bb.Value);
                    // The bandwidth alone (the regime classifier's path) is the full result's, bit for bit.
                    Assert.Equal(r[i].Width, widths.AddWidth(c.Close[i]));
                    Assert.Equal(r[i].Width, bb.Width);
                }
                // The batch of every window's width (the regime classifier's path) is the full result's, bit for bit.
                var batch = new double[Math.Max(n - 19, 0)];
                BollingerBands.Widths(c.Close, 20, 2, batch);
                for (var i = 19; i < n; i++)
                    Assert.Equal(r[i].Width, double.IsNaN(batch[i - 19]) ? null : batch[i - 19]);
                return Fields.Of(r);
            }
            case "corr":
            {
                var corr = new PearsonCorrelation(20);
                var r = new CorrelationResult[n];
                for (var i = 0; i < n; i++)
                    r[i] = CheckedValue(corr.Add(input.Other[i], c.Close[i]), corr.Value);
                return Fields.Of(r);
            }
            case "vwap":
            case "vwap-start":
            {
                var vwap = new VolumeWeightedAveragePrice(name == "vwap" ? null : input.VwapStart);
                return Fields.Of("vwap", Each(n, i => Checked(vwap.Add(c.Time[i], c.High[i], c.Low[i], c.Close[i], c.Volume[i]), vwap.Value)));
            }
            case "rsi-ema":
            {
                var rsi = new RelativeStrengthIndex(14);
                var ema = new ExponentialMovingAverage(20);
                return Fields.Of("ema", Each(n, i => Checked(ema.Add(rsi.Add(c.Close[i]) ?? double.NaN), ema.Value)));
            }
            case "tr-smma":
            {
                var tr = new TrueRange();
                var smma = new SmoothedMovingAverage(14);
                return Fields.Of("smma", Each(n, i => Checked(smma.Add(tr.Add(c.High[i], c.Low[i], c.Close[i]) ?? double.NaN), smma.Value)));
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "unknown indicator run");
        }
    }

    private static double?[] Each(int count, Func<int, double?> add)
    {
        var result = new double?[count];
        for (var i = 0; i < count; i++)
            result[i] = add(i);
        return result;
    }

    private static double?[] Each(SimpleMovingAverage x, double[] values) => Each(values.Length, i => Checked(x.Add(values[i]), x.Value));

    private static double?[] Each(ExponentialMovingAverage x, double[] values) => Each(values.Length, i => Checked(x.Add(values[i]), x.Value));

    private static double?[] Each(SmoothedMovingAverage x, double[] values) => Each(values.Length, i => Checked(x.Add(values[i]), x.Value));

    private static double?[] Each(RelativeStrengthIndex x, double[] values) => Each(values.Length, i => Checked(x.Add(values[i]), x.Value));

    // The Value property must repeat what Add returned.
    private static double? Checked(double? returned, double? value)
    {
        if (!Nullable.Equals(returned, value))
            throw new InvalidOperationException($"Value {value} differs from Add's result {returned}");
        return returned;
    }

    private static T CheckedValue<T>(T returned, T value) where T : struct, IEquatable<T>
    {
        if (!returned.Equals(value))
            throw new InvalidOperationException($"Value {value} differs from Add's result {returned}");
        return returned;
    }
}
