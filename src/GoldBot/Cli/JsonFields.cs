using System.Text.Json;

namespace GoldBot.Cli;

/// <summary>Lenient reads of a monitoring file's fields (status.json written by another version may lack some): a missing or null field reads as false, 0 or null.</summary>
internal static class JsonFields
{
    /// <summary>True only for a JSON <c>true</c>.</summary>
    public static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>The number, or 0.</summary>
    public static decimal Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0;

    /// <summary>The value as text (a number as written), or null.</summary>
    public static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;

    /// <summary><paramref name="outer"/>.<paramref name="name"/> as text, or null.</summary>
    public static string? Text(JsonElement e, string outer, string name) =>
        e.TryGetProperty(outer, out var o) && o.ValueKind == JsonValueKind.Object ? Text(o, name) : null;

    /// <summary>An ISO-8601 time, or null.</summary>
    public static DateTimeOffset? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var t) ? t : null;
}
