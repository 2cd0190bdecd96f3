using System.Text.Json;
using GoldBot.Cli;
using GoldBot.Monitoring;
using GoldBot.State;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Cli;

/// <summary><c>goldbot learning</c> rebuilt from the state store and from the journal, and its errors.</summary>
public sealed class LearningCommandTests : IDisposable
{
    private const long Account = 4242;
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-learning-cli-").FullName;
    private readonly string _config;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public LearningCommandTests()
    {
        _config = Path.Combine(_folder, "appsettings.json");
        var folder = _folder.Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(_config, $$"""{ "State": { "Directory": "{{folder}}/state" }, "Monitoring": { "LogDirectory": "{{folder}}/logs" }, "Strategy": { "Patterns": [ "order_block", "fair_value_gap" ] } }""");
    }

    private static string Line(GoldBot.Execution.TradeRecord trade, string run) => JsonSerializer.Serialize(TradeDocument.From(trade, "MGC", run), MonitoringJson.Line);

    [Fact]
    public async Task From_the_state_store_it_prints_the_table_and_the_decision_that_disabled_the_loser()
    {
        using (var store = StateStore.Open(Path.Combine(_folder, "state", $"account-{Account}.db"), TimeProvider.System))
        {
            foreach (var trade in ClosedTrades.LoserAndWinner(40))
                store.CloseTrade(Account, trade.Id, DateOnly.FromDateTime(trade.ExitTime!.Value.UtcDateTime), "live-1", Line(trade, "live-1"));
        }

        Assert.Equal(0, await LearningCommand.RunAsync(Account, null, false, _config, _output, _error));

        var text = _output.ToString();
        Assert.StartsWith($"learning (Evidence) from 80 closed trades of account {Account}", text, StringComparison.Ordinal);
        Assert.Matches(@"\nfair_value_gap\s+40\s+25\.0 %\s+-0\.\d\d \[-\d\.\d\d, -0\.\d\d\]\s+no\r?\n", text);
        Assert.Matches(@"\norder_block\s+40\s+67\.5 %\s+0\.\d\d \[0\.\d\d, \d\.\d\d\]\s+yes\r?\n", text);
        Assert.Matches(@"Z fair_value_gap disabled: \d+ trades, expectancy -\d\.\d\d R, 95 % CI", text);
    }

    [Fact]
    public async Task From_the_journal_it_takes_the_latest_run_unless_asked_for_every_run()
    {
        var logs = Directory.CreateDirectory(Path.Combine(_folder, "logs")).FullName;
        var lines = ClosedTrades.LoserAndWinner(5).Select(t => Line(t, "replay-a")).Concat(ClosedTrades.LoserAndWinner(3).Select(t => Line(t, "replay-b")));
        File.WriteAllLines(Path.Combine(logs, "all_trades.jsonl"), [.. lines, "{\"torn"]);

        Assert.Equal(0, await LearningCommand.RunAsync(null, null, false, _config, _output, _error));
        Assert.Contains("from 6 closed trades of run replay-b", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await LearningCommand.RunAsync(null, null, true, _config, _output, _error));
        Assert.Contains("from 16 closed trades of every run", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_journal_or_a_store_it_says_what_it_needs_and_exits_2()
    {
        Assert.Equal(2, await LearningCommand.RunAsync(null, null, false, _config, _output, _error));
        Assert.StartsWith("error: no journal at ", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--journal FILE or --account ID", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await LearningCommand.RunAsync(Account, null, false, _config, _output, _error));
        Assert.Contains($"no state store for account {Account}", _error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
