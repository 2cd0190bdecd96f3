using GoldBot.Alerts;
using GoldBot.Execution;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Risk;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static GoldBot.Tests.Alerts.AlertTestSettings;

namespace GoldBot.Tests.Alerts;

/// <summary>The alerts read from status.json's sources: headroom, protection violations, the feed, reconnect storms and the daily report's time.</summary>
public sealed class AlertWatchTests : IDisposable
{
    // Monday 1 December 2025, 08:00 CT.
    private static readonly DateTimeOffset Morning = new(2025, 12, 1, 14, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Morning);
    private readonly MonitoringState _monitoring = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("goldbot-watch-");
    private readonly AlertPublisher _alerts;
    private readonly AlertWatch _watch;
    private readonly FeedMonitor _feed;

    public AlertWatchTests()
    {
        _alerts = new AlertPublisher(WebhookOn(cooldownSeconds: 0, duplicateMinutes: 0), _time);
        _feed = new FeedMonitor(_time, _ => true, TimeSpan.FromSeconds(60));
        var journal = new TradeJournal(_folder.FullName, "MGC", "test", new WriteFailures(_time, NullLogger.Instance), NullLogger.Instance);
        _watch = new AlertWatch(_alerts, new AlertSettings(), new RiskOptions(), _monitoring, journal, _feed);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private void Risk(decimal dailyRemaining, decimal balance = 50_000m, decimal floor = 48_000m, DateOnly? day = null) =>
        _monitoring.SetRisk(new RiskStatus(true, null, 0, dailyRemaining - 800m, dailyRemaining, 1, floor, false, false, 8, 1, day ?? new DateOnly(2025, 12, 1), balance), 0m, 0m);

    private List<Alert> Check(DateTimeOffset now)
    {
        if (now > _time.GetUtcNow())
            _time.SetUtcNow(now);
        _feed.OnQuote(2650m); // a fresh quote: only the feed test lets it go stale
        _watch.Check(now);
        return Drain(_alerts);
    }

    [Fact]
    public void Headroom_under_a_threshold_alerts_once_per_crossing()
    {
        Risk(dailyRemaining: 500m);
        Assert.Empty(Check(Morning));
        Risk(dailyRemaining: 150m);
        var alert = Assert.Single(Check(Morning));
        Assert.Equal((AlertKind.LossHeadroom, "daily", AlertSeverity.Warning), (alert.Kind, alert.Key, alert.Severity));
        Assert.Equal("Daily loss limit: 150.00 USD of headroom left (alert under 200.00)", alert.Title);
        Risk(dailyRemaining: 120m);
        Assert.Empty(Check(Morning));                      // still under: no repeat
        Risk(dailyRemaining: 300m);
        Assert.Empty(Check(Morning));                      // recovered
        Risk(dailyRemaining: 100m);
        Assert.Single(Check(Morning));                     // a new crossing

        Risk(dailyRemaining: 800m, balance: 48_400m, floor: 48_000m);
        alert = Assert.Single(Check(Morning));
        Assert.Equal(("maximum", "Maximum loss limit: 400.00 USD of headroom left (alert under 500.00)"), (alert.Key, alert.Title));
    }

    [Fact]
    public void A_new_protection_violation_alerts_as_critical()
    {
        _monitoring.SetProtection(new ProtectionStatus("protected", null, null, 0, 0, 0), null);
        Assert.Empty(Check(Morning));
        _monitoring.SetProtection(new ProtectionStatus("naked", "position 2 without a stop", Morning, 0, 1, 3), null);
        var alert = Assert.Single(Check(Morning));
        Assert.Equal((AlertKind.ProtectionViolation, AlertSeverity.Critical, "Protection violation: position 2 without a stop"), (alert.Kind, alert.Severity, alert.Title));
        Assert.Empty(Check(Morning));
    }

    [Fact]
    public void A_stale_feed_alerts_and_its_return_too()
    {
        _feed.OnQuote(2650m);
        _watch.Check(Morning);
        Assert.Empty(Drain(_alerts));
        _time.Advance(TimeSpan.FromSeconds(61));
        _watch.Check(_time.GetUtcNow());
        var stale = Assert.Single(Drain(_alerts));
        Assert.Equal((AlertKind.StaleFeed, "Market data stale: new entries blocked"), (stale.Kind, stale.Title));
        _watch.Check(_time.GetUtcNow());
        Assert.Empty(Drain(_alerts));
        _feed.OnQuote(2651m);
        _watch.Check(_time.GetUtcNow());
        Assert.Equal("Market data back: entries allowed again", Assert.Single(Drain(_alerts)).Title);
    }

    [Fact]
    public void Three_reconnects_within_ten_minutes_are_a_storm()
    {
        for (var i = 0; i < 3; i++)
        {
            _feed.OnDisconnected();
            _feed.OnConnected();
            var alerts = Check(Morning.AddMinutes(4 * i));
            Assert.Equal(i == 2 ? 1 : 0, alerts.Count(a => a.Kind == AlertKind.ReconnectStorm));
        }
        // One storm, one alert: at 15 minutes only the reconnect at 8 is within the window, which re-arms it; two more make the next storm.
        Assert.Empty(Check(Morning.AddMinutes(15)));
        for (var minute = 16; minute <= 17; minute++)
        {
            _feed.OnDisconnected();
            _feed.OnConnected();
            Assert.Equal(minute == 17 ? 1 : 0, Check(Morning.AddMinutes(minute)).Count(a => a.Kind == AlertKind.ReconnectStorm));
        }
    }

    [Fact]
    public void The_daily_report_goes_out_once_after_15_10_CT()
    {
        Risk(dailyRemaining: 800m);
        var ct1509 = new DateTimeOffset(2025, 12, 1, 21, 9, 59, TimeSpan.Zero);
        Assert.Empty(Check(ct1509));
        var report = Assert.Single(Check(ct1509.AddSeconds(1)));
        Assert.Equal((AlertKind.DailyReport, "2025-12-01"), (report.Kind, report.Key));
        Assert.Empty(Check(ct1509.AddMinutes(30)));
        // 17:05 CT is the next trading day: nothing until its own 15:10, even once the risk manager rolled into it.
        Assert.Empty(Check(new DateTimeOffset(2025, 12, 1, 23, 5, 0, TimeSpan.Zero)));
        Risk(dailyRemaining: 800m, day: new DateOnly(2025, 12, 2));
        Assert.Empty(Check(new DateTimeOffset(2025, 12, 1, 23, 6, 0, TimeSpan.Zero)));
        Assert.Equal("2025-12-02", Assert.Single(Check(new DateTimeOffset(2025, 12, 2, 21, 10, 0, TimeSpan.Zero))).Key);
    }
}
