using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace GoldBot.Alerts;

/// <summary>
/// The alert channels' HTTP clients: <see cref="IHttpClientFactory"/> with Microsoft.Extensions.Http.Resilience's standard
/// handler (retries with exponential backoff and jitter, honouring <c>Retry-After</c>; a timeout per attempt and in total; a
/// circuit breaker), from <c>Alerts:Retries</c>, <c>RetryDelayMilliseconds</c> and <c>RequestTimeoutSeconds</c>. Built in a
/// container of its own on the clock it is given (the wall clock in the daemon: backoffs and timeouts are real waits, not
/// market time), and with no logger: the HTTP client's request lines would carry the webhook URLs and the bot token.
/// </summary>
public sealed class AlertHttp : IDisposable
{
    /// <summary>The named client every channel uses.</summary>
    public const string ClientName = "goldbot-alerts";

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _factory;

    /// <summary>Builds the factory for <paramref name="settings"/>, its timers on <paramref name="time"/>.</summary>
    public AlertHttp(AlertSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        services.AddSingleton(time);
        var attempt = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds);
        var delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds);
        services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = settings.Retries;
                o.Retry.Delay = delay;
                o.Retry.BackoffType = DelayBackoffType.Exponential;
                o.AttemptTimeout.Timeout = attempt;
                // Every attempt and the longest backoffs (doubling, jitter up to +50 %) fit in the total.
                o.TotalRequestTimeout.Timeout = attempt * (settings.Retries + 1) + delay * (3 << settings.Retries) + TimeSpan.FromSeconds(1);
                o.CircuitBreaker.SamplingDuration = attempt * 2;
            });
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
    }

    /// <summary>A client through the resilience handler (cheap: the factory pools the handlers).</summary>
    public HttpClient CreateClient() => _factory.CreateClient(ClientName);

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();
}
