using System.Text.Json.Serialization;

namespace GoldBot.Monitoring;

/// <summary>The market-data feed's state (status.json <c>feed.state</c>, written in lower case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FeedState>))]
public enum FeedState
{
    /// <summary>Quotes or trades arrive within the stale threshold.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The market is open and neither a quote nor a trade has arrived for the stale threshold.</summary>
    [JsonStringEnumMemberName("stale")]
    Stale,

    /// <summary>The market hub is down (reconnecting).</summary>
    [JsonStringEnumMemberName("disconnected")]
    Disconnected,

    /// <summary>The market is not trading (halt, weekend, holiday): no data is expected.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}
