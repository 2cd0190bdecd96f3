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
public sealed record RunArguments(string? ConfigFile, string? BarsFile, double? Speed, IReadOnlyDictionary<string, string?>? Overrides = null,
    RunMode? Mode = null, bool Live = false);

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
        GoldBotSettings settings;
        ExchangeCalendar calendar;
        try
        {
            var overrides = new Dictionary<string, string?>();
            if (arguments.BarsFile is not null)
                overrides["Replay:BarsFile"] = arguments.BarsFile;
            if (arguments.Speed is { } speed)
                overrides["Replay:Speed"] = speed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (arguments.Mode is { } mode)
                overrides["Mode"] = mode.ToString();
            foreach (var (key, value) in arguments.Overrides ?? new Dictionary<string, string?>())
                overrides[key] = value;
            settings = SettingsLoader.Load(arguments.ConfigFile, overrides);
            calendar = CalendarFile.Load(settings);
        }
        catch (SettingsException e)
        {
            return await ConfigurationErrorAsync(e, error);
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
            return await ReplayAsync(settings, calendar, output, error, stopwatch, configureServices, cancellationToken);
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

    private static async Task<int> ConfigurationErrorAsync(SettingsException e, TextWriter error)
    {
        await error.WriteLineAsync("configuration error:");
        foreach (var line in e.Message.Split(Environment.NewLine))
            await error.WriteLineAsync("  " + line);
        return 2;
    }

    private const int MaxRowWarnings = 20;

    private static async Task<int> ReplayAsync(GoldBotSettings settings, ExchangeCalendar calendar, TextWriter output, TextWriter error, Stopwatch stopwatch,
        Action<IServiceCollection>? configureServices, CancellationToken cancellationToken)
    {
        BarFile bars;
        try
        {
            bars = BarCsvReader.Read(settings.Replay.BarsFile, settings.Replay.BadBarPolicy, tickSize: settings.Contract().TickSize);
            CheckTimeFrames(settings, bars);
        }
        catch (SettingsException e)
        {
            return await ConfigurationErrorAsync(e, error);
        }
        catch (BarFileException e)
        {
            await error.WriteLineAsync($"error: {e.Message}. Pass --bars FILE or set Replay:BarsFile (GOLDBOT__Replay__BarsFile); the default is the MGC file in ../shared/data.");
            return 2;
        }

        if (bars.TooManyBadRows(settings.Replay.MaxSkippedRowsPercent) is { } refused)
        {
            await error.WriteLineAsync($"error: {refused}");
            return 2;
        }
        foreach (var problem in bars.Problems.Take(MaxRowWarnings))
            await error.WriteLineAsync($"warning: {bars.Path} line {problem.Line}: {problem.Reason} (skipped)");
        if (bars.Problems.Count > 0)
            await error.WriteLineAsync($"warning: {bars.Path}: {bars.Problems.Count} bad rows skipped" + (bars.Problems.Count > MaxRowWarnings ? $" ({bars.Problems.Count - MaxRowWarnings} not listed)" : "") + $": {bars.ProblemCounts()}");

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
        var outcome = coordinator.Outcome == RunOutcome.Running && !audit ? "Stopped" : coordinator.Outcome.ToString();
        await output.WriteLineAsync($"GoldBot {outcome}: {summary}");
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
