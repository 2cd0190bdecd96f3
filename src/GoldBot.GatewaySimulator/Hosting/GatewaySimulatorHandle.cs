namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>A running in-process simulator.</summary>
public sealed class GatewaySimulatorHandle : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal GatewaySimulatorHandle(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234/</c>; REST under <c>api/</c>, hubs at <c>hubs/market</c> and <c>hubs/user</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The gateway state (engine, replay, clock) for direct inspection and stepping.</summary>
    public SimulatedGateway Gateway => _app.Services.GetRequiredService<SimulatedGateway>();

    /// <summary>The faults in force and the count of rate-limit refusals.</summary>
    public Faults.FaultState Faults => _app.Services.GetRequiredService<Faults.FaultState>();

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
