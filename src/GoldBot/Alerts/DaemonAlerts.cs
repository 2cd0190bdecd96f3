using System.Globalization;
using GoldBot.Execution;
using GoldBot.Monitoring;

namespace GoldBot.Alerts;

/// <summary>What each daemon event's alert says: one factory per event, the title one line, money in USD after costs, prices in points.</summary>
public static class DaemonAlerts
{
    /// <summary>A trade's entry filled (key: the trade id).</summary>
    public static Alert Entry(TradeRecord trade, string symbol)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return new Alert(AlertKind.Entry, trade.Id, AlertSeverity.Info,
            FormattableString.Invariant($"Entry: {trade.Side} {trade.Size} {symbol} at {trade.Entry}"),
            FormattableString.Invariant($"{trade.Pattern} score {trade.PatternScore}; stop {trade.Stop}, target {trade.Target}; risk {trade.RiskAmount:0.00} USD; trade {trade.Id}"),
            trade.EntryTime);
    }

    /// <summary>A trade went flat (key: the trade id).</summary>
    public static Alert Exit(TradeRecord trade, string symbol)
    {
        ArgumentNullException.ThrowIfNull(trade);
        var pnl = trade.PnL ?? 0;
        return new Alert(AlertKind.Exit, trade.Id, AlertSeverity.Info,
            FormattableString.Invariant($"Exit: {trade.Side} {trade.Size} {symbol} {trade.Outcome} {pnl:+0.00;-0.00;0.00} USD ({trade.RMultiple}R) by {trade.ExitReason}"),
            FormattableString.Invariant($"entry {trade.Entry}, last exit {(trade.Exits.Count > 0 ? trade.Exits[^1].Price : trade.Entry)}; balance {trade.BalanceAfter:0.00} USD; trade {trade.Id}"),
            trade.ExitTime ?? trade.EntryTime);
    }

    /// <summary>
    /// The risk manager flattens (key: the reason): an emergency stop is <see cref="AlertSeverity.Critical"/> and of its own kind;
    /// the daily end-of-day flatten and the end of a replay's data are Info; any other reason (a loss limit, a control, the flat-by deadline) a Warning.
    /// </summary>
    public static Alert Flatten(string reason, DateTimeOffset time) => reason switch
    {
        "emergency_stop" => new Alert(AlertKind.EmergencyStop, reason, AlertSeverity.Critical, "EMERGENCY STOP: flattening, entries blocked, the daemon stops once flat",
            "EMERGENCY_STOP.txt was seen; remove it before the next start", time),
        "eod_flatten" or "end_of_data" => new Alert(AlertKind.Flatten, reason, AlertSeverity.Info, $"Flatten: {reason}", "", time),
        _ => new Alert(AlertKind.Flatten, reason, AlertSeverity.Warning, $"Flatten: {reason}", "cancelling orders and closing the position", time),
    };

    /// <summary>Loss-limit headroom under its threshold (key: <c>daily</c> or <c>maximum</c>); Critical once none is left.</summary>
    /// <param name="which"><c>daily</c> or <c>maximum</c>.</param>
    /// <param name="headroom">USD left before the limit.</param>
    /// <param name="threshold">The configured threshold, USD.</param>
    /// <param name="detail">What the limit is, e.g. the floor.</param>
    public static Alert Headroom(string which, decimal headroom, decimal threshold, string detail, DateTimeOffset time) =>
        new(AlertKind.LossHeadroom, which, headroom <= 0 ? AlertSeverity.Critical : AlertSeverity.Warning,
            FormattableString.Invariant($"{(which == "daily" ? "Daily" : "Maximum")} loss limit: {headroom:0.00} USD of headroom left (alert under {threshold:0.00})"), detail, time);

    /// <summary>The order executor found a protection violation (key: <c>protection</c>).</summary>
    public static Alert ProtectionViolation(ProtectionStatus protection, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(protection);
        return new Alert(AlertKind.ProtectionViolation, "protection", AlertSeverity.Critical,
            $"Protection violation: {protection.LastViolation ?? "(no detail)"}",
            FormattableString.Invariant($"state {protection.State}; {protection.Violations} violations, {protection.Repairs} repairs since start, {protection.SecondsNakedToday:0.#} s unprotected today"),
            protection.LastViolationTime ?? time);
    }

    /// <summary>The market-data feed went stale or disconnected (key: <c>market_data</c>), or came back (key: <c>market_data_back</c>).</summary>
    public static Alert Feed(FeedStatus status, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.State is FeedState.Stale or FeedState.Disconnected
            ? new Alert(AlertKind.StaleFeed, "market_data", AlertSeverity.Warning, $"Market data {status.State.ToString().ToLowerInvariant()}: new entries blocked",
                FormattableString.Invariant($"last quote {status.QuoteAgeMs?.ToString(CultureInfo.InvariantCulture) ?? "none"} ms, last trade {status.LastTradeAgeMs?.ToString(CultureInfo.InvariantCulture) ?? "none"} ms ago; hub {(status.Connected ? "connected" : "disconnected")}"), time)
            : new Alert(AlertKind.StaleFeed, "market_data_back", AlertSeverity.Info, "Market data back: entries allowed again", "", time);
    }

    /// <summary>The market hub reconnected <paramref name="reconnects"/> times within <paramref name="window"/> (key: <c>market_hub</c>).</summary>
    public static Alert ReconnectStorm(int reconnects, TimeSpan window, int total, DateTimeOffset time) =>
        new(AlertKind.ReconnectStorm, "market_hub", AlertSeverity.Warning,
            FormattableString.Invariant($"Reconnect storm: the market hub reconnected {reconnects} times in {window.TotalMinutes:0} minutes"),
            FormattableString.Invariant($"{total} reconnects since start; check the network and the gateway's status"), time);

    /// <summary>The daemon started (key: the mode).</summary>
    public static Alert Started(string mode, string symbol, IEnumerable<string> channels, DateTimeOffset time) =>
        new(AlertKind.DaemonStarted, mode, AlertSeverity.Info, $"GoldBot started: {mode}, {symbol}", $"alerts to {string.Join(", ", channels)}", time);

    /// <summary>The daemon stopped: Critical when a stage failed, Warning after an emergency stop, else Info (key: the mode).</summary>
    /// <param name="outcome">How the run ended, e.g. <c>Completed</c>, <c>Stopped</c>, <c>EmergencyStop</c>, <c>Failed</c>.</param>
    /// <param name="reason">Why it failed, or null.</param>
    public static Alert Stopped(string mode, string outcome, string? reason, DateTimeOffset time) =>
        new(AlertKind.DaemonStopped, mode, outcome switch { "Failed" => AlertSeverity.Critical, "EmergencyStop" => AlertSeverity.Warning, _ => AlertSeverity.Info },
            $"GoldBot stopped: {outcome}", reason ?? "", time);

    /// <summary>An operator control acknowledged: the line written to controls.log (key: the line, so every control gets through).</summary>
    public static Alert Control(string action, string line, DateTimeOffset time) =>
        new(AlertKind.Control, line, action == "EmergencyStop" ? AlertSeverity.Warning : AlertSeverity.Info, $"Control {action} acknowledged", line, time);
}
