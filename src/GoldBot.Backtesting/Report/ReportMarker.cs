using GoldBot.Execution;

namespace GoldBot.Backtesting.Report;

/// <summary>An entry or exit shown on the price chart.</summary>
/// <param name="Time">Fill time, UTC; drawn on the chart candle that contains it.</param>
/// <param name="Price">Fill price, kept in the chart data (lightweight-charts 4 draws markers above or below their bar, so put the price in <paramref name="Text"/> to show it).</param>
/// <param name="Kind">Entry or exit.</param>
/// <param name="Side">Side of the order that filled: a long entry and a short exit are buys.</param>
/// <param name="Text">Short label next to the marker (e.g. "L 2 @ 4101.0").</param>
public sealed record ReportMarker(DateTimeOffset Time, decimal Price, ReportMarkerKind Kind, OrderSide Side, string Text);
