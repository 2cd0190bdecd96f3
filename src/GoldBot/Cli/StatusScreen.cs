using System.Globalization;
using System.Text.Json;
using GoldBot.Market;
using GoldBot.Monitoring;

namespace GoldBot.Cli;

/// <summary>
/// The screen <c>goldbot status</c> prints and <c>goldbot dashboard</c> redraws, as lines of at most about 80 characters:
/// the verdict, mode and last bar, account and day's P&amp;L, the loss limits' headroom (USD and a 20-cell gauge), whether
/// entries are allowed, the position with its stop and target, the working orders, protection, feed and regime, learning,
/// the last signals and today's trades. Times of signals and trades in exchange time (CT); the last bar in UTC and CT.
/// </summary>
internal static class StatusScreen
{
    private const int GaugeCells = 20;

    /// <summary>The lines for <paramref name="status"/> (status.json's root), <paramref name="today"/> (trades_today.json's trades) and <paramref name="signals"/> (the newest last).</summary>
    /// <param name="verdict">The first line (<see cref="StatusCommand.Judge"/>).</param>
    /// <param name="maxSignals">How many of the newest signals to show.</param>
    /// <param name="maxTrades">How many of the newest trades to show (their count and net P&amp;L always cover the whole day).</param>
    public static IReadOnlyList<string> Lines(JsonElement status, IReadOnlyList<TradeDocument> today, IReadOnlyList<SignalLogLine> signals, string verdict,
        int maxSignals, int maxTrades)
    {
        var lines = new List<string>();
        void Line(FormattableString line) => lines.Add(line.ToString(CultureInfo.InvariantCulture));
        var s = status;
        Line($"{verdict}");
        var lastBar = JsonFields.Time(s, "last_bar_time") is { } bar ? $"{bar.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({CmeSession.ToExchangeTime(bar):HH:mm} CT)" : "none";
        Line($"{JsonFields.Text(s, "mode")} {JsonFields.Text(s, "symbol")}, last bar {lastBar}");
        if (s.TryGetProperty("account", out var account) && s.TryGetProperty("risk", out var risk))
        {
            var balance = JsonFields.Number(account, "balance");
            var floor = JsonFields.Number(risk, "max_loss_floor");
            var dailyLeft = JsonFields.Number(risk, "daily_loss_remaining");
            Line($"account {balance:0.00} USD, day P&L {JsonFields.Number(account, "daily_pnl"):+0.00;-0.00;0.00}, {JsonFields.Number(account, "daily_trades"):0} trades today");
            Line($"daily loss   {Gauge(dailyLeft, JsonFields.Number(risk, "daily_loss_limit"))} {dailyLeft,8:0.00} USD left of {JsonFields.Number(risk, "daily_loss_limit"):0}");
            Line($"maximum loss {Gauge(balance - floor, JsonFields.Number(risk, "max_loss_limit"))} {balance - floor,8:0.00} USD above {floor:0.00}");
            Line($"trading: {(JsonFields.Bool(risk, "can_trade") ? "allowed" : "blocked: " + (JsonFields.Text(risk, "blocked_by") ?? "?"))}");
        }
        if (s.TryGetProperty("active_positions", out var positions) && positions.ValueKind == JsonValueKind.Array && positions.GetArrayLength() > 0)
        {
            foreach (var p in positions.EnumerateArray())
                Line($"position {JsonFields.Text(p, "side")} {JsonFields.Number(p, "quantity"):0} at {JsonFields.Number(p, "entry")}, stop {JsonFields.Text(p, "stop") ?? "NONE"}, target {JsonFields.Number(p, "target")}, open P&L {JsonFields.Number(p, "unrealized_pnl"):+0.00;-0.00;0.00}");
        }
        else
        {
            Line($"position: flat");
        }
        if (s.TryGetProperty("working_orders", out var orders) && orders.ValueKind == JsonValueKind.Array && orders.GetArrayLength() > 0)
            Line($"orders: {string.Join(", ", orders.EnumerateArray().Select(Order))}");
        Line($"protection {JsonFields.Text(s, "protection", "state") ?? "unknown"}, feed {JsonFields.Text(s, "feed", "state") ?? "n/a (replay)"}, regime {JsonFields.Text(s, "market_regime", "regime") ?? "unknown"}");
        if (s.TryGetProperty("learning", out var learning) && learning.TryGetProperty("adaptation", out var adaptation) && adaptation.ValueKind == JsonValueKind.Object)
        {
            var disabled = adaptation.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.Object ? d.EnumerateObject().Count() : 0;
            Line($"learning {JsonFields.Text(adaptation, "policy")}: size ×{JsonFields.Number(adaptation, "size_multiplier"):0.##}, {disabled} disabled, {JsonFields.Number(adaptation, "decisions"):0} decisions");
        }
        Line($"last signals (CT):{(signals.Count == 0 ? " none" : "")}");
        foreach (var signal in signals.TakeLast(maxSignals))
            Line($"  {CmeSession.ToExchangeTime(signal.Time):MM-dd HH:mm} {signal.Pattern} {signal.Side} {signal.Score}: {signal.Reason}");
        var closed = today.Where(t => t.Pnl is not null).ToList();
        Line($"today's trades (CT): {today.Count}{(closed.Count == 0 ? "" : $", net {closed.Sum(t => t.Pnl!.Value):+0.00;-0.00;0.00} USD")}{(today.Count > closed.Count ? $", {today.Count - closed.Count} open" : "")}");
        foreach (var t in today.TakeLast(maxTrades))
            Line($"  {CmeSession.ToExchangeTime(t.Timestamp):HH:mm} {t.Side} {t.Size} {t.Pattern} at {t.Entry}: {(t.Pnl is { } pnl ? $"{pnl:+0.00;-0.00;0.00} USD ({t.RMultiple:+0.00;-0.00;0.00}R) {t.ExitReason}" : "open")}");
        return lines;
    }

    /// <summary><c>[#####---------------]</c>: the share of <paramref name="limit"/> still left; empty cells are the part used. No limit known: spaces.</summary>
    internal static string Gauge(decimal left, decimal limit)
    {
        var cells = limit <= 0 ? 0 : (int)Math.Round(Math.Clamp(left / limit, 0m, 1m) * GaugeCells, MidpointRounding.AwayFromZero);
        return limit <= 0 ? $"[{new string(' ', GaugeCells)}]" : $"[{new string('#', cells)}{new string('-', GaugeCells - cells)}]";
    }

    /// <summary><c>stop sell 2 at 4195.0</c>: the order's role (from its tag: <c>stop</c>, <c>tp1</c>…, <c>entry</c>, or <c>manual</c> without one), side, size and price.</summary>
    private static string Order(JsonElement o)
    {
        var tag = JsonFields.Text(o, "tag") ?? "";
        var last = tag[(tag.LastIndexOf('-') + 1)..];
        var role = tag.Length == 0 ? "manual" : last.Length > 0 && char.IsLetter(last[0]) ? last : "entry";
        var price = JsonFields.Text(o, "stop_price") ?? JsonFields.Text(o, "limit_price") ?? "market";
        return string.Create(CultureInfo.InvariantCulture, $"{role} {JsonFields.Text(o, "side")} {JsonFields.Number(o, "quantity"):0} at {price}");
    }
}
