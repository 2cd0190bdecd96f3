using System.Globalization;
using GoldBot.Indicators;
using Xunit.Abstractions;

namespace GoldBot.Tests.Indicators;

/// <summary>
/// Reproduces the full 502-row baselines (<c>fixtures/indicators/baselines/*.csv</c>, converted from
/// Stock.Indicators' <c>*.standard.json</c>) on default.csv, nulls included, within 1e−9 relative.
/// </summary>
public sealed class BaselineTests(ITestOutputHelper output)
{
    private const double RelativeTolerance = 1e-9;

    // Values this close to 0 are compared absolutely (a relative error is meaningless there).
    private const double AbsoluteFloor = 1e-12;

    public static TheoryData<string> Names() => ["tr", "atr", "smma", "ema", "sma", "rsi", "adx", "bb", "corr", "vwap"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Baseline_is_reproduced_at_every_index(string name)
    {
        var lines = File.ReadAllLines(SharedData.Path($"fixtures/indicators/baselines/{name}.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["index", "date"], header[..2]);

        var actual = Compute(name);
        var columns = header[2..];
        Assert.Equal(columns.Order(), actual.Keys.Order());
        var dates = PriceColumns.Default.Time;
        Assert.Equal(503, lines.Length);

        var worst = 0d;
        var worstAt = "";
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            var index = int.Parse(cells[0], CultureInfo.InvariantCulture);
            Assert.Equal(row - 1, index);
            Assert.Equal(DateTime.Parse(cells[1], CultureInfo.InvariantCulture), dates[index].DateTime);
            for (var c = 0; c < columns.Length; c++)
            {
                var cell = cells[2 + c];
                var value = actual[columns[c]][index];
                if (cell.Length == 0)
                {
                    Assert.True(value is null, $"{name}.{columns[c]}[{index}]: expected null, got {value:R}");
                    continue;
                }
                var expected = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(value is not null, $"{name}.{columns[c]}[{index}]: expected {cell}, got null");
                var diff = Math.Abs(value.Value - expected);
                Assert.True(diff <= RelativeTolerance * Math.Abs(expected) || diff <= AbsoluteFloor,
                    $"{name}.{columns[c]}[{index}]: expected {cell}, got {value.Value:R}");
                var relative = expected == 0 ? diff : diff / Math.Abs(expected);
                if (relative > worst)
                {
                    worst = relative;
                    worstAt = $"{columns[c]}[{index}]";
                }
            }
        }
        output.WriteLine($"{name}: largest relative difference {worst:E2} at {worstAt}");
    }

    [Fact]
    public void Sma20_matches_the_hand_computed_series()
    {
        var lines = File.ReadAllLines(SharedData.Path("fixtures/indicators/manual/sma20.manual.default.csv"));
        Assert.Equal("date,open,high,low,close,volume,sma", lines[0]);
        var sma = SimpleMovingAverage.Series(PriceColumns.Default.Close, 20);
        Assert.Equal(lines.Length - 1, sma.Length);
        for (var i = 0; i < sma.Length; i++)
        {
            var cell = lines[i + 1].Split(',')[6];
            if (cell.Length == 0)
            {
                Assert.Null(sma[i]);
                continue;
            }
            var expected = double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.NotNull(sma[i]);
            Assert.True(Math.Abs(sma[i]!.Value - expected) <= RelativeTolerance * Math.Abs(expected), $"sma[{i}]: expected {cell}, got {sma[i]:R}");
        }
    }

    // Baseline parameters from the fixture README; corr uses A = compare.csv (TSLA), B = default.csv (SPY).
    private static Fields Compute(string name) => name == "corr"
        ? Fields.Of(PearsonCorrelation.Series(PriceColumns.Compare.Time, PriceColumns.Compare.Close, PriceColumns.Default.Time, PriceColumns.Default.Close, 20))
        : IndicatorRuns.Batch(name, IndicatorInput.Default);
}
