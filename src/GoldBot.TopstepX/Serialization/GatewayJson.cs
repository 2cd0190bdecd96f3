using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldBot.TopstepX.Serialization;

/// <summary>
/// The one JSON configuration of the gateway (§15): camelCase, case-insensitive reads, enums as numbers
/// (undefined numbers are kept, never rejected), numbers also accepted as numeric strings (order ids
/// arrive as strings on the user hub, fixtures README item 2), timestamps without an offset read as UTC,
/// null request fields left out.
/// </summary>
public static class GatewayJson
{
    /// <summary>Shared, immutable serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new GatewayBarConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
