using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using GoldBot.Configuration;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Reporting;
using GoldBot.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Chaos;

/// <summary>
/// One run of the chaos campaign: a seed picks some consecutive trading days of the bars file and a schedule of faults
/// (<see cref="FaultSchedule"/>); the gateway simulator and the daemon run in-process on one virtual clock
/// (<see cref="InProcessRun"/>) from 07:00 CT of the first day to 16:30 CT of the last, stepping every second while
/// anything is at stake; the faults are switched on as scheduled, and the <see cref="AccountInvariants"/> are judged
/// from the simulator's account at every step. At the end: the journal's P&amp;L must equal the simulator's balance
/// change, no approved signal may have more than one entry order, and the daemon must still be running (it never exits
/// on a fault). Each fault switched on or off is written to <c>faults.log</c> in the run's folder. Same seed, same bars,
/// same code: same run.
/// </summary>
public static class ChaosRun
{
    /// <summary>Allowance beyond the loss limits, USD: the slippage of one trade (30 ticks on the largest position of 8 MGC contracts, rounded up).</summary>
    public const decimal LossLimitAllowance = 250m;

    /// <summary>Longest a position may be without a full stop, or an exit order may work on a flat account, market time (the issue's 2 s).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The daemon's settings in the campaign, on top of the configuration file: a livelier strategy (the 3-minute bars as the
    /// entry time frame, the 15-minute trend, score 4 and up, entries from 01:00 CT, full risk from the first trade, no
    /// consecutive-loss halt), so that the faults meet trades, stops, targets and flattens; the risk limits stay the file's.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> DaemonSettings { get; } = new Dictionary<string, string?>
    {
        ["Strategy:EntryTimeFrame"] = "3m",
        ["Strategy:TrendTimeFrame"] = "15m",
        ["Strategy:MinScore"] = "4",
        ["Risk:TradingWindowStart"] = "01:00",
        ["Risk:HalfRiskTrades"] = "0",
        ["Risk:MaxConsecutiveLosses"] = "100",
        ["Monitoring:ConsoleLevel"] = "Fatal",
    };

    private static readonly JsonSerializerOptions FaultJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Runs seed <paramref name="seed"/> over <paramref name="days"/> trading days of <paramref name="bars"/>.</summary>
    /// <param name="configFile">The daemon's configuration file, or null for the default.</param>
    /// <param name="folder">Where the run's daemon writes its logs.</param>
    /// <exception cref="ArgumentException">The bars file holds fewer than <paramref name="days"/> + 2 trading days (two warm the strategy up).</exception>
    /// <exception cref="TimeoutException">A step did not settle (a defect of the run, reported by the campaign as <c>run_failed</c>).</exception>
    /// <param name="laterKinds">False: only the fault kinds of the first campaigns (<see cref="FaultSchedule.Kinds"/>), to replay a seed found then exactly.</param>
    public static async Task<ChaosRunResult> RunAsync(BarFile bars, int seed, int days, string? configFile, string folder, CancellationToken cancellationToken,
        bool laterKinds = true)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var wall = Stopwatch.StartNew();
        var random = new Random(seed);
        var tradingDays = TradingDays(bars);
        if (tradingDays.Count < days + 2)
            throw new ArgumentException($"{bars.Path} holds {tradingDays.Count} trading days; a run of {days} needs {days + 2}", nameof(bars));
        // The first two days are history (the strategy's warm-up).
        var first = 2 + random.Next(tradingDays.Count - days - 1);
        var runDays = tradingDays.Skip(first).Take(days).ToList();
        var startAt = CmeSession.AtExchangeTime(runDays[0], new TimeOnly(7, 0));
        var start = bars.Bars.First(b => b.OpenTime >= startAt).OpenTime;
        var end = CmeSession.AtExchangeTime(runDays[^1], new TimeOnly(16, 30));
        var schedule = FaultSchedule.Build(random, runDays, laterKinds ? new Random(~seed) : null);

        var settings = new Dictionary<string, string?>(DaemonSettings);
        var loaded = SettingsLoader.Load(configFile, settings);
        var invariants = AccountInvariants.For(loaded);
        var proxy = SimulatorProxy.ContractIdFor(loaded);
        var options = new InProcessRunOptions
        {
            Bars = bars,
            MarketStart = start,
            ConfigFile = configFile,
            Settings = settings,
            Folder = folder,
            ConfigureSimulator = o =>
            {
                o.Faults = new FaultRequest { Seed = seed };
                o.ProxyContractId = proxy;
            },
        };

