using System.Globalization;
using System.Text.Json;
using GoldBot.Market;

namespace GoldBot.Tests.EndToEnd;

/// <summary>Runs the default paper replay of the real MGC bars once, through the hosted pipeline.</summary>
public sealed class DefaultReplayFixture : IAsyncLifetime
{
    internal ReplayRun Run { get; private set; } = null!;

    public async Task InitializeAsync() => Run = await ReplayRun.StartAsync();

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Invariants of the default run over all six weeks of real MGC bars, checked on its output
/// files, independently of the code that produced them.
/// </summary>
public sealed class DefaultReplayTests(DefaultReplayFixture fixture) : IClassFixture<DefaultReplayFixture>
{
    private const decimal StartingBalance = 50_000m;
    private readonly ReplayRun _run = fixture.Run;

    [Fact]
    public void Completes_with_exit_code_zero_and_no_rule_breach()
    {
        Assert.True(_run.ExitCode == 0, _run.Error + _run.Output);
        Assert.Contains("GoldBot Completed: bars 12382,", _run.Output);
        Assert.Contains("rule breaches 0", _run.Output);
        Assert.DoesNotContain("rule breach:", _run.Error);
    }

    [Fact]
    public void Summary_of_the_default_run_is_pinned()
    {
        // Pinned like Lean's regression statistics: a deliberate change to the strategy, the
        // risk rules or the fill model updates these numbers in the same commit, with the reason.
        // History: max drawdown 483.64 → 523.64 when equity started being marked at each bar's
        // worst price for the position instead of its close.
        Assert.Contains("bars 12382, signals 158 (14 taken), trades 14, win rate 64.3 %, net P&L +543.12 USD after costs (commissions 45.88), max drawdown 523.64 USD, final balance 50543.12, rule breaches 0", _run.Output);
    }

    [Fact]
    public void A_target_the_bars_only_touch_fills_on_the_first_bar_that_trades_through_it()
    {
        // The one fill of the default run that the limit trade-through rule moves (the summary
        // above does not change): tp2 sells 2 at 4240.9; the 17:09 UTC bar's high is exactly
        // 4240.9, a touch, so no fill; the 17:12 bar trades through (high 4243.7) and fills it at
        // 4240.9, stamped at that bar's close. Filling on the touch gave 17:12.
        var trade = _run.Journal.Single(t => t.GetProperty("id").GetString()!.EndsWith("-20251203-1700-6", StringComparison.Ordinal));
        var exits = trade.GetProperty("exits").EnumerateArray()
            .Select(e => (e.GetProperty("reason").GetString(), e.GetProperty("price").GetDecimal(), e.GetProperty("quantity").GetInt32(), e.GetProperty("time").GetString()));
        Assert.Equal([("tp1", 4236.3m, 3, "2025-12-03T17:03:00+00:00"), ("tp2", 4240.9m, 2, "2025-12-03T17:15:00+00:00")], exits);
    }

    [Fact]
    public void Every_trade_is_flat_by_1508_CT_on_its_entry_day()
    {
        Assert.NotEmpty(_run.Journal);
        foreach (var trade in _run.Journal)
        {
            var entry = trade.GetProperty("timestamp").GetDateTimeOffset();
            var exit = trade.GetProperty("exit_time").GetDateTimeOffset();
            var entryLocal = CmeSession.ToExchangeTime(entry);
            var deadline = CmeSession.AtExchangeTime(DateOnly.FromDateTime(entryLocal.DateTime), new TimeOnly(15, 8));
            Assert.True(exit <= deadline, $"{trade.GetProperty("id")} exits {exit:u}, after 15:08 CT ({deadline:u})");
            Assert.True(TimeOnly.FromDateTime(entryLocal.DateTime) is { } t && t >= new TimeOnly(8, 30) && t < new TimeOnly(15, 0),
                $"{trade.GetProperty("id")} entered at {entryLocal:HH:mm} CT");
        }
    }

    [Fact]
    public void No_trading_day_loses_more_than_the_daily_loss_limit_plus_one_trades_slippage()
    {
        foreach (var day in _run.Journal.GroupBy(t => CmeSession.TradingDayOf(t.GetProperty("timestamp").GetDateTimeOffset())))
        {
            var pnl = day.Sum(t => t.GetProperty("pnl").GetDecimal());
            var slippage = day.Max(t => t.GetProperty("size").GetInt32()) * 2 * 1.00m;
            Assert.True(pnl >= -(800m + slippage), $"{day.Key}: {pnl}");
        }
    }

