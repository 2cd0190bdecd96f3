using System.Collections.Concurrent;
using System.Globalization;
using GoldBot.Indicators;

namespace GoldBot.Tests.Indicators;

/// <summary>
/// Reproduces, one theory case per row, every assertion of <c>expected.csv</c> that belongs to TR,
/// ATR, SMMA (TR → SMMA), EMA, SMA, RSI, ADX, Bollinger Bands, correlation and VWAP, including their
/// chained rows. Values use the fixture README's rule <c>|actual − expected| ≤ 0.5·10^−d + 1e−12</c>
/// for roundN and exact equality for exact; counts and flags are exact.
/// </summary>
public sealed class ExpectedValueTests
{
    // The rows of these indicators are in scope; the others (Fractal, Pivots, ZigZag) are not.
    private static readonly HashSet<string> InScope =
    [
        "TR", "ATR", "ATR->SMA", "TR->SMMA", "EMA", "RSI->EMA", "SMA->EMA", "EMA->SMA", "EMA.Increment",
        "SMA", "Correlation", "SMA->Correlation", "RSI", "SMA->RSI", "RSI->SMA", "ADX", "ADX->SMA",
        "BollingerBands", "SMA->BollingerBands", "BollingerBands->SMA", "VWAP", "VWAP->SMA",
    ];

    private static readonly ConcurrentDictionary<string, Outcome> Outcomes = new();

