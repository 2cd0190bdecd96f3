using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GoldBot.Configuration;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot status</c> (issue 14 §1, first part): one screen from <c>status.json</c> in <c>Monitoring:LogDirectory</c>: mode,
/// alive or dead with the heartbeat's age, account, day's P&amp;L, loss-limit headroom (daily and maximum, USD), the position
/// with its stop and target, protection, feed, market regime, learning, the last signal. Exit codes for scripts and monitors:
/// 0 healthy, 1 degraded (alive, but protection not <c>protected</c>/<c>flat</c>, the feed stale or disconnected, a file
/// failing to write, an emergency stop), 2 dead (no file, an unreadable one, <c>is_alive</c> false, or a heartbeat older than
/// <see cref="DeadAfter"/>) or a bad configuration.
/// </summary>
internal static class StatusCommand
{
    /// <summary>A heartbeat older than this is a dead daemon: the gateway modes rewrite status.json at least every 5 s.</summary>
    public static readonly TimeSpan DeadAfter = TimeSpan.FromSeconds(60);

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var command = new Command("status", "Show the daemon's state from status.json; exit 0 healthy, 1 degraded, 2 dead.") { config };
        command.SetAction(parse => RunAsync(parse.GetValue(config), TimeProvider.System, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command at <paramref name="time"/>'s wall clock; returns the exit code.</summary>
    internal static async Task<int> RunAsync(string? config, TimeProvider time, TextWriter stdout, TextWriter stderr)
    {
        GoldBotSettings settings;
        try
        {
            settings = SettingsLoader.Load(config, new Dictionary<string, string?>());
        }
        catch (SettingsException e)
        {
            await stderr.WriteLineAsync($"configuration error: {e.OneLine}");
            return 2;
        }
        var path = Path.Combine(settings.Monitoring.LogDirectory, "status.json");
        JsonElement status;
        try
        {
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            status = document.RootElement.Clone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await stdout.WriteLineAsync(e is FileNotFoundException or DirectoryNotFoundException
                ? $"DEAD: no {path} (GoldBot has not run in this folder, or Monitoring:LogDirectory points elsewhere)"
                : $"DEAD: {path} cannot be read: {e.Message}");
            return 2;
        }

        var (code, verdict) = Judge(status, time.GetUtcNow());
        await stdout.WriteAsync(Describe(status, verdict, time.GetUtcNow()));
        return code;
    }

    /// <summary>The exit code and the first line's verdict for <paramref name="status"/> read at <paramref name="now"/> (UTC, wall clock).</summary>
    internal static (int Code, string Verdict) Judge(JsonElement status, DateTimeOffset now)
    {
        var alive = Bool(status, "is_alive");
        var age = Time(status, "heartbeat") is { } beat ? now - beat : (TimeSpan?)null;
        if (!alive)
            return (2, "DEAD: the daemon has stopped (is_alive false)");
        if (age is not { } a || a > DeadAfter)
            return (2, age is { } old ? $"DEAD: no heartbeat for {old.TotalSeconds:0} s" : "DEAD: no heartbeat in status.json");
        var problems = new List<string>();
        if (Text(status, "protection", "state") is { } protection && protection is not ("protected" or "flat"))
            problems.Add($"protection {protection}");
        if (Text(status, "feed", "state") is { } feed && feed is "stale" or "disconnected")
            problems.Add($"market data {feed}");
        if (status.TryGetProperty("write_failures", out var failures) && failures.ValueKind == JsonValueKind.Array
            && failures.EnumerateArray().Any(f => Bool(f, "failing")))
            problems.Add("a file is failing to write");
        if (status.TryGetProperty("risk", out var risk) && Bool(risk, "emergency_stop"))
            problems.Add("emergency stop");
        return problems.Count == 0 ? (0, $"HEALTHY (heartbeat {a.TotalSeconds:0} s ago)") : (1, $"DEGRADED: {string.Join(", ", problems)}");
    }

    private static string Describe(JsonElement s, string verdict, DateTimeOffset now)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"{verdict}");
        Line($"mode {Text(s, "mode")} {Text(s, "symbol")}, last bar {Text(s, "last_bar_time") ?? "none"} (market time)");
        if (s.TryGetProperty("account", out var account) && s.TryGetProperty("risk", out var risk))
        {
            var balance = Number(account, "balance");
            var floor = Number(risk, "max_loss_floor");
            Line($"account {balance:0.00} USD, day P&L {Number(account, "daily_pnl"):+0.00;-0.00;0.00}, {Number(account, "daily_trades"):0} trades today");
            Line($"headroom: daily loss limit {Number(risk, "daily_loss_remaining"):0.00} USD, maximum loss floor {floor:0.00} ({balance - floor:0.00} USD above)");
            Line($"trading: {(Bool(risk, "can_trade") ? "allowed" : "blocked: " + (Text(risk, "blocked_by") ?? "?"))}");
        }
        if (s.TryGetProperty("active_positions", out var positions) && positions.ValueKind == JsonValueKind.Array && positions.GetArrayLength() > 0)
        {
            foreach (var p in positions.EnumerateArray())
                Line($"position {Text(p, "side")} {Number(p, "quantity"):0} at {Number(p, "entry")}, stop {Text(p, "stop") ?? "NONE"}, target {Number(p, "target")}, open P&L {Number(p, "unrealized_pnl"):+0.00;-0.00;0.00}");
        }
        else
        {
            Line($"position: flat");
        }
        Line($"protection {Text(s, "protection", "state") ?? "unknown"}, feed {Text(s, "feed", "state") ?? "n/a (replay)"}, regime {Text(s, "market_regime", "regime") ?? "unknown"}");
        if (s.TryGetProperty("learning", out var learning) && learning.TryGetProperty("adaptation", out var adaptation) && adaptation.ValueKind == JsonValueKind.Object)
        {
            var disabled = adaptation.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.Object ? d.EnumerateObject().Count() : 0;
            Line($"learning {Text(adaptation, "policy")}: size ×{Number(adaptation, "size_multiplier"):0.##}, {disabled} disabled, {Number(adaptation, "decisions"):0} decisions");
        }
        if (s.TryGetProperty("last_signal", out var signal) && signal.ValueKind == JsonValueKind.Object)
            Line($"last signal {Text(signal, "time")} {Text(signal, "pattern")} score {Number(signal, "score"):0}: {Text(signal, "reason")}");
        return text.ToString();
    }

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static decimal Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0;

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

    private static string? Text(JsonElement e, string outer, string name) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object ? Text(o, name) : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;
}