    [Fact]
    public void Journal_pnl_sums_to_the_final_balance_change()
    {
        var journal = _run.Journal;
        var sum = journal.Sum(t => t.GetProperty("pnl").GetDecimal());
        var balance = _run.Status.GetProperty("account").GetProperty("balance").GetDecimal();
        Assert.Equal(balance - StartingBalance, sum);
        Assert.Equal(balance, journal[^1].GetProperty("balance_after").GetDecimal());
        foreach (var t in journal)
        {
            var net = t.GetProperty("gross_pnl").GetDecimal() - t.GetProperty("commission").GetDecimal();
            Assert.Equal(net, t.GetProperty("pnl").GetDecimal());
            Assert.Equal(t.GetProperty("size").GetInt32(), t.GetProperty("exits").EnumerateArray().Sum(e => e.GetProperty("quantity").GetInt32()));
        }
    }

    [Fact]
    public void Status_json_parses_and_agrees_with_the_journal()
    {
        var status = _run.Status;
        Assert.False(status.GetProperty("is_alive").GetBoolean());
        Assert.Equal("2026-01-02T22:00:00+00:00", status.GetProperty("timestamp").GetString());
        Assert.Equal(0, status.GetProperty("account").GetProperty("open_positions").GetInt32());
        Assert.Empty(status.GetProperty("active_positions").EnumerateArray());
        var learning = status.GetProperty("learning");
        Assert.Equal(_run.Journal.Count, learning.GetProperty("total_trades").GetInt32());
        var last20 = _run.Journal.TakeLast(20).ToList();
        Assert.Equal(Math.Round((double)last20.Count(t => t.GetProperty("pnl").GetDecimal() > 0) / last20.Count, 4), learning.GetProperty("win_rate_last_20").GetDouble());
        foreach (var key in new[] { "can_trade", "consecutive_losses", "daily_loss_remaining", "emergency_stop" })
            Assert.True(status.GetProperty("risk").TryGetProperty(key, out _), key);
        foreach (var key in new[] { "time", "pattern", "score", "executed" })
            Assert.True(status.GetProperty("last_signal").TryGetProperty(key, out _), key);
        Assert.Equal(JsonValueKind.Array, status.GetProperty("errors").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("next_update").ValueKind);
    }

    [Fact]
    public void Trades_today_holds_the_last_trading_days_trades_and_its_summary_agrees()
    {
        var today = _run.TradesToday;
        var day = DateOnly.Parse(today.GetProperty("trading_day").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(new DateOnly(2026, 1, 2), day);
        var expected = _run.Journal.Where(t => CmeSession.TradingDayOf(t.GetProperty("timestamp").GetDateTimeOffset()) == day).ToList();
        var trades = today.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal(expected.Select(t => t.GetProperty("id").GetString()), trades.Select(t => t.GetProperty("id").GetString()));
        var summary = today.GetProperty("summary");
        Assert.Equal(expected.Count, summary.GetProperty("total_trades").GetInt32());
        Assert.Equal(0, summary.GetProperty("open_trades").GetInt32());
        Assert.Equal(expected.Sum(t => t.GetProperty("pnl").GetDecimal()), summary.GetProperty("total_pnl").GetDecimal());
    }

    [Fact]
    public void Signals_log_has_one_line_per_signal_with_its_decision()
    {
        var lines = _run.SignalLines;
        Assert.Equal(158, lines.Count);
        Assert.Equal(14, lines.Count(l => l.Contains("| executed=true | reason=traded |", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z \| order_block (long|short) \| score=\d+ \(displacement=\d volume=\d structure=\d clean_move=\d body_to_wick=\d\) \| executed=(true|false) \| reason=.+", l));
        Assert.Contains(lines, l => l.Contains("reason=outside trading window", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("reason=score", StringComparison.Ordinal));
    }

    [Fact]
    public void Log_file_lines_carry_market_time()
    {
        // Named by the wall-clock date of the run (a run across midnight writes two files).
        var log = Directory.GetFiles(_run.Logs, "goldbot-*.log").Order(StringComparer.Ordinal).First();
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var first = reader.ReadLine()!;
        Assert.StartsWith("2025-11-23 23:00:00Z [INF]", first);
    }
}
