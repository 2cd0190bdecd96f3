using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoldBot.Configuration;
using GoldBot.Monitoring;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot status</c> (issue 14 §1): one screen (<see cref="StatusScreen"/>) from the monitoring files in <c>Monitoring:LogDirectory</c>
/// (status.json, trades_today.json, signals.log): mode, alive or dead with the heartbeat's age, account, day's P&amp;L, loss-limit
/// headroom (daily and maximum), the position with its stop and target, working orders, protection, feed, market regime, learning,
/// the last five signals and today's trades. Exit codes for scripts and monitors:
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
        if (await FolderOf(config, stderr) is not { } folder)
            return 2;
        var (code, lines) = Screen(folder, time.GetUtcNow(), _ => (Signals: 5, Trades: 10));
        foreach (var line in lines)
            await stdout.WriteAsync(line + "\n");
        return code;
    }

    /// <summary>The logs folder <c>Monitoring:LogDirectory</c> of <paramref name="config"/>, or null after one line on <paramref name="stderr"/> for a bad configuration.</summary>
    internal static async Task<MonitoringFolder?> FolderOf(string? config, TextWriter stderr)
    {
        try
        {
            return new MonitoringFolder(SettingsLoader.Load(config, new Dictionary<string, string?>()).Monitoring.LogDirectory);
        }
        catch (SettingsException e)
        {
            await stderr.WriteLineAsync($"configuration error: {e.OneLine}");
            return null;
        }
    }

    /// <summary>The exit code and the screen's lines for <paramref name="folder"/> read at <paramref name="now"/> (UTC, wall clock).</summary>
    /// <param name="rows">How many of the newest signals and trades to show, given how many lines the screen has without them.</param>
    internal static (int Code, IReadOnlyList<string> Lines) Screen(MonitoringFolder folder, DateTimeOffset now, Func<int, (int Signals, int Trades)> rows)
    {
        JsonElement status;
        try
        {
            status = folder.Status();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return (2, [e is FileNotFoundException or DirectoryNotFoundException
                ? $"DEAD: no {folder.StatusPath} (GoldBot has not run in this folder, or Monitoring:LogDirectory points elsewhere)"
                : $"DEAD: {folder.StatusPath} cannot be read: {e.Message}"]);
        }
        var (code, verdict) = Judge(status, now);
        IReadOnlyList<TradeDocument> today;
        IReadOnlyList<SignalLogLine> signals;
        try
        {
            today = folder.TradesToday();
            signals = folder.RecentSignals(MaxSignalsShown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (Math.Max(code, 1), [verdict, $"the trade journal or signals.log cannot be read: {e.Message}"]);
        }
        var (maxSignals, maxTrades) = rows(StatusScreen.Lines(status, today, signals, verdict, 0, 0).Count);
        return (code, StatusScreen.Lines(status, today, signals, verdict, Math.Min(maxSignals, MaxSignalsShown), maxTrades));
    }

    /// <summary>The most signals a screen shows (only the end of signals.log is read).</summary>
    private const int MaxSignalsShown = 50;

    /// <summary>The exit code and the first line's verdict for <paramref name="status"/> read at <paramref name="now"/> (UTC, wall clock).</summary>
    internal static (int Code, string Verdict) Judge(JsonElement status, DateTimeOffset now)
    {
        var alive = JsonFields.Bool(status, "is_alive");
        var age = JsonFields.Time(status, "heartbeat") is { } beat ? now - beat : (TimeSpan?)null;
        if (!alive)
            return (2, "DEAD: the daemon has stopped (is_alive false)");
        if (age is not { } a || a > DeadAfter)
            return (2, age is { } old ? $"DEAD: no heartbeat for {old.TotalSeconds:0} s" : "DEAD: no heartbeat in status.json");
        var problems = new List<string>();
        if (JsonFields.Text(status, "protection", "state") is { } protection && protection is not ("protected" or "flat"))
            problems.Add($"protection {protection}");
        if (JsonFields.Text(status, "feed", "state") is { } feed && feed is "stale" or "disconnected")
            problems.Add($"market data {feed}");
        if (status.TryGetProperty("write_failures", out var failures) && failures.ValueKind == JsonValueKind.Array
            && failures.EnumerateArray().Any(f => JsonFields.Bool(f, "failing")))
            problems.Add("a file is failing to write");
        if (status.TryGetProperty("risk", out var risk) && JsonFields.Bool(risk, "emergency_stop"))
            problems.Add("emergency stop");
        return problems.Count == 0 ? (0, $"HEALTHY (heartbeat {a.TotalSeconds:0} s ago)") : (1, $"DEGRADED: {string.Join(", ", problems)}");
    }
}
