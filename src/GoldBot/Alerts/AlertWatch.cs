using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Risk;

namespace GoldBot.Alerts;

/// <summary>
/// The alerts read from what the daemon already publishes (status.json's sources), checked every second of market time by
/// <see cref="AlertWatchService"/>: loss-limit headroom under its threshold (from the risk manager's status in
/// <see cref="MonitoringState"/>; once per crossing, again after it recovers or a new trading day), a new protection
/// violation (the executor's count), the feed going stale or disconnected and coming back and reconnect storms (the
/// <see cref="FeedMonitor"/>, gateway modes), and the daily report once per trading day at <c>Alerts:DailyReportAt</c> CT.
/// Not thread-safe (one timer calls it).
/// </summary>
public sealed class AlertWatch(AlertPublisher alerts, AlertSettings settings, RiskOptions risk, MonitoringState monitoring, TradeJournal journal, FeedMonitor? feed = null)
{
    private readonly ReconnectStorm _storm = new(settings.ReconnectStormCount, TimeSpan.FromMinutes(settings.ReconnectStormMinutes));
    private readonly HashSet<string> _under = [];
    private DateOnly? _headroomDay;
    private int _violations;
    private bool _stale;
    private DateOnly? _reported;

    /// <summary>Runs every check at <paramref name="now"/> (UTC, market time).</summary>
    public void Check(DateTimeOffset now)
    {
        var snapshot = monitoring.Snapshot();
        if (snapshot.Risk is { } status)
        {
            Headroom(status, snapshot.OpenPnL, now);
            Report(status, snapshot.OpenPnL, now);
        }
        if (snapshot.Protection is { } protection && protection.Violations > _violations)
        {
            _violations = protection.Violations;
            alerts.Publish(DaemonAlerts.ProtectionViolation(protection, now));
        }
        if (feed is not null)
            Feed(feed.Status(now), now);
    }

    private void Headroom(RiskStatus status, decimal openPnL, DateTimeOffset now)
    {
        if (_headroomDay != status.TradingDay)
        {
            // The daily limit starts afresh each trading day; the maximum-loss floor does not, but a new day may alert once again.
            _headroomDay = status.TradingDay;
            _under.Clear();
        }
        var equity = status.Balance + openPnL;
        Limit("daily", status.DailyLossRemaining, settings.DailyLossHeadroomUsd,
            FormattableString.Invariant($"daily loss limit {risk.DailyLossLimit:0.00} USD, day P&L {status.DailyPnL:+0.00;-0.00;0.00}"), now);
        Limit("maximum", equity - status.MaxLossFloor, settings.MaxLossHeadroomUsd,
            FormattableString.Invariant($"maximum-loss floor {status.MaxLossFloor:0.00} USD, equity {equity:0.00}"), now);
    }

    private void Limit(string which, decimal headroom, decimal threshold, string detail, DateTimeOffset now)
    {
        if (threshold <= 0 || headroom >= threshold)
        {
            _under.Remove(which);
            return;
        }
        if (_under.Add(which))
            alerts.Publish(DaemonAlerts.Headroom(which, headroom, threshold, detail, now));
    }

    private void Report(RiskStatus status, decimal openPnL, DateTimeOffset now)
    {
        // Once per trading day, between the report time and 17:00 CT, when the next trading day opens.
        var timeOfDay = CmeSession.ExchangeTimeOfDay(now);
        if (_reported == status.TradingDay || CmeSession.TradingDayOf(now) != status.TradingDay || timeOfDay < settings.DailyReportAt
            || timeOfDay >= CmeSession.TradingDayStart)
            return;
        _reported = status.TradingDay;
        alerts.Publish(DailyReport.Of(status, openPnL, journal.ClosedTrades, risk.StartingBalance, settings).ToAlert(now));
    }

    private void Feed(FeedStatus status, DateTimeOffset now)
    {
        var stale = status.State is FeedState.Stale or FeedState.Disconnected;
        if (stale != _stale)
        {
            _stale = stale;
            alerts.Publish(DaemonAlerts.Feed(status, now));
        }
        if (_storm.Observe(status.Reconnects, now))
            alerts.Publish(DaemonAlerts.ReconnectStorm(_storm.InWindow, _storm.Window, status.Reconnects, now));
    }
}
