using System.Globalization;
using System.Text.Json;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Intermarket;
using GoldBot.Time;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Risk;
using GoldBot.State;
using GoldBot.Strategy;
using GoldBot.TopstepX;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// Runs the daemon against a ProjectX gateway: the local simulator (<see cref="RunMode.Sim"/>),
/// TopstepX with local fills (<see cref="RunMode.Paper"/>) or TopstepX with real orders
/// (<see cref="RunMode.Live"/>). Start-up is one path for a first start and a restart after a
/// crash (<c>research/topstepx-api.md</c> §12.1): log in, pick the account, resolve the contract,
/// say what will be traded, connect and subscribe both hubs, load history to warm up the detector,
/// then start the pipeline, whose order executor first reads the account (positions, open orders, fills)
/// and reconciles (adopts an unknown position and protects it with a stop, or flattens it, per
/// <see cref="TopstepXSettings.UnknownPosition"/>) before any entry; then trade until stopped. The pipeline
/// is the replay's; only the boundaries differ, plus a clock tick every second of market time.
/// </summary>
public static class GatewayRun
{
    /// <summary>Runs until shutdown (Ctrl+C, EMERGENCY_STOP.txt, a failed stage) and returns the exit code (as <see cref="DaemonRunner"/>).</summary>
    /// <param name="live">True when the command line said <c>--live</c>; required for <see cref="RunMode.Live"/>.</param>
    /// <param name="configureServices">Last-minute service changes (tests).</param>
    /// <param name="clock">
    /// Market time for an in-process simulator run (the integration tests, <c>goldbot chaos</c>): the clock the
    /// simulator runs on, used for everything (timeouts, rate limits and tokens too). Null: the wall clock in paper
    /// and live, a clock following the simulator's bars in sim mode.
    /// </param>
    /// <param name="calendar">The CME session calendar: holidays and early closes for the risk schedule and the feed watchdog.</param>
    /// <param name="observe">Receives the daemon's <see cref="GatewayActivity"/> as soon as the client and the hubs exist (an in-process driver).</param>
    public static async Task<int> RunAsync(GoldBotSettings settings, ExchangeCalendar calendar, bool live, TextWriter output, TextWriter error, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null, TimeProvider? clock = null, Action<GatewayActivity>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (settings.Mode == RunMode.Live && !live)
        {
            await error.WriteLineAsync("error: Mode Live places real orders on the TopstepX account: add --live to the command line to confirm");
            return 2;
        }
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var period = TimeFrame.Parse(settings.TopstepX.BarTimeFrame).Period;
        var contract = settings.Contract();
        var injected = clock is not null;
        await using var simulatorClock = settings.Mode == RunMode.Sim && !injected
            ? new SimulatorClock(new Uri(settings.TopstepX.SimulatorUrl.TrimEnd('/') + "/"), TimeProvider.System)
            : null;
        clock ??= simulatorClock?.Clock ?? TimeProvider.System;
        var clientTime = injected ? clock : TimeProvider.System;
        // On an in-process run's virtual clock, backoffs between retries run on the wall clock (short), so a retry never
        // waits for the driver to move the clock; timeouts, rate limits and tokens run on the virtual clock.
        var retryTime = injected ? TimeProvider.System : null;
        var (log, errors) = DaemonLog.Create(settings, clock);
        using var loggers = new SerilogLoggerFactory(log);
        var logger = loggers.CreateLogger("GoldBot.Gateway");
        if (simulatorClock is not null)
            simulatorClock.Logger = logger;
        var options = Options(settings);
        if (injected)
            options = options with { RetryBaseDelay = TimeSpan.FromMilliseconds(5) };
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var client = new ProjectXClient(http, options, clientTime, loggers.CreateLogger<ProjectXClient>(), gatewayTime: clock, retryTime: retryTime);
        await using var userHub = new UserHub(options, client.Tokens, clientTime, loggers.CreateLogger<UserHub>());
        await using var marketHub = new MarketHub(options, client.Tokens, clientTime, loggers.CreateLogger<MarketHub>());
        var activity = new GatewayActivity(client, marketHub, userHub);
        observe?.Invoke(activity);

        TradingAccount account;
        GatewayContract gatewayContract;
        GatewayContract? proxyContract = null;
        var proxySymbol = settings.Strategy.DollarFilter is { Mode: not DollarFilterMode.Off, ProxySymbol: { Length: > 0 } p } ? p.Trim() : null;
        IReadOnlyList<Bar> history;
        IReadOnlyList<Bar> proxyHistory = [];
        (Task User, Task Market) hubsStarted = (Task.CompletedTask, Task.CompletedTask);
        try
        {
            account = AccountSelection.Choose(await client.SearchAccountsAsync(cancellationToken: cancellationToken), settings.TopstepX.AccountId, settings.Mode);
            gatewayContract = await client.ResolveContractAsync(settings.Instrument.Symbol, cancellationToken);
            if (gatewayContract.TickSize != contract.TickSize || gatewayContract.TickValue != contract.TickValue)
                throw new AccountSelectionException($"contract {gatewayContract.Id}: the gateway's tick size {gatewayContract.TickSize} / tick value {gatewayContract.TickValue} differ from the configuration's {contract.TickSize} / {contract.TickValue} (Contracts:{contract.Symbol})");

            if (proxySymbol is not null)
                proxyContract = await client.ResolveContractAsync(proxySymbol, cancellationToken);

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"GoldBot {settings.Mode}: account {account.Id} {account.Name} (balance {account.Balance:0.00}), contract {gatewayContract.Id} {gatewayContract.Description ?? gatewayContract.Name} (tick {contract.TickSize} = {contract.TickValue} USD), {settings.TopstepX.BarTimeFrame} bars; " +
                $"risk {settings.Risk.MaxRiskPerTrade} USD/trade, daily loss limit {settings.Risk.DailyLossLimit}, maximum loss limit {settings.Risk.MaxLossLimit}, at most {settings.Risk.MaxContracts} micro contracts, entries {settings.Risk.TradingWindowStart:HH\\:mm}-{settings.Risk.TradingWindowEnd:HH\\:mm} CT, flat by {settings.Risk.FlatBy:HH\\:mm} CT; orders {(settings.Mode == RunMode.Paper ? "simulated locally (nothing is placed)" : "sent to " + options.ApiBaseUrl)}"));

