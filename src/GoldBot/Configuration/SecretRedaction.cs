using System.Text.Json.Nodes;

namespace GoldBot.Configuration;

/// <summary>
/// Removes secrets from a configuration rendered as JSON, so it can be shown or shared: the value of every key named like a
/// credential (ending in <c>Key</c>, <c>Token</c>, <c>Secret</c>, <c>Password</c>, <c>Credential</c> or <c>Credentials</c>,
/// or named <c>Authorization</c>) and of every webhook address (a key containing <c>Webhook</c>: the address itself is the
/// credential) becomes <see cref="Redacted"/>; an address (a key ending in <c>Url</c> or <c>Uri</c>) keeps its scheme, host and
/// path but loses its user information and query string, where tokens travel. An empty value stays empty, so "not set" shows.
/// </summary>
public static class SecretRedaction
{
    /// <summary>What a secret's value becomes.</summary>
    public const string Redacted = "(redacted)";

    private static readonly string[] SecretSuffixes = ["Key", "Token", "Secret", "Password", "Credential", "Credentials", "Authorization"];

    /// <summary>Redacts <paramref name="node"/> and everything under it, in place.</summary>
    public static void Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties.ToList())
                {
                    if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
                        properties[name] = Value(name, text);
                    else
                        Redact(value);
                }
                break;
            case JsonArray items:
                foreach (var item in items)
                    Redact(item);
                break;
        }
    }

    /// <summary>What <paramref name="text"/>, the value of the key <paramref name="name"/>, may show.</summary>
    public static string Value(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return text;
        if (name.Contains("Webhook", StringComparison.OrdinalIgnoreCase) || SecretSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            return Redacted;
        if (!name.EndsWith("Url", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("Uri", StringComparison.OrdinalIgnoreCase))
            return text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address))
            return Redacted;
        if (address.UserInfo.Length == 0 && address.Query.Length == 0)
            return text;
        var builder = new UriBuilder(address) { UserName = address.UserInfo.Length == 0 ? "" : Redacted, Password = "", Query = address.Query.Length == 0 ? "" : Redacted };
        return builder.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo | UriComponents.PathAndQuery, UriFormat.Unescaped);
    }
}
