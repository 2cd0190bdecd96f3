using System.CommandLine;
using System.Globalization;
using GoldBot.Market;
using GoldBot.Monitoring;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot trades</c> (issue 14 §1): the journal's trades as a table, one per line, and a summary line.
/// Without options: the closed trades of the latest run in all_trades.jsonl (<c>--all-runs</c>: every run; a restart of a live
/// account is a new run). <c>--today</c>: trades_today.json instead (the current trading day's trades of every run, open ones
/// too). <c>--from</c>/<c>--to</c>: CME trading days (a day starts at 17:00 CT the evening before), inclusive.
/// Times in exchange time (CT), money in USD after commissions, prices in points.
/// </summary>
internal static class TradesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var today = new Option<bool>("--today") { Description = "Today's trades (trades_today.json), open ones too." };
        var from = new Option<DateOnly?>("--from") { Description = "First CME trading day, yyyy-MM-dd." };
        var to = new Option<DateOnly?>("--to") { Description = "Last CME trading day, yyyy-MM-dd." };
        var allRuns = new Option<bool>("--all-runs") { Description = "Every run in the journal, not only the latest." };
        var command = new Command("trades", "List the journal's trades with a summary (latest run by default).") { config, today, from, to, allRuns };
        command.SetAction(parse => RunAsync(parse.GetValue(config), parse.GetValue(today), parse.GetValue(from), parse.GetValue(to), parse.GetValue(allRuns),
            Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints the trades; returns 0, or 2 for a bad configuration, a reversed range or an unreadable journal.</summary>
    internal static async Task<int> RunAsync(string? config, bool today, DateOnly? from, DateOnly? to, bool allRuns, TextWriter stdout, TextWriter stderr)
    {
        if (from > to)
        {
            await stderr.WriteLineAsync($"error: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
            return 2;
        }
        if (today && (from is not null || to is not null || allRuns))
        {
            await stderr.WriteLineAsync("error: --today lists trades_today.json and takes no --from, --to or --all-runs");
            return 2;
        }
        if (await StatusCommand.FolderOf(config, stderr) is not { } folder)
            return 2;
        IReadOnlyList<TradeDocument> trades;
        string source;
        try
        {
            if (today)
            {
                trades = folder.TradesToday();
                source = folder.TodayPath;
            }
            else
            {
                var all = folder.ClosedTrades();
                var run = all.Count == 0 ? null : all[^1].RunId;
                trades = [.. all.Where(t => (allRuns || t.RunId == run)
                    && (from is null || CmeSession.TradingDayOf(t.Timestamp) >= from) && (to is null || CmeSession.TradingDayOf(t.Timestamp) <= to))];
                source = allRuns ? $"every run in {folder.JournalPath}" : $"run {run ?? "(none)"} in {folder.JournalPath}";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: cannot read the journal: {e.Message}");
            return 2;
        }
        foreach (var line in Lines(trades, source))
            await stdout.WriteLineAsync(line);
        return 0;
    }

    /// <summary>The header, one line per trade and the summary line.</summary>
    internal static IEnumerable<string> Lines(IReadOnlyList<TradeDocument> trades, string source)
    {
        yield return string.Create(CultureInfo.InvariantCulture, $"{trades.Count} trades, {source}");
        if (trades.Count == 0)
            yield break;
        yield return $"{"entry (CT)",-16} {"side",-5} {"size",4} {"pattern",-15} {"score",5} {"entry",9} {"exit",9} {"P&L USD",9} {"R",6}  exit reason";
        foreach (var t in trades)
        {
            var exit = t.Exits.Count == 0 ? "" : (t.Exits.Sum(e => e.Price * e.Quantity) / t.Exits.Sum(e => e.Quantity)).ToString("0.00", CultureInfo.InvariantCulture);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{CmeSession.ToExchangeTime(t.Timestamp):yyyy-MM-dd HH:mm} {t.Side,-5} {t.Size,4} {t.Pattern,-15} {t.PatternScore,5} {t.Entry,9:0.00} {exit,9} {Signed(t.Pnl),9} {Signed(t.RMultiple),6}  {t.ExitReason ?? "open"}");
        }
        var closed = trades.Where(t => t.Pnl is not null).ToList();
        if (closed.Count == 0)
            yield break;
        var wins = closed.Count(t => t.Pnl > 0);
        var grossWin = closed.Where(t => t.Pnl > 0).Sum(t => t.Pnl!.Value);
        var grossLoss = -closed.Where(t => t.Pnl < 0).Sum(t => t.Pnl!.Value);
        var rs = closed.Where(t => t.RMultiple is not null).Select(t => t.RMultiple!.Value).ToList();
        yield return string.Create(CultureInfo.InvariantCulture,
            $"closed {closed.Count}: win rate {100.0 * wins / closed.Count:0.0} %, net P&L {Signed(closed.Sum(t => t.Pnl!.Value))} USD, "
            + $"expectancy {(rs.Count == 0 ? "-" : Signed(rs.Average()))} R, profit factor {(grossLoss == 0 ? "-" : (grossWin / grossLoss).ToString("0.00", CultureInfo.InvariantCulture))}");
    }

    private static string Signed(decimal? value) => value is { } v ? v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "";
}
