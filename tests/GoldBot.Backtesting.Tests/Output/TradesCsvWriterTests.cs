using System.Globalization;
using CsvHelper;
using GoldBot.Backtesting.Output;
using GoldBot.Backtesting.Tests.Statistics;
using GoldBot.Execution;

namespace GoldBot.Backtesting.Tests.Output;

public sealed class TradesCsvWriterTests
{
    private static List<Dictionary<string, string>> WriteAndParse(IEnumerable<TradeRecord> trades, IReadOnlyDictionary<string, TradeExcursion>? excursions = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TradesCsvWriter.Write(trades, writer, excursions);
        using var csv = new CsvReader(new StringReader(writer.ToString()), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Fact]
    public void One_row_per_trade_with_utc_and_exchange_times_money_and_r()
    {
        var rows = WriteAndParse(HandMadeResults.SevenTrades().Trades);
        Assert.Equal(7, rows.Count);
        var t5 = rows[4];
        Assert.Equal("t5", t5["id"]);
        Assert.Equal("2025-12-02", t5["trading_day"]);
        Assert.Equal("2025-12-02T20:00:00Z", t5["entry_time_utc"]);
        Assert.Equal("2025-12-02T14:00:00-06:00", t5["entry_time_ct"]);
        Assert.Equal("2025-12-02T15:00:00-06:00", t5["exit_time_ct"]);
        Assert.Equal("long", t5["side"]);
        Assert.Equal("order_block", t5["pattern"]);
        Assert.Equal("7", t5["score"]);
        Assert.Equal("-98", t5["gross_pnl"]);
        Assert.Equal("2", t5["commission"]);
        Assert.Equal("-100", t5["net_pnl"]);
        Assert.Equal("-1", decimal.Parse(t5["r_multiple"], CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture));
        Assert.Equal("stop", t5["exit_reason"]);
        Assert.Equal("60", t5["hold_minutes"]);
        Assert.Equal("", t5["mae_usd"]);
    }

    [Fact]
    public void Summer_exchange_times_use_daylight_offset_and_excursions_fill_mae_mfe()
    {
        var trade = HandMadeResults.Trade("s", new DateTimeOffset(2025, 7, 1, 13, 30, 0, TimeSpan.Zero), 40m);
        var rows = WriteAndParse([trade], new Dictionary<string, TradeExcursion> { ["s"] = new(35.5m, 80m) });
        Assert.Equal("2025-07-01T08:30:00-05:00", rows[0]["entry_time_ct"]);
        Assert.Equal("35.5", rows[0]["mae_usd"]);
        Assert.Equal("80", rows[0]["mfe_usd"]);
    }

    [Fact]
    public void Partial_exits_are_listed_and_averaged()
    {
        var trade = HandMadeResults.Trade("p", HandMadeResults.Utc(12, 1, 15), 0m, size: 3) with
        {
            Exits =
            [
                new TradeExit(HandMadeResults.Utc(12, 1, 15, 10), 2652.0m, 2, "tp1"),
                new TradeExit(HandMadeResults.Utc(12, 1, 15, 30), 2655.0m, 1, "runner"),
            ],
        };
        var row = WriteAndParse([trade])[0];
        Assert.Equal("2652.0 x2 tp1; 2655.0 x1 runner", row["exits"]);
        Assert.Equal(2653m, decimal.Parse(row["average_exit"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Empty_run_writes_only_the_header()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TradesCsvWriter.Write([], writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("id,trading_day,entry_time_utc,entry_time_ct,exit_time_utc,exit_time_ct,side,pattern,score,size", lines[0], StringComparison.Ordinal);
    }
}
