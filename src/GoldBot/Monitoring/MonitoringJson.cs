using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldBot.Monitoring;

/// <summary>JSON settings of every monitoring file: snake_case names (the monitoring plan's), ISO-8601 times, nulls kept.</summary>
public static class MonitoringJson
{
    /// <summary>Indented, for status.json and trades_today.json.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(true);

    /// <summary>One line per document, for all_trades.jsonl.</summary>
    public static JsonSerializerOptions Line { get; } = Create(false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}
