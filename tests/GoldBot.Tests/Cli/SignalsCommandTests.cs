using GoldBot.Cli;

namespace GoldBot.Tests.Cli;

/// <summary><c>goldbot signals</c>: the newest signals, and <c>--summary</c>: where they went, by reason, score, pattern and hour (CT), on the real MGC replay's signals.</summary>
public sealed class SignalsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-signals-cli-").FullName;
    private readonly string _config;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public SignalsCommandTests()
    {
        _config = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(_config, $$"""{ "Monitoring": { "LogDirectory": "{{_folder.Replace("\\", "/", StringComparison.Ordinal)}}/logs" } }""");
        Directory.CreateDirectory(Path.Combine(_folder, "logs"));
        File.WriteAllLines(Path.Combine(_folder, "logs", "signals.log"), [
            Line("2025-12-01T13:00:00Z", 6, false, "score 6 below minimum 7", "old"),
            Line("2025-12-01T14:00:00Z", 8, false, "outside trading window 08:30–15:00 CT", "new"),
            Line("2025-12-01T14:45:00Z", 8, true, "traded", "new"),
            "2025-12-01T14:50:00Z | order_block long | score=",
            Line("2025-12-01T15:10:00Z", 5, false, "score 5 below minimum 7", "new"),
            Line("2025-12-02T15:10:00Z", 9, false, "score 9 below minimum 10", "new"),
        ]);
    }

    private static string Line(string time, int score, bool executed, string reason, string run) =>
        $"{time} | order_block long | score={score} (displacement=2) | executed={(executed ? "true" : "false")} | reason={reason} | zone=1-2 stop_ticks=20 trend=1 session=new_york | run={run}";

    private string[] Lines => _output.ToString().Split(Environment.NewLine);

    [Fact]
    public async Task The_summary_counts_the_latest_runs_signals_by_refusal_kind_score_and_hour_with_what_was_taken()
    {
        Assert.Equal(0, await SignalsCommand.RunAsync(_config, summary: true, 20, null, null, allRuns: false, _output, _error));
        var lines = Lines;
        Assert.StartsWith("4 signals, 1 taken (25.0 %), run new in ", lines[0], StringComparison.Ordinal);
        var decisions = Array.IndexOf(lines, "signals   share  taken  by decision");
        Assert.Equal(["      2  50.0 %      0  score … below minimum …", "      1  25.0 %      0  outside trading window 08:30–15:00 CT", "      1  25.0 %      1  taken"],
            lines[(decisions + 1)..(decisions + 4)]);
        Assert.Contains("      2  50.0 %      1   8", lines);
        Assert.Contains("      2  50.0 %      1  08:00", lines);
    }

    [Fact]
    public async Task The_list_shows_the_newest_signals_of_a_range_of_trading_days_and_bad_options_are_refused()
    {
        Assert.Equal(0, await SignalsCommand.RunAsync(_config, summary: false, 1, new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 1), allRuns: true, _output, _error));
        Assert.StartsWith("4 signals, every run in ", Lines[0], StringComparison.Ordinal);
        Assert.EndsWith("; the last 1", Lines[0], StringComparison.Ordinal);
        Assert.Equal("2025-12-01 09:10 CT  order_block long  score  5  refused: score 5 below minimum 7", Lines[1]);

        Assert.Equal(2, await SignalsCommand.RunAsync(_config, false, 0, null, null, false, _output, _error));
        Assert.Equal(2, await SignalsCommand.RunAsync(_config, false, 5, new DateOnly(2025, 12, 2), new DateOnly(2025, 12, 1), false, _output, _error));
        Assert.Equal(["error: --last must be at least 1 (got 0)", "error: --from 2025-12-02 is after --to 2025-12-01"],
            _error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
