namespace GoldBot.Backtesting.Report;

/// <summary>
/// The candles the report's price chart draws: the <see cref="ChartResolution"/> chosen for a run's candles and the candles
/// aggregated to it, made ahead of the report (a backtest makes it on the core its baselines leave free) so that writing
/// report.html does not pass over a 1,000,000-bar run again.
/// </summary>
/// <param name="Resolution">The step chosen by <see cref="ChartResolution.Choose"/>.</param>
/// <param name="Candles">The candles after <see cref="ChartResolution.Aggregate"/>.</param>
/// <param name="MaxCandles">The limit it was chosen for; a report written with another limit aggregates again.</param>
public sealed record PriceChart(ChartResolution Resolution, IReadOnlyList<ReportCandle> Candles, int MaxCandles)
{
    /// <summary>Chooses the resolution for <paramref name="candles"/> (strictly increasing in time) and aggregates them.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCandles"/> is below 1.</exception>
    public static PriceChart Of(IReadOnlyList<ReportCandle> candles, int maxCandles = HtmlReportWriter.DefaultMaxChartCandles)
    {
        var resolution = ChartResolution.Choose(candles, maxCandles);
        return new PriceChart(resolution, resolution.Aggregate(candles), maxCandles);
    }
}
