using System.Text.Json;
using GoldBot.Execution;
using GoldBot.Monitoring;
using GoldBot.Smc;
using GoldBot.Strategy;
using Microsoft.Extensions.Logging.Abstractions;
using Serilog.Events;
using Serilog.Parsing;

namespace GoldBot.Tests.Monitoring;

public sealed class MonitoringFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-monitoring-").FullName;
    private readonly WriteFailures Writes = new(TimeProvider.System, NullLogger.Instance);
    private static readonly MarketConditions Conditions = new("new_york", 55.2, 1.8, "09:15", "discount");

    private static TradeRecord Trade(string id, DateTimeOffset entry, decimal gross, bool closed) => new(
        id, entry, "order_block", 8, "long", 4100.0m, 4099.9m, 4095.0m, 4112.5m, 2, 104.48m, Conditions,
        closed ? entry.AddMinutes(30) : null, closed ? [new TradeExit(entry.AddMinutes(30), 4105.0m, 2, "tp1")] : [], gross, 2.48m,
        closed ? "tp1" : null, 50_000m + gross - 2.48m);

    [Fact]
    public void Atomic_write_replaces_the_whole_file_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_dir, "status.json");
        AtomicFile.Write(path, "first");
        AtomicFile.Write(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Journal_appends_closed_trades_and_keeps_today_with_a_summary()
    {
        var journal = new TradeJournal(_dir, "MGC", "run-1", Writes, NullLogger.Instance);
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        journal.Opened(Trade("a", day, 0, closed: false));
        var today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal("2025-12-01", today.GetProperty("trading_day").GetString());
        Assert.Equal(1, today.GetProperty("summary").GetProperty("open_trades").GetInt32());
        Assert.False(File.Exists(Path.Combine(_dir, "all_trades.jsonl")));

        journal.Closed(Trade("a", day, 100m, closed: true));
        journal.Closed(Trade("b", day.AddHours(1), -50m, closed: true));
        today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        var summary = today.GetProperty("summary");
        Assert.Equal((2, 0, 45.04m, 0.5), (summary.GetProperty("total_trades").GetInt32(), summary.GetProperty("open_trades").GetInt32(),
            summary.GetProperty("total_pnl").GetDecimal(), summary.GetProperty("win_rate").GetDouble()));

        var lines = File.ReadAllLines(Path.Combine(_dir, "all_trades.jsonl"));
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        foreach (var key in new[] { "id", "timestamp", "pattern", "pattern_score", "side", "entry", "stop", "target", "size", "risk_amount",
                     "market_conditions", "outcome", "pnl", "exit_reason", "hold_time", "r_multiple", "exits", "run_id" })
            Assert.True(first.TryGetProperty(key, out _), key);
        Assert.Equal(("win", 97.52m, 30.0, "run-1"), (first.GetProperty("outcome").GetString(), first.GetProperty("pnl").GetDecimal(),
            first.GetProperty("hold_time").GetDouble(), first.GetProperty("run_id").GetString()));

        journal.Roll(day.AddDays(1));
        today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal("2025-12-02", today.GetProperty("trading_day").GetString());
        Assert.Empty(today.GetProperty("trades").EnumerateArray());
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_dir, "all_trades.jsonl")).Length);
    }

    [Fact]
    public void After_a_restart_trades_today_still_lists_the_days_trades_earlier_runs_closed()
    {
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var before = new TradeJournal(_dir, "MGC", "run-1", Writes, NullLogger.Instance);
        before.Closed(Trade("yesterday", day.AddDays(-1), 10m, closed: true));
        before.Closed(Trade("a", day, 100m, closed: true));
        File.AppendAllText(Path.Combine(_dir, "all_trades.jsonl"), "{ not json\n");

        var after = new TradeJournal(_dir, "MGC", "run-2", Writes, NullLogger.Instance);
        after.Opened(Trade("b", day.AddHours(1), 0m, closed: false));

        var today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal(["a", "b"], today.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["run-1", "run-2"], today.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("run_id").GetString()));
        var summary = today.GetProperty("summary");
        Assert.Equal((2, 1, 97.52m), (summary.GetProperty("total_trades").GetInt32(), summary.GetProperty("open_trades").GetInt32(), summary.GetProperty("total_pnl").GetDecimal()));
    }

    [Fact]
    public void A_replay_run_of_the_same_day_does_not_list_an_earlier_replays_trades_nor_is_listed_by_a_later_live_run()
    {
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        new TradeJournal(_dir, "MGC", "replay-20251123-aaaa", Writes, NullLogger.Instance).Closed(Trade("a", day, 100m, closed: true));

        new TradeJournal(_dir, "MGC", "replay-20251123-bbbb", Writes, NullLogger.Instance).Closed(Trade("b", day, 50m, closed: true));
        var today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal(["b"], today.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("id").GetString()));

        new TradeJournal(_dir, "MGC", "live-20251201-cccc", Writes, NullLogger.Instance).Opened(Trade("c", day.AddHours(1), 0m, closed: false));
        today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal(["c"], today.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_dir, "all_trades.jsonl")).Length);
    }

    [Fact]
    public void A_trade_an_earlier_run_journaled_and_a_restart_closed_again_is_not_appended_twice()
    {
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        new TradeJournal(_dir, "MGC", "run-1", Writes, NullLogger.Instance).Closed(Trade("a", day, 100m, closed: true));

        var after = new TradeJournal(_dir, "MGC", "run-2", Writes, NullLogger.Instance);
        after.Closed(Trade("a", day, 100m, closed: true)); // booked again from the broker's fills: run-1's close was not committed

        Assert.Single(File.ReadAllLines(Path.Combine(_dir, "all_trades.jsonl")));
        var today = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "trades_today.json"))).RootElement;
        Assert.Equal(["run-2"], today.GetProperty("trades").EnumerateArray().Select(t => t.GetProperty("run_id").GetString()));
        Assert.Single(after.ClosedTrades);
    }

    [Fact]
    public void Closed_trades_the_disk_refused_are_appended_once_it_takes_them_again_after_a_torn_line_on_lines_of_their_own()
    {
        var log = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var path = Path.Combine(_dir, "all_trades.jsonl");
        var journal = new TradeJournal(_dir, "MGC", "run-1", new WriteFailures(TimeProvider.System, log), log);
        journal.Closed(Trade("a", day, 100m, closed: true));
        File.AppendAllText(path, "{\"id\":\"torn"); // an append the disk cut short
        var kept = File.ReadAllText(path);
        File.Move(path, path + ".kept");
        Directory.CreateDirectory(path); // the file cannot be written (even by root)

        journal.Closed(Trade("b", day.AddHours(1), -50m, closed: true));
        journal.Closed(Trade("c", day.AddHours(2), 20m, closed: true));
        journal.Roll(day.AddHours(3));

        Directory.Delete(path);
        File.Move(path + ".kept", path);
        journal.Roll(day.AddHours(4)); // the status timer: the disk takes writes again

        var lines = File.ReadAllLines(path);
        Assert.Equal(kept + "\n", string.Join("\n", lines.Take(2)) + "\n");
        Assert.Equal(["b", "c"], lines.Skip(2).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        Assert.Single(log.Collector.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public void The_journal_gets_the_stores_closed_trades_it_lacks_once_each_after_a_torn_last_line_on_a_line_of_their_own()
    {
        var day = new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var journal = new TradeJournal(_dir, "MGC", "run-1", Writes, NullLogger.Instance);
        journal.Closed(Trade("a", day, 100m, closed: true));
        var lost = journal.Line(Trade("b", day.AddHours(1), -50m, closed: true));
        var path = Path.Combine(_dir, "all_trades.jsonl");
        File.AppendAllText(path, lost[..20]); // killed in the middle of b's append

        var written = TradeJournal.AppendMissing(_dir, [("a", journal.Line(Trade("a", day, 100m, closed: true))), ("b", lost)]);

        Assert.Equal(1, written);
        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        Assert.Equal(lost, lines[2]);
        Assert.Equal(0, TradeJournal.AppendMissing(_dir, [("b", lost)]));
    }

    [Fact]
    public void Signal_log_line_shows_time_pattern_score_components_decision_and_reason()
    {
        new SignalLog(_dir, "run-1", Writes).Write(new TradeSignal(new DateTimeOffset(2025, 12, 1, 15, 15, 0, TimeSpan.Zero), "order_block", -1, 8,
            new OrderBlockScore(2, 2, 1, 2, 1), 4110.0m, 4104.0m, 4103.5m, 67, -1, Conditions, null), false, "outside trading window");
        Assert.Equal(
            "2025-12-01T15:15:00Z | order_block short | score=8 (displacement=2 volume=2 structure=1 clean_move=2 body_to_wick=1) | executed=false | reason=outside trading window | zone=4104.0-4110.0 stop_ticks=67 trend=-1 session=new_york | run=run-1",
            Assert.Single(File.ReadAllLines(Path.Combine(_dir, "signals.log"))));
        Assert.Equal(new SignalLogLine(new DateTimeOffset(2025, 12, 1, 15, 15, 0, TimeSpan.Zero), "order_block", "short", 8, false, "outside trading window", "run-1"),
            Assert.Single(new MonitoringFolder(_dir).Signals()));
    }

    [Fact]
    public void The_newest_signals_are_read_from_the_end_of_a_long_signal_log()
    {
        var log = new SignalLog(_dir, "run-1", Writes);
        for (var i = 0; i < 1_000; i++) // about 250 KB: more than the 64 KiB read
            log.Write(new TradeSignal(new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero).AddMinutes(3 * i), "order_block", -1, 8,
                new OrderBlockScore(2, 2, 1, 2, 1), 4110.0m, 4104.0m, 4103.5m, 67, -1, Conditions, null), false, $"reason {i}");
        var folder = new MonitoringFolder(_dir);

        Assert.Equal(folder.Signals().TakeLast(3), folder.RecentSignals(3));
        Assert.Equal("reason 999", folder.RecentSignals(1).Single().Reason);
        Assert.Empty(new MonitoringFolder(Path.Combine(_dir, "none")).RecentSignals(5));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-12-01T15:15:00Z | order_block short | score=8 (displacement=2")]
    [InlineData("not a time | order_block short | score=8 (x) | executed=false | reason=r | d | run=1")]
    [InlineData("2025-12-01T15:15:00Z | order_block short | score=x (x) | executed=false | reason=r | d | run=1")]
    [InlineData("2025-12-01T15:15:00Z | order_block short | score=8 (x) | executed=maybe | reason=r | d | run=1")]
    public void A_torn_or_foreign_signal_line_is_skipped(string line) => Assert.Null(SignalLogLine.Parse(line));

    [Fact]
    public void Signal_lines_the_disk_refused_are_appended_in_order_once_it_takes_them_again_after_a_torn_line()
    {
        var log = new SignalLog(_dir, "run-1", Writes);
        var path = Path.Combine(_dir, "signals.log");
        log.Write(Signal(0), false, "first");
        File.AppendAllText(path, "2025-12-01T15:15:00Z | torn");
        File.Move(path, path + ".kept");
        Directory.CreateDirectory(path);

        log.Write(Signal(1), false, "second");
        log.Write(Signal(2), true, "traded");
        log.Flush();
        Directory.Delete(path);
        File.Move(path + ".kept", path);
        log.Flush();

        var lines = File.ReadAllLines(path);
        Assert.Equal(["first", "torn", "second", "traded"], lines.Select(l => l.Contains("reason=", StringComparison.Ordinal) ? l.Split("reason=")[1].Split(' ')[0] : "torn"));
        Assert.False(Assert.Single(Writes.Status()).Failing);
    }

    private static TradeSignal Signal(int minutes) => new(new DateTimeOffset(2025, 12, 1, 15, 15 + minutes, 0, TimeSpan.Zero), "order_block", -1, 8,
        new OrderBlockScore(2, 2, 1, 2, 1), 4110.0m, 4104.0m, 4103.5m, 67, -1, Conditions, null);

    [Fact]
    public void Recent_errors_keep_the_last_five_warnings_with_market_time_and_unquoted_text()
    {
        var sink = new RecentErrors();
        for (var i = 0; i < 7; i++)
        {
            sink.Emit(new LogEvent(DateTimeOffset.UnixEpoch, i == 3 ? LogEventLevel.Information : LogEventLevel.Error, null,
                new MessageTemplateParser().Parse("order {Tag} rejected"),
                [new LogEventProperty("Tag", new ScalarValue($"t{i}")), new LogEventProperty(MarketTimeEnricher.Property, new ScalarValue("2025-12-01 15:00:00Z"))]));
        }
        Assert.Equal(["2025-12-01 15:00:00Z Error: order t1 rejected", "2025-12-01 15:00:00Z Error: order t2 rejected",
            "2025-12-01 15:00:00Z Error: order t4 rejected", "2025-12-01 15:00:00Z Error: order t5 rejected",
            "2025-12-01 15:00:00Z Error: order t6 rejected"], sink.Messages);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
