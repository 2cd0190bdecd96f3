using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoldBot.TopstepX.Serialization;

/// <summary>
/// Reads ISO-8601 timestamps as UTC <see cref="DateTimeOffset"/>; a timestamp without an offset is
/// taken as UTC, never as machine-local time (project-x-py 3.5.8 met such naive timestamps; §9.4).
/// Writes ISO-8601 in UTC with <c>Z</c>.
/// </summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">The value is not a string or not an ISO-8601 timestamp.</exception>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"expected a timestamp string, got {reader.TokenType}");
        var text = reader.GetString();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            throw new JsonException($"not an ISO-8601 timestamp: '{text}'");
        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
