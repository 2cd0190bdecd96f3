using System.Buffers.Text;
using System.Text.Json;

namespace GoldBot.TopstepX.Auth;

/// <summary>
/// Reads the <c>exp</c> claim (seconds since the Unix epoch, RFC 7519 §4.1.4) from a JWT's payload
/// (the second dot-separated part, base64url JSON; RFC 7515 §2). The signature is not checked: the
/// client only needs to know when to refresh (project-x-py <c>client/auth.py</c> does the same).
/// </summary>
public static class JwtExpiry
{
    /// <summary>The token's expiry (UTC), or null when the token is not a JWT or has no numeric <c>exp</c>.</summary>
    public static DateTimeOffset? Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length < 2 || parts[1].Length == 0)
            return null;
        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("exp", out var exp)
                && exp.ValueKind == JsonValueKind.Number
                && exp.TryGetInt64(out var seconds))
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
