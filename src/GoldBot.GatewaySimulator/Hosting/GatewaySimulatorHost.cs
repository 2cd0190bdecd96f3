using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>Starts the simulator in-process, for integration tests in other projects.</summary>
public static class GatewaySimulatorHost
{
    /// <summary>
    /// Starts the simulator on 127.0.0.1 at <see cref="GatewaySimulatorOptions.Port"/> (set it to 0 to pick a free
    /// port; the handle's <see cref="GatewaySimulatorHandle.BaseUrl"/> tells which). Dispose the handle to stop it.
    /// </summary>
    /// <exception cref="GatewaySimulatorConfigException">The options are invalid or the bars file is unusable.</exception>
    public static async Task<GatewaySimulatorHandle> StartAsync(GatewaySimulatorOptions options, CancellationToken cancellationToken)
    {
        var app = GatewaySimulatorApp.Build(options, l => l.ClearProviders());
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewaySimulatorHandle(app, new Uri(address.TrimEnd('/') + "/"));
    }
}
