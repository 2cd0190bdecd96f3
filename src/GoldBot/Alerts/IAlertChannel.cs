namespace GoldBot.Alerts;

/// <summary>Where alerts go: Telegram, a Discord, Slack or generic JSON webhook.</summary>
public interface IAlertChannel
{
    /// <summary>Name for the log, e.g. <c>Slack</c> (never the URL: it is a credential).</summary>
    string Name { get; }

    /// <summary>Sends one alert, with the resilience handler's retries and timeouts.</summary>
    /// <exception cref="HttpRequestException">The endpoint refused it or could not be reached (after the retries).</exception>
    /// <exception cref="TimeoutException">No answer within the timeouts (Polly's timeout rejection derives from it).</exception>
    Task SendAsync(Alert alert, CancellationToken cancellationToken);
}
