using GoldBot.Monitoring;
using GoldBot.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GoldBot.Tests.Monitoring;

public sealed class WriteFailuresTests
{
    private static readonly DateTimeOffset Start = new(2025, 12, 1, 15, 0, 0, TimeSpan.Zero);
    private readonly ReplayClock _clock = new(Start);
    private readonly FakeLogger _log = new();

    private static void Refused() => throw new UnauthorizedAccessException("denied");

    [Fact]
    public void Any_exception_is_a_failure_logged_once_per_streak_counted_and_its_recovery_logged_once()
    {
        var writes = new WriteFailures(_clock, _log);
        _clock.AdvanceTo(Start);

        Assert.False(writes.Attempt("/logs/status.json", Refused, "rewritten later"));
        Assert.False(writes.Attempt("/logs/status.json", () => throw new InvalidOperationException("odd"), "rewritten later"));
        Assert.True(writes.Attempt("/logs/status.json", () => { }, "rewritten later"));
        Assert.True(writes.Attempt("/logs/status.json", () => { }, "rewritten later"));

        var records = _log.Collector.GetSnapshot();
        Assert.Equal("Cannot write /logs/status.json: denied; rewritten later; trading continues", Assert.Single(records, r => r.Level == LogLevel.Error).Message);
        Assert.Equal("/logs/status.json written again (after 2 failed writes)", Assert.Single(records, r => r.Level == LogLevel.Information).Message);
        Assert.Equal(new WriteFailureStatus("status.json", false, 2, Start, "odd", 0), Assert.Single(writes.Status()));
        Assert.Null(writes.EntriesBlockedBy);
    }

    [Fact]
    public void Each_file_is_tracked_on_its_own_and_the_summary_says_which_still_fail_and_what_they_hold()
    {
        var writes = new WriteFailures(_clock, _log);
        _clock.AdvanceTo(Start);
        writes.Attempt("/logs/signals.log", Refused, "kept");
        _clock.AdvanceTo(Start.AddMinutes(3));
        writes.Attempt("/logs/all_trades.jsonl", Refused, "kept");
        writes.SetPending("/logs/all_trades.jsonl", 2);
        writes.Attempt("/logs/signals.log", () => { }, "kept");

        Assert.Equal(2, _log.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Error));
        Assert.Equal("write failures: signals.log 1 failed from 2025-12-01T15:00:00Z, written again; "
            + "all_trades.jsonl 1 failed from 2025-12-01T15:03:00Z, STILL FAILING (denied), 2 records not written", writes.Summary());
    }

    [Fact]
    public void Under_Stop_entries_are_blocked_while_any_file_fails_and_allowed_once_all_are_written_again()
    {
        var writes = new WriteFailures(_clock, _log, WriteFailurePolicy.Stop);
        Assert.Null(writes.Summary());
        writes.Attempt("/logs/signals.log", Refused, "kept");
        Assert.Equal("signals.log cannot be written (Monitoring:OnWriteFailure Stop)", writes.EntriesBlockedBy);
        Assert.EndsWith("new entries blocked until it can be written (Monitoring:OnWriteFailure Stop)", _log.LatestRecord.Message, StringComparison.Ordinal);
        writes.Attempt("/logs/signals.log", () => { }, "kept");
        Assert.Null(writes.EntriesBlockedBy);
    }
}
