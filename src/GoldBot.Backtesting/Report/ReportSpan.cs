namespace GoldBot.Backtesting.Report;

/// <summary>A stretch of the run a table row stands for, e.g. a trade from entry to exit; clicking the row shows it on the price chart.</summary>
/// <param name="Anchor">Fragment that names the row in the page's address (<c>report.html#trade-&lt;id&gt;</c>): letters, digits, <c>-</c>, <c>_</c>, <c>.</c>.</param>
/// <param name="From">Start, UTC.</param>
/// <param name="To">End, UTC (≥ <paramref name="From"/>).</param>
public sealed record ReportSpan(string Anchor, DateTimeOffset From, DateTimeOffset To);
