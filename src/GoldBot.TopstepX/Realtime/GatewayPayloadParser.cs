using System.Globalization;
using System.Text.Json;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Serialization;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// Parses hub payloads in every shape seen live (fixtures README items 1–5): market payloads as one object
/// or an array of them; user entities wrapped as <c>{action, data}</c> or bare; ids as numbers or numeric strings.
/// </summary>
public static class GatewayPayloadParser
{
    /// <summary>Quotes of one <c>GatewayQuote</c> payload (object or array); fields may be missing.</summary>
    /// <exception cref="JsonException">Not an object or array of quote objects.</exception>
    public static IReadOnlyList<GatewayQuote> ParseQuotes(JsonElement payload) => OneOrMany<GatewayQuote>(payload);

    /// <summary>Trades of one <c>GatewayTrade</c> payload (object or array).</summary>
    /// <exception cref="JsonException">Not an object or array of trade objects.</exception>
    public static IReadOnlyList<MarketTrade> ParseMarketTrades(JsonElement payload) => OneOrMany<MarketTrade>(payload);

    /// <summary>Depth updates of one <c>GatewayDepth</c> payload (object or array).</summary>
    /// <exception cref="JsonException">Not an object or array of depth objects.</exception>
    public static IReadOnlyList<DepthEntry> ParseDepth(JsonElement payload) => OneOrMany<DepthEntry>(payload);

    /// <summary>
    /// A user-hub entity: unwraps <c>{action, data}</c> when both keys are present, else reads the bare entity.
    /// </summary>
    /// <exception cref="JsonException">Not an object, wrapped data that is not an object, or an entity without an <c>id</c>.</exception>
    public static UserHubMessage<T> ParseUserEvent<T>(JsonElement payload)
        where T : class
    {
        if (payload.ValueKind != JsonValueKind.Object)
            throw new JsonException($"expected an object, got {payload.ValueKind}");
        if (TryGetProperty(payload, "data", out var data) && TryGetProperty(payload, "action", out var action))
        {
            if (data.ValueKind != JsonValueKind.Object)
                throw new JsonException($"wrapped {typeof(T).Name} data is {data.ValueKind}, not an object");
            return new UserHubMessage<T>(ReadAction(action), UserEntity<T>(data));
        }
        return new UserHubMessage<T>(null, UserEntity<T>(payload));
    }

    // Every user-hub entity (account, order, position, trade) has an id; without one the message is not that entity.
    private static T UserEntity<T>(JsonElement element)
        where T : class =>
        TryGetProperty(element, "id", out _) ? Entity<T>(element) : throw new JsonException($"{typeof(T).Name} without an id");

    private static T Entity<T>(JsonElement element)
        where T : class =>
        element.Deserialize<T>(GatewayJson.Options) ?? throw new JsonException($"null {typeof(T).Name}");

    private static List<T> OneOrMany<T>(JsonElement payload)
        where T : class
    {
        switch (payload.ValueKind)
        {
            case JsonValueKind.Object:
                return [Entity<T>(payload)];
            case JsonValueKind.Array:
                var items = new List<T>(payload.GetArrayLength());
                foreach (var item in payload.EnumerateArray())
                    items.Add(Entity<T>(item));
                return items;
            default:
                throw new JsonException($"expected an object or an array, got {payload.ValueKind}");
        }
    }

    private static int? ReadAction(JsonElement action) => action.ValueKind switch
    {
        JsonValueKind.Number when action.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(action.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }
}
