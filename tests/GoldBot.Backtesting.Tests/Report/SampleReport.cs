using System.Globalization;
using System.Text.Json;
using GoldBot.Backtesting.Report;
using GoldBot.Execution;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>A small, fully known report document: 60 three-minute MGC candles, two order blocks, two trades, and tables bound to a stats JSON.</summary>
internal static class SampleReport
{
    public static readonly DateTimeOffset Start = new(2025, 12, 2, 14, 30, 0, TimeSpan.Zero);

    public const int CandleCount = 60;

    /// <summary>Cells bound to stats: 6 summary values plus 2 trades × 4 values.</summary>
    public const int BoundCells = 14;

    public static IReadOnlyList<ReportCandle> Candles(int count = CandleCount)
    {
        var candles = new List<ReportCandle>(count);
        var price = 4100.0m;
        for (var i = 0; i < count; i++)
        {
            var move = (i % 7 - 3) * 0.8m;
            var open = price;
            var close = price + move;
            candles.Add(new ReportCandle(Start.AddMinutes(3 * i), open, Math.Max(open, close) + 1.2m, Math.Min(open, close) - 0.9m, close));
            price = close;
        }
        return candles;
    }

    public static string StatsJson() => JsonSerializer.Serialize(new
    {
        summary = new { netProfit = 1234.5m, trades = 2, winRate = 0.5m, profitFactor = 1.8765m, maxDrawdown = 310.25m, symbol = "MGC <G26> & co" },
        trades = new[]
        {
            new { id = "t1", side = "Long", pnl = 1544.75m, entry = 4101.3m },
            new { id = "t2", side = "Short", pnl = -310.25m, entry = 4112.8m },
        },
    });

    public static ReportDocument Document(string? wrongNetProfit = null)
    {
        var candles = Candles();
        var equity = candles.Select((c, i) => new ReportPoint(c.Time.AddMinutes(3), 50_000m + 20m * i)).ToList();
        var drawdown = candles.Select((c, i) => new ReportPoint(c.Time.AddMinutes(3), i % 10 * 31.025m)).ToList();
        var summary = new ReportTable("Summary", ["Statistic", "Value"],
        [
            ["Net profit (USD)", new ReportCell(wrongNetProfit ?? "$1,234.50", "/summary/netProfit")],
            ["Trades", new ReportCell("2", "/summary/trades")],
            ["Win rate", new ReportCell("50.0%", "/summary/winRate")],
            ["Profit factor", new ReportCell("1.88", "/summary/profitFactor")],
            ["Max drawdown (USD)", new ReportCell("310.25", "/summary/maxDrawdown")],
            ["Symbol", new ReportCell("MGC <G26> & co", "/summary/symbol")],
        ]);
        var trades = new ReportTable("Trades", ["Id", "Side", "Entry", "P&L (USD)"],
        [
            [new ReportCell("t1", "/trades/0/id"), new ReportCell("Long", "/trades/0/side"), new ReportCell("4101.3", "/trades/0/entry"), new ReportCell("+1,544.75", "/trades/0/pnl") { Tone = 1 }],
            [new ReportCell("t2", "/trades/1/id"), new ReportCell("Short", "/trades/1/side"), new ReportCell("4112.8", "/trades/1/entry"), new ReportCell("-310.25", "/trades/1/pnl") { Tone = -1 }],
        ])
        {
            RowSpans = [new ReportSpan("trade-t1", Start.AddMinutes(31), Start.AddMinutes(70)), new ReportSpan("trade-t2", Start.AddMinutes(100), Start.AddMinutes(130))],
            BelowPriceChart = true,
        };
        var zones = new[]
        {
            new ReportZone(Start.AddMinutes(9), Start.AddMinutes(90), 4102.5m, 4099.0m, Bullish: true, "OB+"),
            new ReportZone(Start.AddMinutes(60), Start.AddMinutes(150), 4115.0m, 4111.0m, Bullish: false, "OB-"),
        };
        var markers = new[]
        {
            new ReportMarker(Start.AddMinutes(31), 4101.3m, ReportMarkerKind.Entry, OrderSide.Buy, "L 2 @ 4101.3"),
            new ReportMarker(Start.AddMinutes(70), 4108.9m, ReportMarkerKind.Exit, OrderSide.Sell, "TP"),
            new ReportMarker(Start.AddMinutes(100), 4112.8m, ReportMarkerKind.Entry, OrderSide.Sell, "S 1 @ 4112.8"),
            new ReportMarker(Start.AddMinutes(130), 4115.9m, ReportMarkerKind.Exit, OrderSide.Buy, "SL"),
        };
        return new ReportDocument(
            "MGC order-block backtest <test> & \"quotes\"",
            string.Create(CultureInfo.InvariantCulture, $"mgc_3m sample, {Start:yyyy-MM-dd HH:mm} UTC, 60 bars"),
            candles, zones, markers, equity, drawdown, [summary, trades], StatsJson())
        {
            Notice = "Trading stopped early: <sample> & co",
        };
    }
}