        var events = new Queue<(DateTimeOffset At, FaultRequest Request, string? Kind)>(schedule
            .SelectMany(f => f.Off is null ? [(f.At, f.On, (string?)f.Kind)] : new[] { (f.At, f.On, (string?)f.Kind), (f.Until!.Value, f.Off, null) })
            .OrderBy(e => e.Item1));
        var ruleTimes = runDays.SelectMany(d => new[] { new TimeOnly(15, 5), new TimeOnly(15, 8), new TimeOnly(15, 10) }.Select(t => CmeSession.AtExchangeTime(d, t))).ToList();
        var injected = new Dictionary<string, int>(StringComparer.Ordinal);
        var faultLog = Path.Combine(Directory.CreateDirectory(folder).FullName, "faults.log");

        await using var run = await InProcessRun.StartAsync(options, cancellationToken);
        var monitoring = run.Services.GetRequiredService<MonitoringState>();
        var startBalance = await run.Gateway.ReadAsync(g => g.Engine.Accounts.First().Balance, cancellationToken);
        await run.AdvanceAsync(end,
            fine: async now => schedule.Any(f => f.Active(now)) || monitoring.Snapshot() is { ExecutionBlockedBy: not null } or { Position.EntryPending: true }
                || await run.AccountBusyAsync(),
            schedule: now => events.Select(e => (DateTimeOffset?)e.At).Concat(ruleTimes.Select(t => (DateTimeOffset?)t)).Where(t => t > now).Min(),
            observe: async now =>
            {
                while (events.TryPeek(out var due) && due.At <= now)
                {
                    events.Dequeue();
                    await run.FaultAsync(due.Request, cancellationToken);
                    await File.AppendAllTextAsync(faultLog, $"{now:yyyy-MM-dd HH:mm:ss}Z {due.Kind ?? "end"} {JsonSerializer.Serialize(due.Request, FaultJson)}\n", cancellationToken);
                    if (due.Kind is { } kind)
                        injected[kind] = injected.GetValueOrDefault(kind) + 1;
                }
                await invariants.ObserveAsync(run.Gateway, now, cancellationToken);
                if (run.ExitCode is { } code)
                    invariants.Report("daemon_exited", now, $"the daemon ended with exit code {code}: {run.Errors}");
                else if (run.Crash is { } crash)
                    invariants.Report("daemon_exited", now, $"the daemon crashed: {crash.Message}");
            },
            cancellationToken: cancellationToken);

        var now = run.Clock.GetUtcNow();
        var journal = run.Services.GetRequiredService<TradeJournal>().ClosedTrades;
        var (balance, entries) = await run.Gateway.ReadAsync(g => (g.Engine.Accounts.First().Balance, g.Engine.Orders.Where(AccountInvariants.IsEntry).ToList()), cancellationToken);
        var journalPnL = journal.Sum(t => t.PnL ?? 0);
        if (journalPnL != balance - startBalance)
            invariants.Report("journal_pnl", now, $"journal P&L {journalPnL} differs from the simulator's balance change {balance - startBalance}");
        var approved = run.Services.GetRequiredService<RunStatistics>().SignalsTaken;
        if (entries.Count > approved)
            invariants.Report("entries", now, $"{entries.Count} entry orders for {approved} approved signals");
        foreach (var doubled in entries.GroupBy(e => e.CustomTag![..e.CustomTag!.LastIndexOf('-')]).Where(g => g.Count() > 1))
            invariants.Report("entries", now, $"{doubled.Count()} entry orders for the signal {doubled.Key}");
        if (run.Crash is null)
        {
            var exit = run.ExitCode ?? await run.StopDaemonAsync();
            if (exit != 0)
                invariants.Report("daemon_exit_code", now, $"the daemon stopped with exit code {exit}");
        }

        return new ChaosRunResult(seed, runDays, injected, invariants.Violations, journal.Count, journalPnL, wall.Elapsed, folder);
    }

    /// <summary>The CME trading days of <paramref name="bars"/> with bars in the 08:30–15:00 CT window, in order.</summary>
    public static IReadOnlyList<DateOnly> TradingDays(BarFile bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return [.. bars.Bars.Where(b => CmeSession.ExchangeTimeOfDay(b.OpenTime) is var t && t >= new TimeOnly(8, 30) && t < new TimeOnly(15, 0))
            .Select(b => CmeSession.TradingDayOf(b.OpenTime)).Distinct()];
    }
}
