using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port chosen by the OS) hosting fake market and user hubs behind an
/// <see cref="UpgradeGate"/>: a connection whose <c>access_token</c> is "expired" is refused with HTTP 401, as the
/// gateway does, and a test can refuse (503 outage) or hold the next upgrades.
/// </summary>
internal sealed class HubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri MarketHub => new(Address, "/hubs/market");

    public Uri UserHub => new(Address, "/hubs/user");

    public HubRecorder Recorder => _app.Services.GetRequiredService<HubRecorder>();

    /// <summary>Every upgrade request, and refusals or holds the test asks for.</summary>
    public UpgradeGate Gate => _app.Services.GetRequiredService<UpgradeGate>();

    public IHubContext<FakeMarketHub> Market => _app.Services.GetRequiredService<IHubContext<FakeMarketHub>>();

    public IHubContext<FakeUserHub> User => _app.Services.GetRequiredService<IHubContext<FakeUserHub>>();

    public static async Task<HubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<HubRecorder>();
        builder.Services.AddSingleton<UpgradeGate>();
        var app = builder.Build();
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/hubs")
                && await context.RequestServices.GetRequiredService<UpgradeGate>().AdmitAsync(context) is { } refused)
            {
                context.Response.StatusCode = refused;
                return;
            }
            await next(context);
        });
        app.MapHub<FakeMarketHub>("/hubs/market");
        app.MapHub<FakeUserHub>("/hubs/user");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
