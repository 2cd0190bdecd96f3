using System.CommandLine;
using System.Globalization;
using GoldBot.Configuration;
using GoldBot.Gateway;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.Cli;

/// <summary>
/// The one-shot gateway verbs: <c>goldbot history</c> (download bars into a CSV the replay and the
/// backtest read, in chunks within the rate limit, resumable, with a progress bar) and
/// <c>goldbot accounts</c> (the login's accounts, to choose <c>TopstepX:AccountId</c>). Both use
/// <c>--mode sim</c> for the local simulator, else TopstepX with credentials from the environment.
/// Bad arguments, a missing login or a gateway refusal print one line to stderr and exit 2.
/// </summary>
internal static class GatewayCommands
{
    private const int BadInput = 2;

    /// <summary>Builds <c>history --symbol MGC --timeframe 3m --from DATE --to DATE --out FILE [--mode sim] [--config FILE]</c>.</summary>
    public static Command History()
    {
        var symbol = new Option<string>("--symbol") { Description = "CME root symbol (MGC, MES, GC, ES).", DefaultValueFactory = _ => "MGC" };
        var timeframe = new Option<string>("--timeframe") { Description = "Bar length: 1m, 3m, 5m, 15m, 1h, …", DefaultValueFactory = _ => "3m" };
        var from = new Option<DateTimeOffset>("--from") { Description = "First bar's open time (UTC unless an offset is given), e.g. 2025-11-01.", Required = true };
        var to = new Option<DateTimeOffset>("--to") { Description = "End of the range (exclusive), UTC unless an offset is given.", Required = true };
        var output = new Option<string>("--out") { Description = "CSV to write; an existing file is continued after its last bar.", Required = true };
        var (mode, config) = (ModeOption(), ConfigOption());
        var command = new Command("history", "Download historical bars from the gateway into a bars CSV (resumable).") { symbol, timeframe, from, to, output, mode, config };
        command.SetAction((parse, cancellationToken) => HistoryAsync(parse.GetValue(symbol)!, parse.GetValue(timeframe)!, parse.GetValue(from), parse.GetValue(to),
            parse.GetValue(output)!, parse.GetValue(mode), parse.GetValue(config), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>Builds <c>accounts [--mode sim] [--config FILE]</c>.</summary>
    public static Command Accounts()
    {
        var (mode, config) = (ModeOption(), ConfigOption());
        var command = new Command("accounts", "List the login's accounts (id, name, balance, canTrade) to choose TopstepX:AccountId.") { mode, config };
        command.SetAction((parse, cancellationToken) => AccountsAsync(parse.GetValue(mode), parse.GetValue(config), parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>
    /// Why [<paramref name="from"/>, <paramref name="to"/>) cannot be downloaded, or null: it must run forward, and within the years
    /// a bars file holds (<see cref="EarliestBar"/> to <see cref="LatestBar"/>, the bars reader's rule).
    /// </summary>
    internal static string? RangeProblem(DateTimeOffset from, DateTimeOffset to)
    {
        string Text(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        if (from >= to)
            return $"--from {Text(from)} is not before --to {Text(to)}: the range [from, to) must run forward";
        if (from < EarliestBar || to > LatestBar)
            return $"--from and --to must lie within {EarliestBar.Year}–{LatestBar.Year - 1}, not {Text(from)} to {Text(to)}";
        return null;
    }

    /// <summary>Earliest bar time a download may ask for (the bars reader refuses times before 1970).</summary>
    internal static readonly DateTimeOffset EarliestBar = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>End of the latest range a download may ask for (the bars reader refuses times from 2100).</summary>
    internal static readonly DateTimeOffset LatestBar = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <c>history</c>; returns the exit code (2 for a bad range or time frame, found before the gateway is asked).</summary>
    internal static async Task<int> HistoryAsync(string symbol, string timeframe, DateTimeOffset from, DateTimeOffset to, string output, RunMode? mode, string? config,
        TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (RangeProblem(from, to) is { } range)
        {
            await stderr.WriteLineAsync($"error: {range}");
            return BadInput;
        }
        var full = Path.GetFullPath(output);
        if (Directory.Exists(full) || !Directory.Exists(Path.GetDirectoryName(full)))
        {
            await stderr.WriteLineAsync(Directory.Exists(full) ? $"error: --out {output} is a folder, not a bars file" : $"error: --out {output}: the folder {Path.GetDirectoryName(full)} does not exist");
            return BadInput;
        }
        TimeSpan period;
        try
        {
            period = TimeFrame.Parse(timeframe).Period;
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync($"error: --timeframe {timeframe}: {e.Message}");
            return BadInput;
        }
        return await WithSessionAsync(mode, config, stderr, async session =>
        {
            var contract = await session.Client.ResolveContractAsync(symbol, cancellationToken);
            HistoryDownload.FetchChunk fetch = (start, end, ct) => session.Client.RetrieveClosedBarsAsync(contract.Id, period, start, end, cancellationToken: ct);
            var request = new HistoryRequest(period, from.ToUniversalTime(), to.ToUniversalTime(), output);
            var written = await Spectre.Console.AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"{contract.Id} {timeframe}", maxValue: 1);
                return await HistoryDownload.RunAsync(request, fetch, new Progress<double>(done => task.Value = done), cancellationToken);
            });
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{written} bars of {contract.Id} ({timeframe}) written to {Path.GetFullPath(output)}, {request.From:yyyy-MM-dd HH:mm} to {request.To:yyyy-MM-dd HH:mm} UTC"));
            return 0;
        });
    }

    /// <summary>Runs <c>accounts</c>; returns the exit code.</summary>
    internal static Task<int> AccountsAsync(RunMode? mode, string? config, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        WithSessionAsync(mode, config, stderr, async session =>
        {
            foreach (var account in await session.Client.SearchAccountsAsync(cancellationToken: cancellationToken))
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{account.Id}\t{account.Name}\tbalance {account.Balance:0.00}\tcanTrade {account.CanTrade}"));
            return 0;
        });

    private static async Task<int> WithSessionAsync(RunMode? mode, string? config, TextWriter stderr, Func<GatewaySession, Task<int>> action)
    {
        try
        {
            var overrides = new Dictionary<string, string?>();
            if (mode is { } m)
                overrides["Mode"] = m.ToString();
            var settings = SettingsLoader.Load(config, overrides);
            using var session = new GatewaySession(settings, NullLoggerFactory.Instance);
            return await action(session);
        }
        catch (SettingsException e)
        {
            await stderr.WriteLineAsync("configuration error: " + e.OneLine);
        }
        catch (Exception e) when (e is AccountSelectionException or GatewayException or GatewayUnavailableException or HttpRequestException or BarFileException or IOException)
        {
            await stderr.WriteLineAsync("error: " + e.Message);
        }
        return BadInput;
    }

    private static Option<RunMode?> ModeOption() => new("--mode") { Description = "sim: the local gateway simulator; paper or live: TopstepX (credentials from the environment)." };

    private static Option<string?> ConfigOption() => new("--config") { Description = "Configuration file (default: config/appsettings.json)." };
}
