namespace GoldBot.Backtesting.Report;

/// <summary>One candle of the report's price chart.</summary>
/// <param name="Time">Bar open time, UTC (the chart shows whole seconds).</param>
/// <param name="Open">Open price (quote units, USD/oz for MGC).</param>
/// <param name="High">High price.</param>
/// <param name="Low">Low price.</param>
/// <param name="Close">Close price.</param>
public readonly record struct ReportCandle(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close);
