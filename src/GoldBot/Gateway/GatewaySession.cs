using GoldBot.Configuration;
using GoldBot.TopstepX;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// A logged-in REST client for the one-shot gateway commands (<c>history</c>, <c>accounts</c>): the
/// simulator in Sim mode, TopstepX otherwise (credentials from the environment). Disposes its HTTP client.
/// </summary>
public sealed class GatewaySession : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Opens the session for <paramref name="settings"/>' mode.</summary>
    /// <exception cref="AccountSelectionException">Replay mode (no gateway) or no credentials outside Sim mode.</exception>
    public GatewaySession(GoldBotSettings settings, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        if (settings.Mode == RunMode.Replay)
            throw new AccountSelectionException("this command talks to a gateway: add --mode sim (the local simulator) or --mode paper/live with GOLDBOT__TopstepX__UserName and GOLDBOT__TopstepX__ApiKey set");
        if (settings.Mode != RunMode.Sim && !settings.TopstepX.HasCredentials)
            throw new AccountSelectionException("TopstepX credentials missing: set GOLDBOT__TopstepX__UserName and GOLDBOT__TopstepX__ApiKey");
        Options = GatewayRun.Options(settings);
        Client = new ProjectXClient(_http, Options, TimeProvider.System, loggers.CreateLogger<ProjectXClient>());
    }

    /// <summary>The client's options (addresses; the key is redacted in ToString).</summary>
    public TopstepXOptions Options { get; }

    /// <summary>The REST client.</summary>
    public ProjectXClient Client { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }
}
