using System.Text.Json;
using System.Text.Json.Serialization;
using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Serialization;

/// <summary>
/// Reads a <see cref="GatewayBar"/> from the wire names <c>t, o, h, l, c, v</c> (§6) or the long names
/// <c>timestamp, open, high, low, close, volume</c> (the reshaped live capture); writes the wire names.
/// </summary>
public sealed class GatewayBarConverter : JsonConverter<GatewayBar>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The bar is not an object or lacks its time or a price.</exception>
    public override GatewayBar Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var bar = document.RootElement;
        if (bar.ValueKind != JsonValueKind.Object)
            throw new JsonException($"expected a bar object, got {bar.ValueKind}");
        var time = Field(bar, "t", "timestamp").Deserialize<DateTimeOffset>(options);
        return new GatewayBar(
            time,
            Price(Field(bar, "o", "open")),
            Price(Field(bar, "h", "high")),
            Price(Field(bar, "l", "low")),
            Price(Field(bar, "c", "close")),
            bar.TryGetProperty("v", out var v) || bar.TryGetProperty("volume", out v) ? v.Deserialize<long>(options) : 0);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, GatewayBar value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("t");
        JsonSerializer.Serialize(writer, value.Time, options);
        writer.WriteNumber("o", value.Open);
        writer.WriteNumber("h", value.High);
        writer.WriteNumber("l", value.Low);
        writer.WriteNumber("c", value.Close);
        writer.WriteNumber("v", value.Volume);
        writer.WriteEndObject();
    }

    private static JsonElement Field(JsonElement bar, string shortName, string longName) =>
        bar.TryGetProperty(shortName, out var value) || bar.TryGetProperty(longName, out value)
            ? value
            : throw new JsonException($"bar lacks '{shortName}'/'{longName}'");

    private static decimal Price(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? decimal.Parse(value.GetString()!, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : value.GetDecimal();
}