    public static TheoryData<int, string> Rows()
    {
        var data = new TheoryData<int, string>();
        foreach (var row in ExpectedRow.All.Where(r => InScope.Contains(r.Indicator)))
            data.Add(row.Line, row.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_is_reproduced(int line, string description)
    {
        var row = ExpectedRow.All.Single(r => r.Line == line);
        Assert.Equal(description, row.ToString());
        var outcome = Outcomes.GetOrAdd($"{row.Indicator}|{row.Params}|{row.Dataset}", _ => Compute(row));

        if (row.Index == "*")
        {
            CheckAggregate(row, outcome);
            return;
        }

        var index = row.Index == "-" ? 0 : int.Parse(row.Index, CultureInfo.InvariantCulture);
        if (row.Date.Length > 0)
        {
            Assert.NotNull(outcome.Times);
            Assert.Equal(DateTime.Parse(row.Date, CultureInfo.InvariantCulture), outcome.Times[index].DateTime);
        }
        CheckValue(row, outcome.Fields[row.Field][index]);
    }

    [Fact]
    public void Every_row_left_out_belongs_to_fractal_pivots_or_zigzag()
    {
        var all = ExpectedRow.All;
        Assert.Equal(310, all.Count);
        var inScope = all.Count(r => InScope.Contains(r.Indicator));
        Assert.Equal(156, inScope);
        var others = all.Where(r => !InScope.Contains(r.Indicator)).Select(r => r.Indicator).Distinct().Order().ToArray();
        Assert.Equal(["Fractal", "Pivots", "ZigZag", "ZigZag->SMA"], others);
    }

    private static void CheckValue(ExpectedRow row, double? actual)
    {
        switch (row.Compare)
        {
            case "null":
                Assert.Equal("null", row.Expected);
                Assert.Null(actual);
                break;
            case "notnull":
                Assert.NotNull(actual);
                Assert.False(double.IsNaN(actual.Value));
                break;
            case "exact":
                Assert.NotNull(actual);
                Assert.Equal(Number(row.Expected), actual.Value);
                break;
            case var round when round.StartsWith("round", StringComparison.Ordinal):
                var digits = int.Parse(round["round".Length..], CultureInfo.InvariantCulture);
                var expected = Number(row.Expected);
                var tolerance = 0.5 * Math.Pow(10, -digits) + 1e-12;
                Assert.NotNull(actual);
                Assert.True(Math.Abs(actual.Value - expected) <= tolerance,
                    $"{row}: actual {actual.Value:R}, |diff| {Math.Abs(actual.Value - expected):E3} > {tolerance:E3}");
                break;
            default:
                throw new InvalidOperationException($"{row}: unknown compare mode '{row.Compare}'");
        }
    }

    private static void CheckAggregate(ExpectedRow row, Outcome outcome)
    {
        Assert.Equal("count/flag", row.Compare);
        var field = row.Field;
        if (field == "count(rows)")
        {
            Assert.Equal(Count(row), outcome.Rows);
        }
        else if (field == "count_nonnull(each field)")
        {
            Assert.NotEmpty(outcome.Fields);
            foreach (var (name, values) in outcome.Fields)
                Assert.True(Count(row) == values.Count(v => v.HasValue), $"{row}: field {name} has {values.Count(v => v.HasValue)} non-null");
        }
        else if (field.StartsWith("count_nonnull(", StringComparison.Ordinal))
        {
            var name = field["count_nonnull(".Length..^1];
            Assert.Equal(Count(row), outcome.Fields[name].Count(v => v.HasValue));
        }
        else if (field.StartsWith("count_after_RemoveWarmupPeriods", StringComparison.Ordinal))
        {
            Assert.NotNull(outcome.Removed);
            Assert.Equal(Count(row), outcome.Rows - outcome.Removed.Value);
        }
        else if (field == "count(adx is NaN)")
        {
            Assert.Equal(Count(row), outcome.Fields["adx"].Count(v => v is { } x && double.IsNaN(x)));
        }
        else if (field.StartsWith("equals ", StringComparison.Ordinal))
        {
            Assert.Equal("true", row.Expected);
            Assert.True(outcome.Flag);
        }
        else
        {
            throw new InvalidOperationException($"{row}: unknown aggregate '{field}'");
        }
    }

    private static int Count(ExpectedRow row) => int.Parse(row.Expected, CultureInfo.InvariantCulture);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>What one (indicator, params, dataset) produces: the rows, the named fields and the extras the aggregates need.</summary>
    private sealed record Outcome(int Rows, Fields Fields, DateTimeOffset[]? Times, int? Removed = null, bool? Flag = null);

    private static Outcome Compute(ExpectedRow row)
    {
        var d = Dataset(row.Dataset);
        return $"{row.Indicator}|{row.Params}" switch
        {
            "TR|-" => Of(d, Fields.Of("tr", TrueRange.Series(d!.High, d.Low, d.Close))),
            "ATR|lookback=14" => Of(d, Fields.Of(AverageTrueRange.Series(d!.High, d.Low, d.Close, 14)), AverageTrueRange.WarmupPeriods(14)),
            "ATR->SMA|atr lookback=10; sma lookback=10 over ATR" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(AverageTrueRange.Series(d!.High, d.Low, d.Close, 10).Select(x => x.Atr).ToArray()), 10))),
            "TR->SMMA|smma lookback=14 over TR" => TrSmmaEqualsAtr(d!),
            "EMA|lookback=20 (Close)" => Of(d, Fields.Of("ema", ExponentialMovingAverage.Series(d!.Close, 20)), ExponentialMovingAverage.WarmupPeriods(20)),
            "EMA|lookback=20 (Open)" => Of(d, Fields.Of("ema", ExponentialMovingAverage.Series(d!.Open, 20))),
            "RSI->EMA|rsi lookback=14; ema lookback=20 over RSI" => Of(d, Fields.Of("ema", ExponentialMovingAverage.Series(
                PriceColumns.Chain(RelativeStrengthIndex.Series(d!.Close, 14)), 20))),
            "SMA->EMA|sma lookback=2; ema lookback=20" => Of(d, Fields.Of("ema", ExponentialMovingAverage.Series(
                PriceColumns.Chain(SimpleMovingAverage.Series(d!.Close, 2)), 20))),
            "SMA->EMA|sma lookback=10; ema lookback=10" => Of(d, Fields.Of("ema", ExponentialMovingAverage.Series(
                PriceColumns.Chain(SimpleMovingAverage.Series(d!.Close, 10)), 10))),
            "EMA->SMA|ema lookback=20; sma lookback=10" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(ExponentialMovingAverage.Series(d!.Close, 20)), 10))),
            "EMA.Increment|lookback=20, lastEma=217.5693, newValue=222.10" =>
                new Outcome(1, Fields.Of("ema", [ExponentialMovingAverage.Increment(20, 217.5693, 222.10)]), null),
            "SMA|lookback=20 (Close)" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(d!.Close, 20)), SimpleMovingAverage.WarmupPeriods(20)),
            "SMA|lookback=20 (Open)" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(d!.Open, 20))),
            "SMA|lookback=20 (Volume)" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(d!.Volume, 20))),
            "Correlation|lookback=20; A=default.csv Close, B=compare.csv Close" => Of(d, Fields.Of(PearsonCorrelation.Series(
                d!.Time, d.Close, PriceColumns.Compare.Time, PriceColumns.Compare.Close, 20)), PearsonCorrelation.WarmupPeriods(20)),
            "SMA->Correlation|sma lookback=2 on both; corr lookback=20" => Of(d, Fields.Of(PearsonCorrelation.Series(
                d!.Time, PriceColumns.Chain(SimpleMovingAverage.Series(d.Close, 2)),
                PriceColumns.Compare.Time, PriceColumns.Chain(SimpleMovingAverage.Series(PriceColumns.Compare.Close, 2)), 20))),
            "RSI|lookback=14 (Close)" => Of(d, Fields.Of("rsi", RelativeStrengthIndex.Series(d!.Close, 14)), RelativeStrengthIndex.WarmupPeriods(14)),
            "RSI|lookback=1 (Close)" => Of(d, Fields.Of("rsi", RelativeStrengthIndex.Series(d!.Close, 1))),
            "SMA->RSI|sma lookback=2; rsi lookback=14" => Of(d, Fields.Of("rsi", RelativeStrengthIndex.Series(
                PriceColumns.Chain(SimpleMovingAverage.Series(d!.Close, 2)), 14))),
            "RSI->SMA|rsi lookback=14; sma lookback=10" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(RelativeStrengthIndex.Series(d!.Close, 14)), 10))),
            "ADX|lookback=14" => Of(d, Fields.Of(AverageDirectionalIndex.Series(d!.High, d.Low, d.Close, 14)), AverageDirectionalIndex.WarmupPeriods(14)),
            "ADX->SMA|adx lookback=14; sma lookback=10" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(AverageDirectionalIndex.Series(d!.High, d.Low, d.Close, 14).Select(x => x.Adx).ToArray()), 10))),
            "BollingerBands|lookback=20, stdDevs=2 (Close)" => Of(d, Fields.Of(BollingerBands.Series(d!.Close, 20, 2)), BollingerBands.WarmupPeriods(20)),
            "SMA->BollingerBands|sma lookback=2; bb 20,2" => Of(d, Fields.Of(BollingerBands.Series(
                PriceColumns.Chain(SimpleMovingAverage.Series(d!.Close, 2)), 20, 2))),
            "BollingerBands->SMA|bb 20,2 (sma field); sma lookback=10" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(BollingerBands.Series(d!.Close, 20, 2).Select(x => x.Sma).ToArray()), 10))),
            "VWAP|startDate=none (cumulative from first bar; typical price (H+L+C)/3)" => Vwap(d!, null),
            "VWAP|startDate=2020-12-15 10:00" => Vwap(d!, new DateTimeOffset(2020, 12, 15, 10, 0, 0, TimeSpan.Zero)),
            "VWAP->SMA|vwap (no start); sma lookback=10" => Of(d, Fields.Of("sma", SimpleMovingAverage.Series(
                PriceColumns.Chain(VolumeWeightedAveragePrice.Series(d!.Time, d.High, d.Low, d.Close, d.Volume)), 10))),
            var key => throw new InvalidOperationException($"{row}: no computation for '{key}'"),
        };
    }

    private static Outcome Of(PriceColumns? d, Fields fields, int? removed = null) => new(d!.Count, fields, d.Time, removed);

    private static Outcome TrSmmaEqualsAtr(PriceColumns d)
    {
        var smma = SmoothedMovingAverage.Series(PriceColumns.Chain(TrueRange.Series(d.High, d.Low, d.Close)), 14);
        var atr = AverageTrueRange.Series(d.High, d.Low, d.Close, 14).Select(x => x.Atr).ToArray();
        return new Outcome(d.Count, Fields.Of("smma", smma), d.Time, Flag: smma.SequenceEqual(atr));
    }

    // Skender's RemoveWarmupPeriods for VWAP drops the leading nulls (the bars before startDate).
    private static Outcome Vwap(PriceColumns d, DateTimeOffset? start)
    {
        var vwap = VolumeWeightedAveragePrice.Series(d.Time, d.High, d.Low, d.Close, d.Volume, start);
        var firstValue = Array.FindIndex(vwap, v => v.HasValue);
        return new Outcome(d.Count, Fields.Of("vwap", vwap), d.Time, firstValue < 0 ? d.Count : firstValue);
    }

    private static PriceColumns? Dataset(string text) => text switch
    {
        _ when text.StartsWith("default.csv", StringComparison.Ordinal) => PriceColumns.Default,
        _ when text.StartsWith("_issue0859.adx.nan.csv", StringComparison.Ordinal) => PriceColumns.From("issue0859", QuoteFile.Sorted("_issue0859.adx.nan.csv")),
        _ when text.StartsWith("zeros.csv", StringComparison.Ordinal) => PriceColumns.From("zeros", QuoteFile.Sorted("zeros.csv")),
        _ when text.StartsWith("intraday.csv first 391", StringComparison.Ordinal) => PriceColumns.From("intraday391", QuoteFile.Intraday391),
        "(scalar)" => null,
        _ => throw new InvalidOperationException($"unknown data set '{text}'"),
    };
}