            if (simulatorClock is not null)
                await simulatorClock.WaitForFirstReadingAsync(TimeSpan.FromSeconds(30), cancellationToken);

            // Subscribe first (each connect invokes every subscription), then connect in the background: a hub refusing
            // connections is an outage the hub rides out with backoff, not a reason to hold up start-up. History comes
            // after the subscriptions; bars the hub misses until it connects are taken from History.
            await userHub.SubscribeAccountAsync(account.Id, cancellationToken);
            await marketHub.SubscribeAsync(gatewayContract.Id, MarketSubscriptions.Trades | MarketSubscriptions.Quotes, cancellationToken);
            if (proxyContract is not null)
                await marketHub.SubscribeAsync(proxyContract.Id, MarketSubscriptions.Trades, cancellationToken);
            hubsStarted = (userHub.StartAsync(cancellationToken), marketHub.StartAsync(cancellationToken));

            history = await WarmupBarsAsync(client, gatewayContract.Id, period, settings.TopstepX.WarmupBars, clock, cancellationToken);
            if (proxyContract is not null)
                proxyHistory = await WarmupBarsAsync(client, proxyContract.Id, period, settings.TopstepX.WarmupBars, clock, cancellationToken);
        }
        catch (Exception e) when (e is AccountSelectionException or GatewayException or GatewayUnavailableException or HttpRequestException or TimeoutException)
        {
            logger.LogError("Start-up failed: {Reason}", e.Message);
            await error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        // The risk state to resume: the store's (Sim, Live), reconciled with the gateway's account; paper mode's account is simulated.
        using var store = settings.Mode == RunMode.Paper ? null : OpenStore(settings, account.Id, clock, error);
        if (settings.Mode != RunMode.Paper && store is null)
            return 2;
        // Declared after the store, so disposed before it: the writes still pending are committed first.
        await using var stateWriter = store is null ? null : new StateWriter(logger);
        RiskState? resume = null;
        if (store is not null)
        {
            try
            {
                resume = await RecoverRiskAsync(store, client, account, settings.Risk, clock, logger, cancellationToken);
                ResyncJournal(store, account.Id, settings.Monitoring.LogDirectory, clock, logger);
            }
            catch (Exception e) when (e is StateStoreException or Microsoft.Data.Sqlite.SqliteException or GatewayException or GatewayUnavailableException
                or HttpRequestException or TimeoutException)
            {
                logger.LogError("Start-up failed: {Reason}", e.Message);
                await error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
        }

        // Bars from the hub's prints; the bar in progress at start-up and bars missed in a hub outage come from History.
        DateTimeOffset? loadedUntil = history.Count > 0 ? history[^1].OpenTime + period : null;
        var contractId = gatewayContract.Id;
        using var bars = new TradeStreamBarSource(period, $"{contractId} trades from {options.MarketHubUrl}",
            clock, TimeSpan.FromSeconds(settings.TopstepX.BarCloseGraceSeconds),
            new HistoryBackfill((from, to, ct) => client.RetrieveClosedBarsAsync(contractId, period, from, to, cancellationToken: ct), loadedUntil),
            loggers.CreateLogger<TradeStreamBarSource>());
        // The dollar filter's proxy (Strategy:DollarFilter:ProxySymbol): its own bars from its prints; a partial first bar is dropped.
        using var proxyBars = proxyContract is null ? null : new TradeStreamBarSource(period, $"{proxyContract.Id} trades from {options.MarketHubUrl} (dollar filter proxy)",
            clock, TimeSpan.FromSeconds(settings.TopstepX.BarCloseGraceSeconds), logger: loggers.CreateLogger<TradeStreamBarSource>());
        var proxyTrades = proxyBars is null ? null : new DollarProxyTrades($"{proxySymbol} {proxyContract!.Id}", proxyContract.Id, proxyBars);
        if (proxyTrades is not null)
        {
            activity.AttachProxy(proxyTrades.Bars);
            logger.LogInformation("Dollar filter {Mode:l}: proxy {Proxy}{Inverted:l}, {TimeFrame} bars from its trades", settings.Strategy.DollarFilter.Mode, proxyTrades.Name,
                settings.Strategy.DollarFilter.Invert ? " read inverted" : "", settings.TopstepX.BarTimeFrame);
        }
        var symbol = contract.Symbol;
        var feed = new FeedMonitor(clock, utc => calendar.IsOpen(symbol, utc), TimeSpan.FromSeconds(settings.TopstepX.StaleFeedSeconds));
        if (CalendarFile.StartupWarning(calendar, clock) is { } uncovered)
            logger.LogWarning("{Warning}", uncovered);
        var runId = $"{settings.Mode.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";
        var boundaries = new DaemonBoundaries(runId, clock, bars, settings.Mode == RunMode.Paper
            ? DaemonHost.SimulatedFills(settings, period, clock)
            : (sp, sink) => new TopstepXBroker(client, account.Id, gatewayContract.Id, sink, clock, options.OrderReconcileLookback,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<TopstepXBroker>()), feed);

        var host = DaemonHost.Build(settings, boundaries, services =>
        {
            services.AddSingleton(activity);
            services.AddHostedService(sp => new GatewayEventPump(userHub, marketHub, settings.Mode == RunMode.Paper ? null : (TopstepXBroker)sp.GetRequiredService<IBroker>(),
                bars, feed, sp.GetRequiredService<PipelineChannels>(), gatewayContract.Id, sp.GetRequiredService<RunCoordinator>(), sp.GetRequiredService<ILogger<GatewayEventPump>>(),
                sp.GetRequiredService<GatewayActivity>(), proxyTrades));
            if (proxyTrades is not null)
            {
                services.AddSingleton(proxyTrades);
                services.AddSingleton(new DollarProxy(proxyTrades.Name, null, period));
                services.AddHostedService<DollarProxyFeedService>();
            }
            if (store is not null)
            {
                services.AddSingleton(sp => new RiskStatePersistence(store, stateWriter!, account.Id, sp.GetRequiredService<WriteFailures>()));
                services.AddSingleton(sp => new OpenTradePersistence(store, stateWriter!, account.Id, sp.GetRequiredService<WriteFailures>()));
            }
            // A Windows service is stopped by the service control manager, not by a signal: it keeps the service lifetime (position left protected).
            if (settings.Execution.OnShutdown == ShutdownAction.Flatten && !WindowsServiceHelpers.IsWindowsService())
            {
                services.AddSingleton<IHostLifetime>(sp => new FlattenOnShutdownLifetime(sp.GetRequiredService<IHostApplicationLifetime>(), sp.GetRequiredService<PipelineChannels>(),
                    TimeSpan.FromSeconds(settings.Execution.ShutdownFlattenSeconds), sp.GetRequiredKeyedService<TimeProvider>(DaemonHost.WallClock),
                    sp.GetRequiredService<ILogger<FlattenOnShutdownLifetime>>(), sp.GetService<ISystemdNotifier>()));
            }
            services.AddHostedService(sp => new MarketHubWatchdog(feed, marketHub, clock, sp.GetRequiredService<RunCoordinator>(), sp.GetRequiredService<ILogger<MarketHubWatchdog>>()));
            configureServices?.Invoke(services);
        }, (log, errors), calendar);
        using var running = host;
        var services = host.Services;
        activity.Attach(bars, services.GetRequiredService<PipelineChannels>(), settings.Mode == RunMode.Paper ? null : services.GetRequiredService<OrderExecutor>());
        if (resume is not null)
        {
            // status.json shows the resumed state (the account's balance, the day's P&L, the floor, a halt) from its first write.
            var risk = services.GetRequiredService<RiskManager>();
            risk.Resume(resume);
            services.GetRequiredService<MonitoringState>().SetRisk(risk.Status(clock.GetUtcNow()), 0, 0);
        }
        if (store is not null)
            RebuildLearning(store, account.Id, services.GetRequiredService<Learning.LearningSystem>(), logger);
        var strategy = services.GetRequiredService<OrderBlockStrategy>();
        var ignored = new List<TradeSignal>();
        foreach (var bar in history)
            strategy.OnBar(bar, ignored);
        if (services.GetService<DollarFilterGate>() is { } dollarFilter && proxyTrades is not null)
        {
            dollarFilter.WarmUp(history, proxyHistory, period);
            logger.LogInformation("Dollar filter warm-up: {Bars} bars of {Proxy} history; {Status}", proxyHistory.Count, proxyTrades.Name,
                dollarFilter.Status(clock.GetUtcNow()).Status);
        }
        logger.LogInformation("Warm-up: {Bars} bars of history, {From:yyyy-MM-dd HH:mm} to {To:yyyy-MM-dd HH:mm} UTC", history.Count,
            history.Count > 0 ? history[0].OpenTime : default, history.Count > 0 ? history[^1].OpenTime : default);

        // Crash-only recovery: before anything else, the executor reads the account and adopts or flattens what it holds;
        // once the user hub is connected, it reads the account again (events before the connect were not seen).
        var executorInbox = services.GetRequiredService<PipelineChannels>().Executor;
        await executorInbox.WriteAsync(new ExecutorStart(history.Count > 0 ? history[^1].Close : null, LoadOpenTrade(store, account.Id, logger)), cancellationToken);
        _ = ReconcileWhenConnectedAsync(hubsStarted.User, executorInbox);

        await host.StartAsync(cancellationToken);
        await host.WaitForShutdownAsync(cancellationToken);
        await marketHub.StopAsync(CancellationToken.None);
        await userHub.StopAsync(CancellationToken.None);
        // A hub's start ends connected or cancelled (stopped above): the cancellation is expected, nothing else can come.
        await Task.WhenAll(hubsStarted.User, hubsStarted.Market).ContinueWith(_ => { }, TaskScheduler.Default);
        return await DaemonRunner.SummarizeAsync(settings, services, output, error, audit: false, stopwatch.Elapsed);
    }

    private static async Task ReconcileWhenConnectedAsync(Task userHubStarted, PipelineChannel<ExecutorInput> executor)
    {
        try
        {
            await userHubStarted;
            executor.TryWrite(new UserEventsChanged(Flowing: true, "user hub connected"));
        }
        catch (OperationCanceledException)
        {
            // Stopped before the hub connected.
        }
    }

    /// <summary>The open trade the store saved, or null (none, no store, or unreadable: then a position is adopted, as on a first start).</summary>
    private static OpenTradeState? LoadOpenTrade(StateStore? store, long accountId, ILogger logger)
    {
        try
        {
            return store?.LoadOpenTrade(accountId);
        }
        catch (StateStoreException e)
        {
            logger.LogError("{Reason}: a position at the gateway will be adopted, not resumed", e.Message);
            return null;
        }
    }

    /// <summary>Opens the account's state store, or writes why it cannot be used to <paramref name="error"/> and returns null.</summary>
    private static StateStore? OpenStore(GoldBotSettings settings, long accountId, TimeProvider clock, TextWriter error)
    {
        try
        {
            return StateStore.Open(Path.Combine(settings.State.Directory, $"account-{accountId}.db"), clock);
        }
        catch (StateStoreException e)
        {
            error.WriteLine($"error: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The risk state to resume (<see cref="RiskStateRecovery"/>): the store's, the account's balance, the trading day's realised P&amp;L
    /// (Trade/search since 17:00 CT, after fees and commissions) and, without a store, whether the account has traded in the last 90 days.
    /// Every assumption is logged as a warning; the state is saved at once.
    /// </summary>
    private static async Task<RiskState> RecoverRiskAsync(StateStore store, ProjectXClient client, TradingAccount account, RiskOptions rules, TimeProvider clock,
        ILogger logger, CancellationToken cancellationToken)
    {
        var saved = store.LoadRisk(account.Id);
        var now = clock.GetUtcNow();
        var day = CmeSession.TradingDayOf(now);
        var today = (await client.SearchTradesAsync(account.Id, CmeSession.TradingDayOpen(day), cancellationToken: cancellationToken)).Where(t => !t.Voided).ToList();
        var history = saved is not null || today.Count > 0
            || (await client.SearchTradesAsync(account.Id, now.AddDays(-90), cancellationToken: cancellationToken)).Any(t => !t.Voided);
        var realized = today.Sum(t => (t.ProfitAndLoss ?? 0m) - t.Fees - (t.Commissions ?? 0m));
        var (state, assumptions) = RiskStateRecovery.Recover(saved, new AccountFacts(account.Balance, realized, history), day, rules);
        foreach (var assumption in assumptions)
            logger.LogWarning("Risk state: {Assumption}", assumption);
        logger.LogInformation(
            "Risk state {Source}: trading day {Day}, day start balance {DayStart} USD (P&L today {Realized} USD), maximum-loss floor {Floor} USD, {Losses} consecutive losses, {Trades} trades in all{Halt}",
            saved is null ? "from the gateway (no store yet)" : saved.TradingDay == day ? "resumed" : $"rolled from {saved.TradingDay:yyyy-MM-dd}",
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), state.DayStartBalance,
            state.Balance - state.DayStartBalance, state.MaxLossFloor, state.ConsecutiveLosses, state.TotalTrades,
            (state.HaltedForGood ?? state.HaltedToday) is { } halt ? $"; halted: {halt}" : "");
        store.SaveRisk(account.Id, state);
        return state;
    }

    /// <summary>
    /// Gives the learning system every trade the state store has closed for the account, oldest first, so its book and its
    /// decisions are what they were before the restart (the policies decide from the trades alone). An unreadable journal line is
    /// skipped and reported.
    /// </summary>
    private static void RebuildLearning(StateStore store, long accountId, Learning.LearningSystem learning, ILogger logger)
    {
        var closed = store.ClosedTrades(accountId, DateOnly.MinValue);
        var unreadable = 0;
        foreach (var (id, line) in closed)
        {
            TradeDocument? document = null;
            try
            {
                document = JsonSerializer.Deserialize<TradeDocument>(line, MonitoringJson.Line);
            }
            catch (JsonException)
            {
            }
            if (document is null)
            {
                unreadable++;
                logger.LogWarning("Learning: the stored trade {Id} cannot be read; it is left out of the learning history", id);
                continue;
            }
            learning.Record(document.ToRecord());
        }
        logger.LogInformation("Learning ({Policy}): {Trades} closed trades from the state store, {Decisions} decisions, size ×{Size}",
            learning.Policy?.Name ?? "Off", closed.Count - unreadable, learning.Decisions.Count, learning.SizeMultiplier);
    }

    /// <summary>
    /// Writes to <c>all_trades.jsonl</c> the trades of the last four trading days that the store has closed and the journal lacks (a kill -9
    /// between a close's commit and its append). A journal that cannot be written is reported and trading goes on.
    /// </summary>
    private static void ResyncJournal(StateStore store, long accountId, string logDirectory, TimeProvider clock, ILogger logger)
    {
        try
        {
            var since = CmeSession.TradingDayOf(clock.GetUtcNow()).AddDays(-(int)TopstepXBroker.StartupLookback.TotalDays);
            var written = TradeJournal.AppendMissing(logDirectory, store.ClosedTrades(accountId, since));
            if (written > 0)
                logger.LogWarning("{Count} trades closed in the state store were missing from all_trades.jsonl: written", written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Cannot bring all_trades.jsonl up to date with the state store: {Message}", e.Message);
        }
    }

    /// <summary>The client's options for the mode: the simulator's address and its default login in Sim mode, TopstepX otherwise.</summary>
    public static TopstepXOptions Options(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var gateway = settings.TopstepX;
        if (settings.Mode == RunMode.Sim)
        {
            var root = gateway.SimulatorUrl.TrimEnd('/');
            return new TopstepXOptions
            {
                ApiBaseUrl = new Uri(root),
                MarketHubUrl = new Uri(root + "/hubs/market"),
                UserHubUrl = new Uri(root + "/hubs/user"),
                // The simulator's default login (goldbot-sim --help), unless the environment gives another.
                UserName = string.IsNullOrWhiteSpace(gateway.UserName) ? "goldbot" : gateway.UserName,
                ApiKey = string.IsNullOrWhiteSpace(gateway.ApiKey) ? "sim-api-key" : gateway.ApiKey,
                AccountId = gateway.AccountId,
                RequestTimeout = TimeSpan.FromSeconds(gateway.RequestTimeoutSeconds),
            };
        }
        return new TopstepXOptions
        {
            ApiBaseUrl = new Uri(gateway.ApiBaseUrl),
            MarketHubUrl = new Uri(gateway.MarketHubUrl),
            UserHubUrl = new Uri(gateway.UserHubUrl),
            UserName = gateway.UserName,
            ApiKey = gateway.ApiKey,
            AccountId = gateway.AccountId,
            RequestTimeout = TimeSpan.FromSeconds(gateway.RequestTimeoutSeconds),
        };
    }

    /// <summary>The latest <paramref name="count"/> closed bars before now (the gateway keeps the latest bars of the window, §6).</summary>
    private static async Task<IReadOnlyList<Bar>> WarmupBarsAsync(ProjectXClient client, string contractId, TimeSpan period, int count, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (count == 0)
            return [];
        // A window wide enough for the count over weekends and holidays, ending after now (market time).
        var end = clock.GetUtcNow().AddDays(1);
        return await client.RetrieveClosedBarsAsync(contractId, period, end.AddYears(-10), end, Math.Min(count, 20_000), cancellationToken);
    }
}
