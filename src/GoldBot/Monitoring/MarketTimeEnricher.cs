using Serilog.Core;
using Serilog.Events;

namespace GoldBot.Monitoring;

/// <summary>
/// Adds the market time (from the daemon's <see cref="TimeProvider"/>: bar time during a replay,
/// wall-clock time live) to every log event as <c>MarketTime</c>, which the log templates print
/// instead of the process clock, so every timestamp in the logs is market time.
/// </summary>
public sealed class MarketTimeEnricher(TimeProvider time) : ILogEventEnricher
{
    /// <summary>Name of the property added.</summary>
    public const string Property = "MarketTime";

    /// <inheritdoc/>
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(propertyFactory);
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty(Property, time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
