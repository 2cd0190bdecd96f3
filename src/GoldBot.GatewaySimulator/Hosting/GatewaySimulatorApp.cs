using System.Net;
using GoldBot.GatewaySimulator.Api;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hubs;
using GoldBot.GatewaySimulator.Market;
using GoldBot.MarketData;
using GoldBot.Time;
using Microsoft.AspNetCore.Http.Connections;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Builds the simulator's web application: Kestrel on 127.0.0.1, REST endpoints, hubs, rate limits, faults, admin. The market clock is
/// <see cref="GatewaySimulatorOptions.DrivenClock"/> in driven mode, otherwise a <see cref="ReplayClock"/> starting at the first point
/// after the warm-up bars.
/// </summary>
public static class GatewaySimulatorApp
{
    /// <summary>Builds (does not start) the application.</summary>
    /// <exception cref="GatewaySimulatorConfigException">The options are invalid or the bars file is missing or unusable (every problem listed).</exception>
    public static WebApplication Build(GatewaySimulatorOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        BarFile? file = null;
        IReadOnlyList<SimContract> contracts = [];
        if (problems.Count == 0)
        {
            contracts = options.BuildContracts();
            try
            {
                file = BarCsvReader.Read(options.BarsFile, tickSize: contracts[0].Spec.TickSize);
            }
            catch (BarFileException e)
            {
                throw new GatewaySimulatorConfigException([$"BarsFile: {e.Message} (set GatewaySimulator:BarsFile or --bars)"], e);
            }
            if (options.WarmupBars >= file.Bars.Count)
                problems.Add($"WarmupBars: {options.WarmupBars} must be below the {file.Bars.Count} bars of {file.Path}");
        }
        if (problems.Count > 0)
            throw new GatewaySimulatorConfigException(problems);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        if (logging is not null)
            logging(builder.Logging);

        var clock = options.DrivenClock ?? new ReplayClock(file!.Bars[options.WarmupBars].OpenTime);
        var replay = new MarketReplay(contracts[0].Id, contracts[0].SymbolId, contracts[0].Spec.TickSize, file!.Bars, file.Period, options.WarmupBars, clock);
        var accounts = options.EffectiveAccounts.Select(a => new SimAccount(a.Id, a.Name, a.Balance, a.CanTrade, true, true, a.AutoOcoBrackets));
        var engine = new TradingEngine(contracts, accounts, options.BuildFees(), clock);
        if (options.EnforceTradingHours)
            engine.IsMarketOpen = GlobexHours.IsOpen;
        var faults = new FaultState(options.ServiceClock, clock);
        if (options.Faults is { } initial)
        {
            faults.Apply(initial);
            EngineFaults.Apply(engine, initial);
        }

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(faults);
        services.AddSingleton<SimulatorActivity>();
        services.AddSingleton(new TokenService(options.ServiceClock, options.TokenLifetime));
        services.AddSingleton<HubConnectionRegistry>();
        services.AddSingleton<IGatewayEventSink, HubEventPublisher>();
        var proxy = options.ProxyContractId is { } proxyId ? new SyntheticProxy(contracts.Single(c => c.Id == proxyId), file.Bars[0].Open) : null;
        services.AddSingleton(sp => new SimulatedGateway(engine, replay, clock, sp.GetRequiredService<IGatewayEventSink>(), faults,
            sp.GetRequiredService<SimulatorActivity>(), options, sp.GetRequiredService<ILogger<SimulatedGateway>>()) { Proxy = proxy });
        services.AddHostedService<ReplayPump>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        services.AddSignalR().AddJsonProtocol();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);

        var app = builder.Build();
        app.UseWebSockets();
        app.UseMiddleware<GatewayMiddleware>();
        app.MapGatewayEndpoints();
        app.MapAdminEndpoints();
        app.MapHub<MarketHub>("/hubs/market", o => o.Transports = HttpTransportType.WebSockets);
        app.MapHub<UserHub>("/hubs/user", o => o.Transports = HttpTransportType.WebSockets);
        return app;
    }
}
