using GoldBot.Backtesting.Report;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>Choosing and applying the price chart's candle step for large runs.</summary>
public sealed class ChartResolutionTests
{
    private static readonly DateTimeOffset Start = new(2025, 12, 2, 14, 30, 0, TimeSpan.Zero);

    private static List<ReportCandle> Minutes(int count) =>
        Enumerable.Range(0, count).Select(i => new ReportCandle(Start.AddMinutes(i), 100m + i, 100.5m + i, 99.5m + i, 100.25m + i)).ToList();

    [Fact]
    public void Candles_under_the_limit_are_shown_as_given()
    {
        var candles = Minutes(40);

        var resolution = ChartResolution.Choose(candles, 40);

        Assert.False(resolution.IsAggregated);
        Assert.Same(candles, resolution.Aggregate(candles));
    }

    [Fact]
    public void Over_the_limit_the_finest_step_that_fits_is_chosen_and_candles_merge_OHLC()
    {
        var candles = Minutes(100);

        var resolution = ChartResolution.Choose(candles, 40);
        var chart = resolution.Aggregate(candles);

        // 1 minute gives 100 candles, 3 minutes 34 (14:30 is on the 3-minute grid).
        Assert.Equal(new ChartResolution(TimeSpan.FromMinutes(3), 100, 34), resolution);
        Assert.Equal(34, chart.Count);
        Assert.Equal(new ReportCandle(Start, 100m, 102.5m, 99.5m, 102.25m), chart[0]);
        Assert.Equal(new ReportCandle(Start.AddMinutes(99), 199m, 199.5m, 198.5m, 199.25m), chart[^1]);
    }

    [Fact]
    public void A_million_one_minute_bars_become_hourly_candles()
    {
        var resolution = ChartResolution.Choose(Minutes(1_000_000), HtmlReportWriter.DefaultMaxChartCandles);

        // The last bar opens 1,000,029 minutes after 14:00, in hour 16,667 counting from 0: 16,668 hourly candles; 30 minutes would give 33,334.
        Assert.Equal(new ChartResolution(TimeSpan.FromHours(1), 1_000_000, 16_668), resolution);
    }

    [Fact]
    public void Curves_keep_the_last_equity_and_the_worst_drawdown_of_each_step()
    {
        var resolution = new ChartResolution(TimeSpan.FromMinutes(3), 6, 2);
        ReportPoint[] points = [new(Start, 5m), new(Start.AddMinutes(1), 9m), new(Start.AddMinutes(2), 7m), new(Start.AddMinutes(3), 1m)];

        Assert.Equal([new ReportPoint(Start, 7m), new ReportPoint(Start.AddMinutes(3), 1m)], resolution.Reduce(points, keepLargest: false));
        Assert.Equal([new ReportPoint(Start, 9m), new ReportPoint(Start.AddMinutes(3), 1m)], resolution.Reduce(points, keepLargest: true));
    }

    [Fact]
    public void Without_aggregation_curves_are_made_unique_per_second()
    {
        var resolution = new ChartResolution(TimeSpan.Zero, 2, 2);
        ReportPoint[] points = [new(Start, 5m), new(Start.AddMilliseconds(400), 6m), new(Start.AddSeconds(1), 7m)];

        Assert.Equal([new ReportPoint(Start, 6m), new ReportPoint(Start.AddSeconds(1), 7m)], resolution.Reduce(points, keepLargest: false));
    }
}
