using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Issues and checks session tokens: JWTs signed HS256 (RFC 7519 / RFC 7515) with <c>sub</c>, <c>iat</c>,
/// <c>exp</c> (Unix seconds) and a private <c>gen</c> claim. A token is valid until <c>exp</c> on the simulator's
/// clock (the driven clock in driven mode, otherwise the wall clock), unless <see cref="ExpireAll"/> ran after it was issued (the expire-tokens fault). Several tokens
/// may be valid at once: logging in again does not invalidate tokens in use (research/topstepx-api.md §2.2).
/// </summary>
public sealed class TokenService
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private long _generation;
    private long _minimumGeneration;

    /// <summary>Creates the service.</summary>
    /// <param name="clock">Clock for <c>iat</c> and <c>exp</c> (<see cref="GatewaySimulatorOptions.ServiceClock"/>).</param>
    /// <param name="lifetime">Token lifetime (24 h on the gateway).</param>
    public TokenService(TimeProvider clock, TimeSpan lifetime)
    {
        _clock = clock;
        _lifetime = lifetime;
    }

    /// <summary>Issues a token for <paramref name="userName"/>.</summary>
    public string Issue(string userName)
    {
        var now = _clock.GetUtcNow();
        var header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userName,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + _lifetime).ToUnixTimeSeconds(),
            ["gen"] = Interlocked.Increment(ref _generation),
            ["jti"] = Guid.NewGuid().ToString("N"),
        }));
        return $"{header}.{payload}.{Sign(header + "." + payload)}";
    }

    /// <summary>The user name of a valid token, or null when the token is malformed, forged, expired or revoked.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        var parts = token.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2])))
            return null;
        try
        {
            using var doc = JsonDocument.Parse(FromBase64Url(parts[1]));
            var root = doc.RootElement;
            var exp = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64());
            var generation = root.GetProperty("gen").GetInt64();
            if (_clock.GetUtcNow() >= exp || generation < Interlocked.Read(ref _minimumGeneration))
                return null;
            return root.GetProperty("sub").GetString();
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Expires every token issued so far.</summary>
    public void ExpireAll() => Interlocked.Exchange(ref _minimumGeneration, Interlocked.Read(ref _generation) + 1);

    private string Sign(string data) => Base64Url(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(data)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}
