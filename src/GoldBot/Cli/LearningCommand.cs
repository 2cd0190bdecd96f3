using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Learning;
using GoldBot.Monitoring;
using GoldBot.State;

namespace GoldBot.Cli;

/// <summary>
/// <c>goldbot learning</c> (issue 13 §4): the learning table (per pattern and per pattern under each condition: trades, win
/// rate, expectancy in R with its 95 % interval, enabled or not) and the decision history, rebuilt with the configured policy
/// from the closed trades: the state store's for <c>--account ID</c>, otherwise the journal (<c>logs/all_trades.jsonl</c>),
/// whose latest run is taken unless <c>--all-runs</c>. Reads only; exit codes 0 done, 2 bad input or nothing to read.
/// </summary>
internal static class LearningCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var account = new Option<long?>("--account") { Description = "Read the closed trades of this TopstepX account from the state store (state/account-ID.db)." };
        AccountIds.MustBePositive(account);
        var journal = new Option<string?>("--journal") { Description = "Read the closed trades from this journal (default: all_trades.jsonl in Monitoring:LogDirectory)." };
        var allRuns = new Option<bool>("--all-runs") { Description = "Learn from every run in the journal, not only the latest." };
        var config = new Option<string?>("--config") { Description = "Configuration file (default: config/appsettings.json)." };
        var command = new Command("learning", "Print what the learning system has learned and decided, from the closed trades.") { account, journal, allRuns, config };
        command.SetAction(parse => RunAsync(parse.GetValue(account), parse.GetValue(journal), parse.GetValue(allRuns), parse.GetValue(config), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    internal static async Task<int> RunAsync(long? account, string? journal, bool allRuns, string? config, TextWriter stdout, TextWriter stderr)
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
        List<TradeRecord> trades;
        string source;
        try
        {
            (trades, source) = account is { } id ? FromStore(settings, id) : FromJournal(journal ?? Path.Combine(settings.Monitoring.LogDirectory, "all_trades.jsonl"), allRuns);
        }
        catch (Exception e) when (e is StateStoreException or IOException or UnauthorizedAccessException or JsonException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        var system = new LearningSystem(settings.Learning, settings.Strategy.EnabledPatterns, settings.Risk.DefaultContracts);
        foreach (var trade in trades)
            system.Record(trade);
        var report = LearningReport.Of(system, TimeProvider.System.GetUtcNow());
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"learning ({report.PositionSizingRules.Policy}) from {report.Trades} closed trades of {source}; size ×{report.PositionSizingRules.SizeMultiplier:0.##} ({report.PositionSizingRules.Bounds})"));
        await stdout.WriteLineAsync($"{"pattern / condition",-40} {"trades",6} {"win rate",8}  {"expectancy R [95% CI]",-26} enabled");
        foreach (var (pattern, learning) in report.PatternStats)
        {
            await stdout.WriteLineAsync(Row(pattern, learning.Stats));
            foreach (var (cell, row) in learning.ConditionsCorrelation)
                await stdout.WriteLineAsync(Row("  " + cell, row));
        }
        await stdout.WriteLineAsync(report.Decisions.Count == 0 ? "decisions: none" : $"decisions ({report.Decisions.Count}):");
        foreach (var d in report.Decisions)
            await stdout.WriteLineAsync($"  {d.Time:yyyy-MM-dd HH:mm}Z {d.Reason}");
        return 0;
    }

    private static string Row(string name, LearningRow r) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-40} {r.Trades,6} {r.WinRate,8:P1}  {$"{r.ExpectancyR:0.00} [{Bound(r.CiLow)}, {Bound(r.CiHigh)}]",-26} {(r.Enabled ? "yes" : "no")}");

    private static string Bound(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static (List<TradeRecord>, string) FromStore(GoldBotSettings settings, long account)
    {
        var path = Path.Combine(settings.State.Directory, $"account-{account}.db");
        if (!File.Exists(path))
            throw new IOException($"no state store for account {account}: {path} does not exist");
        using var store = StateStore.Open(path, TimeProvider.System);
        var trades = store.ClosedTrades(account, DateOnly.MinValue)
            .Select(t => JsonSerializer.Deserialize<TradeDocument>(t.JournalLine, MonitoringJson.Line)?.ToRecord())
            .OfType<TradeRecord>().ToList();
        return (trades, $"account {account} ({path})");
    }

    private static (List<TradeRecord>, string) FromJournal(string path, bool allRuns)
    {
        if (!File.Exists(path))
            throw new IOException($"no journal at {path}: run GoldBot first (the README's first command writes it), or pass --journal FILE or --account ID");
        var documents = MonitoringFolder.ReadJournal(path);
        var run = documents.Count == 0 ? null : documents[^1].RunId;
        var chosen = allRuns ? documents : documents.Where(d => d.RunId == run).ToList();
        return ([.. chosen.OrderBy(d => d.ExitTime).Select(d => d.ToRecord())], allRuns ? $"every run in {path}" : $"run {run ?? "(none)"} in {path}");
    }
}
