using GoldBot.Cli;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Cli;

/// <summary><c>goldbot status</c>: the screen and the exit code (0 healthy, 1 degraded, 2 dead) from status.json at a fixed wall clock.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-status-cli-").FullName;
    private readonly string _config;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public StatusCommandTests()
    {
        _config = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(_config, $$"""{ "Monitoring": { "LogDirectory": "{{_folder.Replace("\\", "/", StringComparison.Ordinal)}}/logs" } }""");
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
    }

    /// <summary>A live daemon's status.json, long 2 with its stop, heartbeat <paramref name="heartbeatAge"/> ago.</summary>
    private void Write(TimeSpan heartbeatAge, bool alive = true, string protection = "protected", string feed = "ok", bool failing = false) =>
        File.WriteAllText(Path.Combine(_folder, "logs", "status.json"), $$"""
            { "timestamp": "2025-12-02T16:00:00+00:00", "is_alive": {{(alive ? "true" : "false")}}, "mode": "live", "symbol": "MGC",
              "last_bar_time": "2025-12-02T16:00:00+00:00",
              "account": { "balance": 50120.5, "daily_pnl": 120.5, "open_positions": 1, "daily_trades": 2 },
              "risk": { "can_trade": false, "blocked_by": "a position or an entry is already open", "consecutive_losses": 0, "daily_loss_remaining": 920.5, "max_loss_floor": 48000, "emergency_stop": false, "paused": false, "daily_loss_limit": 1000, "max_loss_limit": 2000 },
              "active_positions": [ { "symbol": "MGC", "side": "long", "quantity": 2, "entry": 4200.1, "unrealized_pnl": 35.0, "stop": 4195.0, "target": 4215.0 } ],
              "last_signal": null, "learning": { "adaptation": { "policy": "Evidence", "size_multiplier": 1.25, "size_reason": "x", "disabled": { "ote": "y" }, "decisions": 2 } },
              "controls": [], "errors": [], "next_update": null,
              "protection": { "state": "{{protection}}" }, "feed": { "state": "{{feed}}" },
              "heartbeat": "{{(Now - heartbeatAge):O}}",
              "write_failures": [ { "file": "signals.log", "failing": {{(failing ? "true" : "false")}} } ],
              "market_regime": { "regime": "ranging" },
              "working_orders": [ { "id": 17, "tag": "gb1-20251202-0945-3-stop", "side": "sell", "type": "stop", "quantity": 2, "limit_price": null, "stop_price": 4195.0 },
                                  { "id": 18, "tag": "gb1-20251202-0945-3-tp1", "side": "sell", "type": "limit", "quantity": 1, "limit_price": 4210.0, "stop_price": null } ] }
            """);

    private Task<int> RunAsync() => StatusCommand.RunAsync(_config, new FakeTimeProvider(Now), _output, _error);

    [Fact]
    public async Task A_live_daemon_with_a_fresh_heartbeat_and_its_stop_is_healthy_and_the_screen_says_what_matters()
    {
        Write(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await RunAsync());
        var lines = _output.ToString().Split('\n');
        Assert.Equal("HEALTHY (heartbeat 4 s ago)", lines[0]);
        Assert.Contains("daily loss   [##################--]   920.50 USD left of 1000", lines);
        Assert.Contains("maximum loss [####################]  2120.50 USD above 48000.00", lines);
        Assert.Contains("position long 2 at 4200.1, stop 4195.0, target 4215.0, open P&L +35.00", lines);
        Assert.Contains("orders: stop sell 2 at 4195.0, tp1 sell 1 at 4210.0", lines);
        Assert.Contains("last signals (CT): none", lines);
        Assert.Contains("today's trades (CT): 0", lines);
        Assert.Contains("protection protected, feed ok, regime ranging", lines);
        Assert.Contains("learning Evidence: size ×1.25, 1 disabled, 2 decisions", lines);
    }

    [Fact]
    public async Task The_screen_lists_the_newest_signals_and_todays_trades_in_exchange_time()
    {
        Write(TimeSpan.FromSeconds(4));
        var writes = new GoldBot.Monitoring.WriteFailures(new FakeTimeProvider(Now), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        var signals = new GoldBot.Monitoring.SignalLog(Path.Combine(_folder, "logs"), "live-1", writes);
        for (var i = 0; i < 7; i++)
            signals.Write(Signal(new DateTimeOffset(2025, 12, 2, 14, 3 * i, 0, TimeSpan.Zero), score: i + 3), executed: i == 6, i == 6 ? "traded" : $"score {i + 3} below minimum 7");
        var journal = new GoldBot.Monitoring.TradeJournal(Path.Combine(_folder, "logs"), "MGC", "live-1", writes, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        journal.Opened(Trade("a", new DateTimeOffset(2025, 12, 2, 14, 45, 0, TimeSpan.Zero)));

        Assert.Equal(0, await RunAsync());
        var lines = _output.ToString().Split('\n');
        var first = Array.IndexOf(lines, "last signals (CT):");
        Assert.Equal(
            ["  12-02 08:06 order_block long 5: score 5 below minimum 7", "  12-02 08:09 order_block long 6: score 6 below minimum 7",
             "  12-02 08:12 order_block long 7: score 7 below minimum 7", "  12-02 08:15 order_block long 8: score 8 below minimum 7",
             "  12-02 08:18 order_block long 9: traded",
             "today's trades (CT): 1, 1 open", "  08:45 long 2 order_block at 4200.1: open"],
            lines[(first + 1)..(first + 8)]);
    }

    [Theory]
    [InlineData(0, 1000, "[--------------------]")]
    [InlineData(920.5, 1000, "[##################--]")]
    [InlineData(1000, 1000, "[####################]")]
    [InlineData(2500, 2000, "[####################]")]
    [InlineData(-50, 1000, "[--------------------]")]
    [InlineData(100, 0, "[                    ]")]
    public void The_gauge_fills_with_the_share_of_the_limit_still_left(decimal left, decimal limit, string gauge) =>
        Assert.Equal(gauge, StatusScreen.Gauge(left, limit));

    private static GoldBot.Strategy.TradeSignal Signal(DateTimeOffset time, int score) =>
        new(time, "order_block", +1, score, new GoldBot.Smc.OrderBlockScore(2, 2, 2, 1, 1), 4201m, 4199m, 4200m, 20, +1, Signals.Conditions, null);

    private static GoldBot.Execution.TradeRecord Trade(string id, DateTimeOffset entry) => new(
        id, entry, "order_block", 8, "long", 4200.1m, 4200.0m, 4195.0m, 4215.0m, 2, 104.48m, Signals.Conditions, null, [], 0m, 0m, null, 50_000m);

    [Theory]
    [InlineData("naked", "ok", false, "DEGRADED: protection naked")]
    [InlineData("protected", "stale", false, "DEGRADED: market data stale")]
    [InlineData("repairing", "disconnected", true, "DEGRADED: protection repairing, market data disconnected, a file is failing to write")]
    public async Task An_alive_daemon_with_a_problem_is_degraded(string protection, string feed, bool failing, string verdict)
    {
        Write(TimeSpan.FromSeconds(2), protection: protection, feed: feed, failing: failing);
        Assert.Equal(1, await RunAsync());
        Assert.StartsWith(verdict + "\n", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_daemon_an_old_heartbeat_a_missing_or_broken_file_is_dead()
    {
        Write(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await RunAsync());
        Assert.StartsWith("DEAD: no heartbeat for 61 s", _output.ToString(), StringComparison.Ordinal);
        Write(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await RunAsync());
        Write(TimeSpan.FromSeconds(1), alive: false);
        Assert.Equal(2, await RunAsync());

        File.WriteAllText(Path.Combine(_folder, "logs", "status.json"), "{ \"is_alive\": tr");
        Assert.Equal(2, await RunAsync());
        Assert.Contains("status.json cannot be read", _output.ToString(), StringComparison.Ordinal);
        File.Delete(Path.Combine(_folder, "logs", "status.json"));
        Assert.Equal(2, await RunAsync());
        Assert.Contains("GoldBot has not run in this folder", _output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
