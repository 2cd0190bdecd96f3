using System.Globalization;
using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Backtesting.Report;

/// <summary>
/// Translates a backtest's bars, trades and equity curve into the chart parts of a
/// <see cref="ReportDocument"/>. Order-block zones come from the SMC engine and are left to the caller.
/// </summary>
public static class BacktestChart
{
    /// <summary>One candle per bar (open time UTC, OHLC in quote units); a view of <paramref name="bars"/> when it is a list (no copy).</summary>
    public static IReadOnlyList<ReportCandle> Candles(IEnumerable<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return bars is IReadOnlyList<Bar> list ? new MappedList<Bar, ReportCandle>(list, Candle) : bars.Select(Candle).ToList();
    }

    private static ReportCandle Candle(Bar b) => new(b.OpenTime, b.Open, b.High, b.Low, b.Close);

    /// <summary>
    /// An entry marker per trade ("L 2 @ 4101.3" or "S 1 @ …": a buy for a long) and an exit marker
    /// per exit fill ("tp1 1 @ 4105.0", on the opposite side).
    /// </summary>
    /// <exception cref="ArgumentException">A trade's side is neither <c>long</c> nor <c>short</c>.</exception>
    public static IReadOnlyList<ReportMarker> Markers(IEnumerable<TradeRecord> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var markers = new List<ReportMarker>();
        foreach (var trade in trades)
        {
            var entrySide = trade.Side.ToLowerInvariant() switch
            {
                "long" => OrderSide.Buy,
                "short" => OrderSide.Sell,
                _ => throw new ArgumentException($"trade {trade.Id} has side '{trade.Side}', expected long or short", nameof(trades)),
            };
            var exitSide = entrySide == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;
            var letter = entrySide == OrderSide.Buy ? "L" : "S";
            markers.Add(new ReportMarker(trade.EntryTime, trade.Entry, ReportMarkerKind.Entry, entrySide,
                string.Create(CultureInfo.InvariantCulture, $"{letter} {trade.Size} @ {trade.Entry}")));
            foreach (var exit in trade.Exits)
            {
                markers.Add(new ReportMarker(exit.Time, exit.Price, ReportMarkerKind.Exit, exitSide,
                    string.Create(CultureInfo.InvariantCulture, $"{exit.Reason} {exit.Quantity} @ {exit.Price}")));
            }
        }
        return markers;
    }

    /// <summary>The equity curve, USD at each bar close; a view of <paramref name="curve"/> when it is a list (no copy).</summary>
    public static IReadOnlyList<ReportPoint> Equity(IEnumerable<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return curve is IReadOnlyList<EquityPoint> list ? new MappedList<EquityPoint, ReportPoint>(list, EquityOf) : curve.Select(EquityOf).ToList();
    }

    /// <summary>The drawdown below the running peak, USD ≥ 0 at each bar close; a view of <paramref name="curve"/> when it is a list (no copy).</summary>
    public static IReadOnlyList<ReportPoint> Drawdown(IEnumerable<EquityPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        return curve is IReadOnlyList<EquityPoint> list ? new MappedList<EquityPoint, ReportPoint>(list, DrawdownOf) : curve.Select(DrawdownOf).ToList();
    }

    private static ReportPoint EquityOf(EquityPoint p) => new(p.Time, p.Equity);

    private static ReportPoint DrawdownOf(EquityPoint p) => new(p.Time, p.Drawdown);
}
