using GoldBot.Configuration;
using GoldBot.Controls;
using GoldBot.Execution;
using GoldBot.Learning;
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
using Serilog.Events;

namespace GoldBot.Hosting;

/// <summary>
/// The composition root: one generic host whose hosted services (control-file watcher, status
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

    /// <summary>Builds the host for a paper replay of <paramref name="bars"/>.</summary>
    /// <param name="configureServices">Applied after the standard registrations, so it can replace or decorate them.</param>
    public static IHost BuildReplay(GoldBotSettings settings, BarFile bars, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(bars);
        var logDirectory = Path.GetFullPath(settings.Monitoring.LogDirectory);
        Directory.CreateDirectory(logDirectory);
        var clock = new ReplayClock(bars.Bars[0].OpenTime);
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

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Environment.CurrentDirectory });
        builder.Logging.ClearProviders().AddSerilog(logger, dispose: true);
        var services = builder.Services;
        var contract = settings.Contract();
        var runId = $"replay-{bars.Bars[0].OpenTime:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}";

        services.AddSingleton(settings);
        services.AddSingleton(settings.Replay);
        services.AddSingleton(settings.Controls);
        services.AddSingleton(contract);
        services.AddSingleton<TimeProvider>(clock);
        services.AddKeyedSingleton(WallClock, TimeProvider.System);
        services.AddSingleton(errors);
        services.AddSingleton(new PipelineChannels(new PipelineWork()));
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<RunStatistics>();
        services.AddSingleton<MonitoringState>();
        services.AddSingleton<IMarketDataSource>(new FileReplaySource(bars));
        services.AddSingleton(sp => new TradeJournal(logDirectory, contract.Symbol, runId, sp.GetRequiredService<ILoggerFactory>().CreateLogger<TradeJournal>()));
        services.AddSingleton(sp => new SignalLog(logDirectory, runId, sp.GetRequiredService<ILoggerFactory>().CreateLogger<SignalLog>()));
        services.AddSingleton(new PatternPerformance(settings.Strategy.EnabledPatterns));
        services.AddSingleton<ISignalSource>(_ => new OrderBlockStrategy(settings.Strategy, contract, bars.Period));
        services.AddSingleton(_ => new RiskManager(settings.Risk, contract, settings.Execution, bars.Period));
        services.AddSingleton(sp => new RiskStage(sp.GetRequiredService<RiskManager>()));
        services.AddSingleton(sp => new SimulatedBroker(contract, settings.Execution, settings.Risk.StartingBalance, bars.Period,
            new ExecutorInbox(sp.GetRequiredService<PipelineChannels>()), clock));
        services.AddSingleton<IBroker>(sp => sp.GetRequiredService<SimulatedBroker>());
        services.AddSingleton<IBarDrivenVenue>(sp => sp.GetRequiredService<SimulatedBroker>());
        services.AddSingleton(sp => new OrderExecutor(sp.GetRequiredService<IBroker>(), contract, settings.Risk.StartingBalance, "gb" + runId[^8..]));
        services.AddSingleton(sp => new ControlFiles(Path.GetFullPath(settings.Controls.Directory), settings.Risk.MinContracts,
            settings.Risk.MaxContracts / contract.MicroEquivalent, sp.GetRequiredService<ILoggerFactory>().CreateLogger<ControlFiles>()));

        // Consumers first, the feed last: StopAsync runs in reverse, so the status writer stops last.
        services.AddHostedService<StatusWriterService>();
        services.AddHostedService<ControlFileWatcherService>();
        services.AddHostedService<OrderExecutorService>();
        services.AddHostedService<RiskManagerService>();
        services.AddHostedService<SmcDetectorService>();
        services.AddHostedService<MarketDataFeedService>();
        configureServices?.Invoke(services);
        return builder.Build();
    }
}
