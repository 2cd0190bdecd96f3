using System.Text.Json;
using GoldBot.Alerts;
using GoldBot.Tests.Alerts;

namespace GoldBot.Tests.EndToEnd;

/// <summary>
/// The default MGC replay with the generic JSON webhook on, against a real local server: what the daemon sends, and that a
/// webhook that never answers changes nothing in the trading (the pinned summary). One class: the webhook URL is an
/// environment variable, set for one run at a time.
/// </summary>
public sealed class AlertReplayTests : IAsyncLifetime
{
    private const string PinnedSummary = "trades 14, win rate 64.3 %, net P&L +543.12 USD after costs";
    private CaptureServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await CaptureServer.StartAsync();
        Environment.SetEnvironmentVariable(AlertSecrets.WebhookVariable, new Uri(_server.BaseUrl, "/hook/e2e-webhook-secret").ToString());
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(AlertSecrets.WebhookVariable, null);
        await _server.DisposeAsync();
    }

    private static Dictionary<string, string?> WebhookOn(int drainSeconds, int capacity = 100) => new()
    {
        ["Alerts:Webhook:Enabled"] = "true",
        ["Alerts:StopDrainSeconds"] = drainSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Alerts:QueueCapacity"] = capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_replay_sends_start_entries_exits_flattens_daily_reports_and_stop()
    {
        // Drained for up to a minute at the stop: a bound against a hang, not a timing; the local server answers at once.
        using var run = await ReplayRun.StartAsync(overrides: WebhookOn(drainSeconds: 60, capacity: 10_000));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains(PinnedSummary, run.Output, StringComparison.Ordinal);

        var alerts = _server.Received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.All(_server.Received, r => Assert.Equal("/hook/e2e-webhook-secret", r.Path));
        Assert.Equal("GoldBot started: Replay, MGC", alerts[0].GetProperty("title").GetString());
        Assert.Equal("GoldBot stopped: Completed", alerts[^1].GetProperty("title").GetString());
        string[] Of(string kind) => [.. alerts.Where(a => a.GetProperty("kind").GetString() == kind).Select(a => a.GetProperty("key").GetString()!)];
        var journal = run.Journal.Select(t => t.GetProperty("id").GetString()).ToList();
        Assert.Equal(journal, Of("Entry"));
        Assert.Equal(journal, Of("Exit"));
        Assert.Contains("eod_flatten", Of("Flatten"));
        var reports = Of("DailyReport");
        Assert.NotEmpty(reports);
        Assert.Equal(reports.Distinct().Count(), reports.Length);
        foreach (var log in Directory.GetFiles(run.Logs, "*.log"))
            Assert.DoesNotContain("e2e-webhook-secret", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_webhook_that_never_answers_does_not_change_the_trading()
    {
        var release = new TaskCompletionSource<(int, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Respond = _ => release.Task;
        try
        {
            using var run = await ReplayRun.StartAsync(overrides: WebhookOn(drainSeconds: 0, capacity: 5));
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(PinnedSummary, run.Output, StringComparison.Ordinal);
            var log = string.Concat(Directory.GetFiles(run.Logs, "goldbot-*.log").Select(File.ReadAllText));
            Assert.Contains("Alerts still queued at the stop were not sent within 0 s", log, StringComparison.Ordinal);
            Assert.DoesNotContain("e2e-webhook-secret", log, StringComparison.Ordinal);
        }
        finally
        {
            release.SetResult((200, "{}"));
        }
    }
}
