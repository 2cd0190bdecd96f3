using GoldBot.Alerts;
using static GoldBot.Tests.Alerts.AlertTestSettings;

namespace GoldBot.Tests.Alerts;

/// <summary>A test class's local capture server on 127.0.0.1 and the alert HTTP clients (webhook on) that send to it, started and stopped per test.</summary>
public abstract class CaptureServerTests : IAsyncLifetime
{
    /// <summary>The server capturing what would be sent.</summary>
    private protected CaptureServer Server { get; private set; } = null!;

    /// <summary>The channels' HTTP clients, with the resilience handler, on the wall clock.</summary>
    private protected AlertHttp Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await CaptureServer.StartAsync();
        Http = new AlertHttp(WebhookOn(), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
