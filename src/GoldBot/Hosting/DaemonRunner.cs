using System.Diagnostics;
using GoldBot.Analysis;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Gateway;
using GoldBot.Intermarket;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Reporting;
using GoldBot.Strategy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;

namespace GoldBot.Hosting;

/// <summary>What the command line asked for.</summary>
/// <param name="ConfigFile">Configuration file, or null for the default.</param>
/// <param name="BarsFile">Bars CSV overriding Replay:BarsFile, or null.</param>
/// <param name="Speed">Replay speed overriding Replay:Speed, or null.</param>
/// <param name="Overrides">Further configuration keys (e.g. <c>Monitoring:LogDirectory</c>), applied last.</param>
/// <param name="Mode">Mode overriding the configuration's <c>Mode</c>, or null.</param>
/// <param name="Live">True when <c>--live</c> was given: the confirmation live mode needs.</param>
/// <param name="Symbol">Contract traded, overriding <c>Instrument:Symbol</c> (<c>--symbol</c>), or null.</param>
/// <param name="TimeZone">Clock of the bars file's offset-less stamps, overriding <c>Replay:TimeZone</c> (<c>--time-zone</c>), or null.</param>
public sealed record RunArguments(string? ConfigFile, string? BarsFile, double? Speed, IReadOnlyDictionary<string, string?>? Overrides = null,
    RunMode? Mode = null, bool Live = false, string? Symbol = null, string? TimeZone = null)
{
    /// <summary>The configuration keys the command-line options set, with the option and value that set each.</summary>
    internal IReadOnlyList<(string Key, string Option, string Value)> OptionKeys()
    {
        var keys = new List<(string, string, string)>();
        if (BarsFile is not null)
            keys.Add(("Replay:BarsFile", "--bars", BarsFile));
        if (Speed is { } speed)
            keys.Add(("Replay:Speed", "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (TimeZone is not null)
            keys.Add(("Replay:TimeZone", "--time-zone", TimeZone));
        if (Symbol is not null)
            keys.Add(("Instrument:Symbol", "--symbol", Symbol));
        if (Mode is { } mode)
            keys.Add(("Mode", "--mode", mode.ToString()));
        return keys;
    }
}

/// <summary>
/// Runs the daemon: settings, bars, host, summary. Exit codes: 0 the replay completed, 1 a
/// stage failed, the run was interrupted, a rule was breached or a file GoldBot keeps still could not be written at the end, 2 bad configuration or input (one line per problem,
/// no stack trace), 3 stopped by EMERGENCY_STOP.txt.
/// </summary>
public static class DaemonRunner
{
    /// <summary>Runs to the end and returns the exit code; the summary goes to <paramref name="output"/>, errors to <paramref name="error"/>.</summary>
    /// <param name="configureServices">Last-minute service changes (tests decorate the market-data source with it).</param>
    /// <param name="clock">Sim mode against an in-process simulator: the one clock both run on (see <see cref="GatewayRun.RunAsync"/>).</param>
    /// <param name="observe">Gateway modes: receives what the daemon has in flight, for an in-process driver.</param>
    public static async Task<int> RunAsync(RunArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null, TimeProvider? clock = null, Action<GatewayActivity>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        // A Windows service starts in the system folder: its relative paths (config, logs, state, control files) are those of its install folder.
        if (WindowsServiceHelpers.IsWindowsService())
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var stopwatch = Stopwatch.StartNew();
        // With --mode given, an option that mode ignores is refused before the configuration is read (a paper run needs credentials first).
        if (arguments.Mode is { } chosen && IgnoredOptions(arguments, chosen) is { } ignoredByMode)
        {
            await error.WriteLineAsync($"error: {ignoredByMode}");
            return 2;
        }
        GoldBotSettings settings;
        ExchangeCalendar calendar;
        try
        {
            var overrides = new Dictionary<string, string?>();
            foreach (var (key, _, value) in arguments.OptionKeys())
                overrides[key] = value;
            foreach (var (key, value) in arguments.Overrides ?? new Dictionary<string, string?>())
                overrides[key] = value;
            settings = SettingsLoader.Load(arguments.ConfigFile, overrides);
            calendar = CalendarFile.Load(settings);
        }
        catch (SettingsException e)
        {
            return await ConfigurationErrorAsync(e, error, arguments);
        }

        if (IgnoredOptions(arguments, settings.Mode) is { } ignored)
        {
            await error.WriteLineAsync($"error: {ignored}");
            return 2;
        }

        // Control files in a folder that is missing or read-only would be ignored without a word: the emergency stop among them.
        if (ControlsFolderProblem(settings.Controls.Directory) is { } controls)
        {
            await error.WriteLineAsync($"error: {controls}");
            return 2;
        }

        // One daemon per folder: a second one would overwrite the first's status, journal and control files.
        FolderLock folderLock;
        try
        {
            folderLock = FolderLock.Acquire(settings.Monitoring.LogDirectory, (clock ?? TimeProvider.System).GetUtcNow());
        }
        catch (FolderLockedException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the monitoring files in {Path.GetFullPath(settings.Monitoring.LogDirectory)}: {e.Message}");
            return 2;
        }
        using (folderLock)
        {
            if (settings.Mode != RunMode.Replay)
                return await GatewayRun.RunAsync(settings, calendar, arguments.Live, output, error, cancellationToken, configureServices, clock, observe);
            return await ReplayAsync(settings, calendar, arguments, output, error, stopwatch, configureServices, cancellationToken);
        }
    }

    /// <summary>Why control files could not work in <paramref name="folder"/> (missing, or not writable: they are deleted once acted on), or null.</summary>
    internal static string? ControlsFolderProblem(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
            return $"Controls:Directory {full} does not exist: create it, or point Controls:Directory at the folder you drop EMERGENCY_STOP.txt in";
        var probe = Path.Combine(full, $".goldbot-write-check-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Controls:Directory {full} is not writable ({e.Message}): control files are deleted once acted on";
        }
    }

    /// <summary>
    /// The configuration's problems: one line when there is one (naming the command-line option when one set the key), else a
    /// header and one line per problem.
    /// </summary>
    private static async Task<int> ConfigurationErrorAsync(SettingsException e, TextWriter error, RunArguments arguments)
    {
        var options = arguments.OptionKeys();
        string? Option(string problem) => options.Where(o => problem.StartsWith(o.Key, StringComparison.OrdinalIgnoreCase))
            .Select(o => $"{o.Option} {o.Value}: {problem}").FirstOrDefault();
        var problems = e.Message.Split(Environment.NewLine);
        if (problems.Length == 1)
        {
            await error.WriteLineAsync(Option(problems[0]) is { } named ? $"error: {named}" : $"configuration error: {problems[0]}");
            return 2;
        }
        await error.WriteLineAsync("configuration error:");
        foreach (var line in problems)
            await error.WriteLineAsync("  " + (Option(line) ?? line));
        return 2;
    }

    /// <summary>
    /// The options given that the effective mode would ignore, as one line, or null: <c>--bars</c>, <c>--speed</c> and
    /// <c>--time-zone</c> describe the replayed file (sim replays the simulator's own file at its own pace; paper and live
    /// take TopstepX's market on the wall clock), and <c>--live</c> confirms live mode only.
    /// </summary>
    /// <param name="effective">The mode the run would have: <see cref="RunArguments.Mode"/>, else the configuration's.</param>
    internal static string? IgnoredOptions(RunArguments arguments, RunMode effective)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var mode = arguments.Mode is null ? $"Mode {effective} (from the configuration)" : $"--mode {effective.ToString().ToLowerInvariant()}";
        var problems = new List<string>();
        if (effective != RunMode.Replay)
        {
            var sim = effective == RunMode.Sim;
            if (arguments.BarsFile is not null)
                problems.Add($"--bars is for replay mode only, not {mode}: " + (sim ? "the simulator replays its own file (goldbot-sim --bars FILE)" : "the bars come from TopstepX"));
            if (arguments.Speed is not null)
                problems.Add($"--speed is for replay mode only, not {mode}: " + (sim ? "the simulator sets the pace (goldbot-sim --speed N)" : "the market runs on the wall clock"));
            if (arguments.TimeZone is not null)
                problems.Add($"--time-zone is for replay mode only, not {mode}: it is the clock of a replayed bars file");
        }
        if (arguments.Live && effective != RunMode.Live)
            problems.Add($"--live confirms live mode only, not {mode}: add --mode live to place real orders, or leave --live out");
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static async Task<int> ReplayAsync(GoldBotSettings settings, ExchangeCalendar calendar, RunArguments arguments, TextWriter output, TextWriter error,
        Stopwatch stopwatch, Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        BarFile bars;
        try
        {
            // Replay:TimeZone was checked with the configuration.
            var zone = BarTimeZone.ForFile(settings.Replay.TimeZone, settings.Replay.BarsFile);
            if (string.IsNullOrWhiteSpace(settings.Replay.TimeZone) && zone is not null)
                await output.WriteLineAsync($"time zone: {BarTimeZone.NewYorkClose} for {Path.GetFileName(settings.Replay.BarsFile)} (from the file name; --time-zone overrides)");
            bars = BarCsvReader.Read(settings.Replay.BarsFile, settings.Replay.BadBarPolicy, tickSize: settings.Contract().TickSize,
                options: new BarFileOptions { SourceTimeZone = zone });
            // Refused for too many bad rows before the time frames are checked against the period of what is left.
            if (bars.TooManyBadRows(settings.Replay.MaxSkippedRowsPercent) is { } refused)
            {
                var offGrid = bars.Problems.Count(p => p.Kind == "off the tick grid") * 2 > bars.Problems.Count;
                await error.WriteLineAsync($"error: {refused}" + (offGrid
                    ? $" (most prices are off {settings.Contract().Symbol}'s {settings.Contract().TickSize} tick: is --symbol right?)" : ""));
                return 2;
            }
            CheckTimeFrames(settings, bars);
        }
        catch (SettingsException e)
        {
            return await ConfigurationErrorAsync(e, error, arguments);
        }
        catch (BarFileException e)
        {
            await error.WriteLineAsync($"error: {e.Message}" + (File.Exists(settings.Replay.BarsFile) ? ""
                : ". Pass --bars FILE or set Replay:BarsFile (GOLDBOT__Replay__BarsFile); the default is the MGC file in ../shared/data."));
            return 2;
        }

        if (bars.Problems.Count > 0)
            await error.WriteLineAsync($"warning: {bars.SkippedSummary()}");

        if (settings.Strategy.DollarFilter is { Mode: not DollarFilterMode.Off, ProxyBarsFile: { Length: > 0 } proxyFile })
        {
            try
            {
                var proxy = DollarProxyFile.Read(proxyFile, settings);
                var caller = configureServices;
                configureServices = services =>
                {
                    services.AddSingleton(new DollarProxy(Path.GetFileName(proxy.Path), proxy.Bars, proxy.Period));
                    caller?.Invoke(services);
                };
            }
            catch (BarFileException e)
            {
                await error.WriteLineAsync($"error: Strategy:DollarFilter:ProxyBarsFile: {e.Message}");
                return 2;
            }
        }

        IHost host;
        try
        {
            host = DaemonHost.BuildReplay(settings, bars, configureServices, calendar);
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot write the monitoring files in {Path.GetFullPath(settings.Monitoring.LogDirectory)}: {e.Message}");
            return 2;
        }
#pragma warning disable CA1031 // Any other start-up failure is reported as one line, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await error.WriteLineAsync($"error: start-up failed: {e.Message}");
            return 1;
        }
        using var running = host;
        await host.WaitForShutdownAsync(cancellationToken);

        return await SummarizeAsync(settings, host.Services, output, error, audit: true, stopwatch.Elapsed);
    }

    /// <summary>
    /// Prints the run's summary and returns its exit code. With <paramref name="audit"/> (replays) every trade is
    /// re-checked by <see cref="RuleAudit"/> and the journal's P&amp;L must equal the broker's balance change.
    /// </summary>
    internal static async Task<int> SummarizeAsync(GoldBotSettings settings, IServiceProvider services, TextWriter output, TextWriter error, bool audit, TimeSpan? elapsed = null)
    {
        var coordinator = services.GetRequiredService<RunCoordinator>();
        var trades = services.GetRequiredService<TradeJournal>().ClosedTrades;
        AccountSnapshot account;
        try
        {
            account = await services.GetRequiredService<IBroker>().GetAccountAsync(CancellationToken.None);
        }
        catch (BrokerUnavailableException e)
        {
            await error.WriteLineAsync($"warning: the gateway's account could not be read at shutdown ({e.Message}): check the position on the platform");
            account = new AccountSnapshot(services.GetRequiredService<Risk.RiskManager>().State.Balance, 0, 0, [], null);
        }
        var breaches = audit ? RuleAudit.Check(trades, settings.Risk, settings.Contract(), settings.Execution, services.GetRequiredService<Risk.SessionSchedule>()).ToList() : [];
        var journalPnL = trades.Sum(t => t.PnL ?? 0);
        if (audit && account.Position == 0 && journalPnL != account.Balance - settings.Risk.StartingBalance)
            breaches.Add($"journal P&L {journalPnL} differs from the broker's balance change {account.Balance - settings.Risk.StartingBalance}");
        var summary = RunSummary.From(services.GetRequiredService<RunStatistics>(), trades, account.Balance, breaches, elapsed ?? TimeSpan.Zero);
        if (coordinator.Outcome == RunOutcome.Failed)
            await error.WriteLineAsync($"error: {coordinator.FailureReason} (details in {settings.Monitoring.LogDirectory}/goldbot-*.log)");
        else if (coordinator.Outcome == RunOutcome.Running && audit)
            await error.WriteLineAsync("stopped before the end of the data");
        foreach (var breach in breaches)
            await error.WriteLineAsync("rule breach: " + breach);
        var writes = services.GetRequiredService<WriteFailures>();
        if (writes.Summary() is { } failures)
            await error.WriteLineAsync("warning: " + failures);
        // A replay whose files could not take everything did not leave its whole record: not a clean completion.
        var recordIncomplete = writes.Status().Any(f => f.Failing);
        // A gateway run has no end of data: stopping it (Ctrl+C, a service manager) is its normal end.
        await output.WriteLineAsync($"GoldBot {Headline(coordinator.Outcome)}: {summary}");
        if (account.Position != 0 && settings.Mode is RunMode.Sim or RunMode.Live)
            await output.WriteLineAsync(OpenPositionWarning(account, settings.Contract()));
        return coordinator.Outcome switch
        {
            RunOutcome.Completed => breaches.Count == 0 && !recordIncomplete ? 0 : 1,
            RunOutcome.EmergencyStop => 3,
            RunOutcome.Running when !audit => 0,
            _ => 1,
        };
    }

    /// <summary>
    /// The summary's first word for every mode, one vocabulary: <c>Completed</c> only for a replay that reached the end of its
    /// data; <c>Stopped</c> for a run stopped before that (Ctrl+C, a service stop: the normal end of a gateway run; a replay's
    /// stderr adds "stopped before the end of the data"); <c>Stopped by EMERGENCY_STOP.txt</c>; <c>Failed</c> when a stage failed.
    /// </summary>
    internal static string Headline(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => "Completed",
        RunOutcome.Running => "Stopped",
        RunOutcome.EmergencyStop => "Stopped by EMERGENCY_STOP.txt",
        _ => "Failed",
    };

    /// <summary>
    /// The line that names a position left open at the gateway when the daemon stops (its stop and targets stay working there): its
    /// side, size and average price, and the stop contracts working against it.
    /// </summary>
    internal static string OpenPositionWarning(AccountSnapshot account, ContractSpec contract)
    {
        var exitSide = account.Position > 0 ? OrderSide.Sell : OrderSide.Buy;
        var stops = account.WorkingOrders.Where(o => o.Type == OrderType.Stop && o.Side == exitSide).Sum(o => o.Quantity);
        var size = Math.Abs(account.Position);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"OPEN POSITION left at the gateway: {(account.Position > 0 ? "long" : "short")} {size} {contract.Symbol} at {account.AveragePrice:0.00###}, ") +
            (stops >= size ? $"protected by working stops for {stops} contracts. It stays open until its stop or target fills or you close it."
                : $"stops working for only {stops} of {size} contracts: CLOSE IT OR PROTECT IT NOW on the platform.");
    }

    /// <summary>The strategy's time frames must be whole multiples of the bars' period.</summary>
    /// <exception cref="SettingsException">A time frame is shorter than, or not a multiple of, the bar period.</exception>
    private static void CheckTimeFrames(GoldBotSettings settings, BarFile bars)
    {
        var problems = new List<string>();
        foreach (var (key, text) in new[] { ("Strategy:EntryTimeFrame", settings.Strategy.EntryTimeFrame), ("Strategy:TrendTimeFrame", settings.Strategy.TrendTimeFrame) })
        {
            var period = Market.TimeFrame.Parse(text).Period;
            if (period < bars.Period || period.Ticks % bars.Period.Ticks != 0)
                problems.Add($"{key} {text} is not a whole multiple of the bars' {bars.Period.TotalMinutes:0.##}-minute period ({bars.Path})");
        }
        if (problems.Count > 0)
            throw new SettingsException(string.Join(Environment.NewLine, problems));
    }
}
