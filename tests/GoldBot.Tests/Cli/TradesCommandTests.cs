using GoldBot.Cli;
using GoldBot.Execution;
using GoldBot.Monitoring;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Cli;

/// <summary><c>goldbot trades</c>: the journal's trades of the latest run (or every run, or a range of trading days, or today) with a summary.</summary>
public sealed class TradesCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-trades-cli-").FullName;
    private readonly string _config;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public TradesCommandTests()
    {
        _config = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(_config, $$"""{ "Monitoring": { "LogDirectory": "{{_folder.Replace("\\", "/", StringComparison.Ordinal)}}/logs" } }""");
        var writes = new WriteFailures(new FakeTimeProvider(DateTimeOffset.UnixEpoch), NullLogger.Instance);
        var logs = Path.Combine(_folder, "logs");
        var earlier = new TradeJournal(logs, "MGC", "live-1", writes, NullLogger.Instance);
        earlier.Closed(Trade("a", new DateTimeOffset(2025, 12, 1, 15, 0, 0, TimeSpan.Zero), 4105.0m, 208m));
        var latest = new TradeJournal(logs, "MGC", "live-2", writes, NullLogger.Instance);
        latest.Closed(Trade("b", new DateTimeOffset(2025, 12, 2, 15, 0, 0, TimeSpan.Zero), 4095.0m, -208m));
        latest.Closed(Trade("c", new DateTimeOffset(2025, 12, 3, 15, 0, 0, TimeSpan.Zero), 4110.0m, 416m));
    }

    private static TradeRecord Trade(string id, DateTimeOffset entry, decimal exit, decimal gross) => new(
        id, entry, "order_block", 8, "long", 4100.0m, 4099.9m, 4095.0m, 4112.5m, 2, 104.48m, Signals.Conditions,
        entry.AddMinutes(30), [new TradeExit(entry.AddMinutes(30), exit, 2, gross > 0 ? "tp1" : "stop")], gross, 2.48m, gross > 0 ? "tp1" : "stop", 50_000m + gross - 2.48m);

    private string[] Lines => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public async Task By_default_the_latest_runs_closed_trades_are_listed_in_exchange_time_with_a_summary()
    {
        Assert.Equal(0, await TradesCommand.RunAsync(_config, today: false, null, null, allRuns: false, _output, _error));
        Assert.StartsWith("2 trades, run live-2 in ", Lines[0], StringComparison.Ordinal);
        Assert.Equal("2025-12-02 09:00 long     2 order_block         8   4100.00   4095.00   -210.48  -2.01  stop", Lines[2]);
        Assert.Equal("2025-12-03 09:00 long     2 order_block         8   4100.00   4110.00   +413.52  +3.96  tp1", Lines[3]);
        Assert.Equal("closed 2: win rate 50.0 %, net P&L +203.04 USD, expectancy +0.98 R, profit factor 1.96", Lines[4]);
    }

    [Fact]
    public async Task Every_run_and_a_range_of_trading_days_select_what_is_listed()
    {
        Assert.Equal(0, await TradesCommand.RunAsync(_config, today: false, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 2), allRuns: true, _output, _error));
        Assert.StartsWith("2 trades, every run in ", Lines[0], StringComparison.Ordinal);
        Assert.Equal(["2025-12-01", "2025-12-02"], Lines[2..4].Select(l => l[..10]));
    }

    [Fact]
    public async Task Today_lists_trades_today_json_and_a_reversed_range_or_a_mixed_request_is_refused_with_one_line()
    {
        Assert.Equal(0, await TradesCommand.RunAsync(_config, today: true, null, null, allRuns: false, _output, _error));
        Assert.StartsWith("1 trades, ", Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("trades_today.json", Lines[0], StringComparison.Ordinal);

        Assert.Equal(2, await TradesCommand.RunAsync(_config, today: false, new DateOnly(2025, 12, 3), new DateOnly(2025, 12, 1), false, _output, _error));
        Assert.Equal(2, await TradesCommand.RunAsync(_config, today: true, new DateOnly(2025, 12, 1), null, false, _output, _error));
        Assert.Equal(["error: --from 2025-12-03 is after --to 2025-12-01", "error: --today lists trades_today.json and takes no --from, --to or --all-runs"],
            _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
