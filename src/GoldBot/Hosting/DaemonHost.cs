using GoldBot.Alerts;
using GoldBot.Time;
using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Execution;
using GoldBot.Intermarket;
using GoldBot.Learning;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Reporting;
using GoldBot.Risk;
using GoldBot.Services;
using GoldBot.Strategy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace GoldBot.Hosting;

/// <summary>
/// The composition root: one generic host whose hosted services (alerts, control-file watcher, status
/// writer, order executor, risk manager, SMC detector, market-data feed) share
/// <see cref="PipelineChannels"/>, all on one <see cref="TimeProvider"/>. The boundaries are the
/// only things that differ between modes: the market-data source, the broker and the clock
/// (a <see cref="ReplayClock"/> following the bars in a replay).
/// </summary>
public static class DaemonHost
{
    /// <summary>Service key of the wall-clock <see cref="TimeProvider"/> (real time, for throttling only; market time is the unkeyed one).</summary>
    public const string WallClock = "wall";

    /// <summary>Log line layout: market time, level, message.</summary>
    public const string ConsoleTemplate = "{MarketTime} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    /// <summary>Log file line layout: market time, level, source, message.</summary>
    public const string FileTemplate = "{MarketTime} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>Builds the host for a paper replay of <paramref name="bars"/>: bars from the file, market time from the bars, simulated fills.</summary>
    /// <param name="configureServices">Applied after the standard registrations, so it can replace or decorate them.</param>
    /// <param name="calendar">The CME session calendar (early closes and holidays for the risk schedule); null for the configured early closes only.</param>
    public static IHost BuildReplay(GoldBotSettings settings, BarFile bars, Action<IServiceCollection>? configureServices = null, ExchangeCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bars);
        var clock = new ReplayClock(bars.Bars[0].OpenTime);
        var runId = $"replay-{bars.Bars[0].OpenTime:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";
        return Build(settings, new DaemonBoundaries(runId, clock, new FileReplaySource(bars), SimulatedFills(settings, bars.Period, clock)), configureServices,
            calendar: calendar);
    }

    /// <summary>A simulated broker (paper fills from the bar stream) for <see cref="DaemonBoundaries.CreateBroker"/>.</summary>
    public static Func<IServiceProvider, IBrokerEventSink, IBroker> SimulatedFills(GoldBotSettings settings, TimeSpan barPeriod, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return (_, sink) => new SimulatedBroker(settings.Contract(), settings.Execution, settings.Risk.StartingBalance, barPeriod, sink, clock);
    }

    /// <summary>
    /// Creates the daemon's Serilog logger (console, daily file in the logs folder, the recent-errors
    /// sink of status.json), stamping every line with <paramref name="clock"/>'s market time.
    /// </summary>
    /// <exception cref="IOException">The logs folder cannot be created.</exception>
    public static (Logger Logger, RecentErrors Errors) CreateLog(GoldBotSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logDirectory = Path.GetFullPath(settings.Monitoring.LogDirectory);
        Directory.CreateDirectory(logDirectory);
        var errors = new RecentErrors();
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.With(new MarketTimeEnricher(clock))
            .WriteTo.Console(restrictedToMinimumLevel: settings.Monitoring.ConsoleLevel, outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(logDirectory, "goldbot-.log"), restrictedToMinimumLevel: LogEventLevel.Information, outputTemplate: FileTemplate,
                rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.Sink(errors)
            .CreateLogger();
        return (logger, errors);
    }

    /// <summary>
    /// Builds the host for any mode: the same services, channels and domain objects; only the
    /// boundaries (clock, market-data source, broker) differ.
    /// </summary>
    /// <param name="configureServices">Applied after the standard registrations, so it can replace or decorate them.</param>
    /// <param name="log">The daemon's log, when it had to exist before the host (gateway modes log in and warm up first); else created here.</param>
    /// <param name="calendar">The CME session calendar (early closes and holidays for the risk schedule); null for the configured early closes only.</param>
    public static IHost Build(GoldBotSettings settings, DaemonBoundaries boundaries, Action<IServiceCollection>? configureServices = null,
        (Logger Logger, RecentErrors Errors)? log = null, ExchangeCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(boundaries);
        var logDirectory = Path.GetFullPath(settings.Monitoring.LogDirectory);
        var clock = boundaries.Clock;
        var runId = boundaries.RunId;
        var period = boundaries.Source.Period;
        var (logger, errors) = log ?? CreateLog(settings, clock);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Environment.CurrentDirectory });
        builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);
        var services = builder.Services;
        var contract = settings.Contract();

        services.AddSingleton(settings);
        services.AddSingleton(settings.Replay);
        services.AddSingleton(contract);
        services.AddSingleton<TimeProvider>(clock);
        services.AddKeyedSingleton(WallClock, TimeProvider.System);
        services.AddSingleton(errors);
        services.AddSingleton(new PipelineChannels(new PipelineWork()));
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<RunStatistics>();
        services.AddSingleton<MonitoringState>();
        services.AddSingleton(boundaries.Source);
        services.AddSingleton(sp => new WriteFailures(clock, sp.GetRequiredService<ILoggerFactory>().CreateLogger<WriteFailures>(), settings.Monitoring.OnWriteFailure));
        services.AddSingleton(sp => new TradeJournal(logDirectory, contract.Symbol, runId, sp.GetRequiredService<WriteFailures>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<TradeJournal>()));
        services.AddSingleton(sp => new SignalLog(logDirectory, runId, sp.GetRequiredService<WriteFailures>()));
        services.AddSingleton(new PatternPerformance(settings.Strategy.EnabledPatterns));
        services.AddSingleton(_ => new OrderBlockStrategy(settings.Strategy, contract, period));
        if (settings.Strategy.DollarFilter.Mode == DollarFilterMode.Off)
            services.AddSingleton<ISignalSource>(sp => sp.GetRequiredService<OrderBlockStrategy>());
        else
            DollarFilterRegistration.Add(services, settings.Strategy.DollarFilter, period);
        services.AddSingleton(calendar is null ? new SessionSchedule(settings.Risk) : new SessionSchedule(settings.Risk, calendar, contract.Symbol));
        services.AddSingleton(_ => new LearningSystem(settings.Learning, settings.Strategy.EnabledPatterns, settings.Risk.DefaultContracts));
        services.AddSingleton(sp => new LearningFiles(logDirectory, sp.GetRequiredService<WriteFailures>()));
        services.AddSingleton(sp => new RiskManager(settings.Risk, contract, settings.Execution, period, sp.GetRequiredService<SessionSchedule>())
        {
            Learning = sp.GetRequiredService<LearningSystem>(),
        });
        services.AddSingleton(sp => new RiskStage(sp.GetRequiredService<RiskManager>()));
        services.AddSingleton(sp => new ExecutorInbox(sp.GetRequiredService<PipelineChannels>()));
        services.AddSingleton(sp => boundaries.CreateBroker(sp, sp.GetRequiredService<ExecutorInbox>()));
        // A broker that fills from the bar stream (paper) is also the feed's venue; a real one is not.
        services.AddSingleton(sp => (sp.GetRequiredService<IBroker>() as IBarDrivenVenue)!);
        services.AddSingleton(sp => new OrderExecutor(sp.GetRequiredService<IBroker>(), contract, settings.Risk.StartingBalance, clock, "gb" + runId[^8..],
            settings.Execution, new AdoptionPolicy(settings.TopstepX.AdoptStopTicks, settings.TopstepX.UnknownPosition == UnknownPositionAction.Flatten),
            sp.GetRequiredService<ExecutorInbox>(), sp.GetService<OpenTradePersistence>()));
        if (boundaries.Feed is { } feed)
            services.AddSingleton(feed);
        services.AddSingleton(sp => new ControlLog(logDirectory, clock, sp.GetRequiredService<WriteFailures>(), sp.GetRequiredService<AlertPublisher>()));
        services.AddSingleton(sp => new ControlFiles(Path.GetFullPath(settings.Controls.Directory), settings.Risk.MinContracts,
            settings.Risk.MaxContracts / contract.MicroEquivalent, sp.GetRequiredService<ILoggerFactory>().CreateLogger<ControlFiles>()));

        // Consumers first, the feed last: StopAsync runs in reverse, so the status writer stops last (and the alerts after it).
        AlertRegistration.Add(services, settings);
        services.AddHostedService<HangUpShutdown>();
        services.AddHostedService<StatusWriterService>();
        services.AddHostedService<ControlFileWatcherService>();
        services.AddHostedService<OrderExecutorService>();
        services.AddHostedService<RiskManagerService>();
        services.AddHostedService<SmcDetectorService>();
        services.AddHostedService<MarketDataFeedService>();
        if (boundaries.Feed is not null)
            services.AddHostedService<ClockTickService>();
        configureServices?.Invoke(services);
        return builder.Build();
    }
}
