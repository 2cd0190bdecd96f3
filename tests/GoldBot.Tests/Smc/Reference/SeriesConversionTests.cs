using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// Bars come through BarCsvReader as decimal; pandas parses the same text straight to float64.
/// The port converts with (double)decimal, which must give the identical double for every value.
/// </summary>
public sealed class SeriesConversionTests
{
    [Theory]
    [InlineData("EURUSD_15M.csv", "Open", "High", "Low", "Close")]
    [InlineData("extra/tiny3_input.csv", "open", "high", "low", "close")]
    public void Decimal_to_double_equals_double_Parse_of_the_csv_text(string file, string open, string high, string low, string close)
    {
        var series = file.StartsWith("extra/", StringComparison.Ordinal) ? SmcFixtures.Tiny3 : SmcFixtures.EurUsd;
        var columns = new[] { (open, series.Open.ToArray()), (high, series.High.ToArray()), (low, series.Low.ToArray()), (close, series.Close.ToArray()) };
        foreach (var (name, converted) in columns)
        {
            var parsed = SmcFixtures.Column(file, name);
            Assert.Equal(parsed.Length, converted.Length);
            for (var i = 0; i < parsed.Length; i++)
            {
                if (BitConverter.DoubleToInt64Bits(parsed[i]) != BitConverter.DoubleToInt64Bits(converted[i]))
                    Assert.Fail($"{file} {name} row {i}: double.Parse {parsed[i]:R}, (double)decimal {converted[i]:R}");
            }
        }
    }

    [Fact]
    public void Series_keeps_bar_times_in_utc_and_volume()
    {
        var series = SmcFixtures.EurUsd;
        Assert.Equal(24_424, series.Count);
        Assert.True(series.HasTimes);
        Assert.Equal(new DateTime(2022, 10, 10, 0, 0, 0, DateTimeKind.Utc), series.Times[0]);
        Assert.Equal(new DateTime(2023, 10, 2, 6, 45, 0, DateTimeKind.Utc), series.Times[^1]);
        Assert.Equal(0, series.Volume[0]);
        Assert.False(SmcFixtures.Tiny3.HasTimes);
        Assert.Equal([5.0, 6.0, 7.0], SmcFixtures.Tiny3.Volume.ToArray());
    }

    [Fact]
    public void Time_needing_functions_refuse_a_series_without_times()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PreviousHighLow.Compute(SmcFixtures.Tiny3, "1D"));
        Assert.Contains("time", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Sessions.Compute(SmcFixtures.Tiny3, "London"));
    }
}
