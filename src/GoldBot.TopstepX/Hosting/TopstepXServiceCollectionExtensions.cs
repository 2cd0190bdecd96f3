using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GoldBot.TopstepX.Hosting;

/// <summary>Registers the gateway client and hubs in a DI container (the daemon's generic host).</summary>
public static class TopstepXServiceCollectionExtensions
{
    /// <summary>
    /// Adds, as singletons: <paramref name="options"/>, <see cref="TimeProvider.System"/> (unless one is
    /// registered), <see cref="ProjectXClient"/> over its own <see cref="HttpClient"/> (connections recycled
    /// every 5 min so DNS changes are seen; no HttpClient timeout, the client times each attempt), its
    /// <see cref="ITokenSource"/>, and <see cref="MarketHub"/> and <see cref="UserHub"/> (not started).
    /// Logging must be registered too.
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed).</exception>
    public static IServiceCollection AddTopstepX(this IServiceCollection services, TopstepXOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Errors();
        if (errors.Count > 0)
            throw new ArgumentException("invalid TopstepX options: " + string.Join("; ", errors), nameof(options));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(_ => new GatewayHttpClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        }));
        services.AddSingleton(sp => new ProjectXClient(
            sp.GetRequiredService<GatewayHttpClient>().Http,
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ProjectXClient>>()));
        services.AddSingleton<ITokenSource>(sp => sp.GetRequiredService<ProjectXClient>().Tokens);
        services.AddSingleton<MarketHub>();
        services.AddSingleton<UserHub>();
        return services;
    }

    /// <summary>Owns the gateway's HttpClient so the container disposes it.</summary>
    private sealed class GatewayHttpClient(HttpClient http) : IDisposable
    {
        public HttpClient Http { get; } = http;

        public void Dispose() => Http.Dispose();
    }
}
