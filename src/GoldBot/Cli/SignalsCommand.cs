using System.CommandLine;
using System.Globalization;
using GoldBot.Backtesting.Statistics;
using GoldBot.Market;
using GoldBot.Monitoring;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot signals</c> (issue 14 §1): signals.log read back. By default the last <c>--last</c> (20) signals with their decision;
/// <c>--summary</c>: where the signals went, counted by the reason they were refused (grouped as the backtest report does,
/// <see cref="RefusalGroups.ByReason"/>: a number every member of a group shares kept, the others written <c>…</c>), by score,
/// by pattern and by hour of the day (CT), each with how many were taken.
/// The latest run's signals unless <c>--all-runs</c>; <c>--from</c>/<c>--to</c> are CME trading days, inclusive.
/// </summary>
internal static class SignalsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var summary = new Option<bool>("--summary") { Description = "Counts by refusal reason, score, pattern and hour (CT) instead of the list." };
        var last = new Option<int>("--last") { Description = "How many of the newest signals to list (default 20).", DefaultValueFactory = _ => 20 };
        var from = new Option<DateOnly?>("--from") { Description = "First CME trading day, yyyy-MM-dd." };
        var to = new Option<DateOnly?>("--to") { Description = "Last CME trading day, yyyy-MM-dd." };
        var allRuns = new Option<bool>("--all-runs") { Description = "Every run in signals.log, not only the latest." };
        var command = new Command("signals", "List the newest signals and their decisions, or --summary: where the signals went.") { config, summary, last, from, to, allRuns };
        command.SetAction(parse => RunAsync(parse.GetValue(config), parse.GetValue(summary), parse.GetValue(last), parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(allRuns), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints the list or the summary; returns 0, or 2 for a bad configuration or option, or an unreadable signals.log.</summary>
    internal static async Task<int> RunAsync(string? config, bool summary, int last, DateOnly? from, DateOnly? to, bool allRuns, TextWriter stdout, TextWriter stderr)
    {
        if (last < 1)
        {
            await stderr.WriteLineAsync($"error: --last must be at least 1 (got {last})");
            return 2;
        }
        if (from > to)
        {
            await stderr.WriteLineAsync($"error: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
            return 2;
        }
        if (await StatusCommand.FolderOf(config, stderr) is not { } folder)
            return 2;
        IReadOnlyList<SignalLogLine> all;
        try
        {
            all = folder.Signals();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot read {folder.SignalsPath}: {e.Message}");
            return 2;
        }
        var run = all.Count == 0 ? null : all[^1].Run;
        var chosen = all.Where(s => (allRuns || s.Run == run)
            && (from is null || CmeSession.TradingDayOf(s.Time) >= from) && (to is null || CmeSession.TradingDayOf(s.Time) <= to)).ToList();
        var source = allRuns ? $"every run in {folder.SignalsPath}" : $"run {run ?? "(none)"} in {folder.SignalsPath}";
        foreach (var line in summary ? Summary(chosen, source) : List(chosen.TakeLast(last).ToList(), chosen.Count, source))
            await stdout.WriteLineAsync(line);
        return 0;
    }

    private static IEnumerable<string> List(IReadOnlyList<SignalLogLine> shown, int total, string source)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"{total} signals, {source}{(shown.Count < total ? $"; the last {shown.Count}" : "")}");
        foreach (var s in shown)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{CmeSession.ToExchangeTime(s.Time):yyyy-MM-dd HH:mm} CT  {s.Pattern} {s.Side,-5} score {s.Score,2}  {(s.Executed ? "taken" : "refused")}: {s.Reason}");
    }

    /// <summary>The summary's lines: the totals, then the breakdowns (counts, share of all signals, taken).</summary>
    internal static IEnumerable<string> Summary(IReadOnlyList<SignalLogLine> signals, string source)
    {
        var taken = signals.Count(s => s.Executed);
        yield return string.Create(CultureInfo.InvariantCulture, $"{signals.Count} signals, {taken} taken ({Percent(taken, signals.Count)}), {source}");
        if (signals.Count == 0)
            yield break;
        yield return string.Create(CultureInfo.InvariantCulture,
            $"from {CmeSession.ToExchangeTime(signals[0].Time):yyyy-MM-dd HH:mm} to {CmeSession.ToExchangeTime(signals[^1].Time):yyyy-MM-dd HH:mm} CT");
        // Refusals grouped as the backtest report groups them: numbers all of a group share kept, the others written "…".
        var kinds = RefusalGroups.ByReason(signals.Where(s => !s.Executed).Select(s => s.Reason).Distinct(), r => r)
            .SelectMany(g => g.Members.Select(reason => (Reason: reason, g.Name)))
            .ToDictionary(p => p.Reason, p => p.Name, StringComparer.Ordinal);
        foreach (var line in Breakdown("decision", signals, s => s.Executed ? "taken" : kinds[s.Reason], byCount: true))
            yield return line;
        foreach (var line in Breakdown("score", signals, s => s.Score.ToString(CultureInfo.InvariantCulture).PadLeft(2), byCount: false))
            yield return line;
        foreach (var line in Breakdown("pattern", signals, s => $"{s.Pattern} {s.Side}", byCount: false))
            yield return line;
        foreach (var line in Breakdown("hour (CT)", signals, s => CmeSession.ToExchangeTime(s.Time).ToString("HH':00'", CultureInfo.InvariantCulture), byCount: false))
            yield return line;
    }

    private static IEnumerable<string> Breakdown(string title, IReadOnlyList<SignalLogLine> signals, Func<SignalLogLine, string> key, bool byCount)
    {
        yield return "";
        yield return $"{"signals",7} {"share",7} {"taken",6}  by {title}";
        var groups = signals.GroupBy(key, StringComparer.Ordinal);
        foreach (var g in byCount ? groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal) : groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return string.Create(CultureInfo.InvariantCulture, $"{g.Count(),7} {Percent(g.Count(), signals.Count),7} {g.Count(s => s.Executed),6}  {g.Key}");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} %");
}
