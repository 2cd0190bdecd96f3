using System.Globalization;
using System.Text.Json.Nodes;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>
/// Builds hub event payloads in the documented shapes (research/topstepx-api.md §9.2) or the shapes observed
/// on the live gateway (fixtures/projectx-live/README.md items 1–6).
/// </summary>
public static class HubPayloads
{
    /// <summary><c>GatewayUserAccount</c> payload.</summary>
    public static JsonNode Account(SimAccount a, EventAction action, PayloadShape shape) => Wrap(new JsonObject
    {
        ["id"] = a.Id,
        ["name"] = a.Name,
        ["balance"] = a.Balance,
        ["canTrade"] = a.CanTrade,
        ["isVisible"] = a.IsVisible,
        ["simulated"] = a.Simulated,
    }, action, shape);

    /// <summary><c>GatewayUserOrder</c> payload; Observed sends the id as a string, leaves null fields out and adds the bracket links when set.</summary>
    public static JsonNode Order(SimOrder o, EventAction action, PayloadShape shape)
    {
        var observed = shape == PayloadShape.Observed;
        var data = new JsonObject
        {
            ["id"] = observed ? JsonValue.Create(o.Id.ToString(CultureInfo.InvariantCulture)) : JsonValue.Create(o.Id),
            ["accountId"] = o.AccountId,
            ["contractId"] = o.ContractId,
            ["symbolId"] = o.SymbolId,
            ["creationTimestamp"] = o.CreationTimestamp,
            ["updateTimestamp"] = o.UpdateTimestamp,
            ["status"] = (int)o.Status,
            ["type"] = (int)o.Type,
            ["side"] = (int)o.Side,
            ["size"] = o.Size,
            ["limitPrice"] = o.LimitPrice,
            ["stopPrice"] = o.StopPrice,
            ["fillVolume"] = o.FillVolume,
            ["filledPrice"] = o.FilledPrice,
            ["customTag"] = o.CustomTag,
        };
        if (observed)
        {
            // The live capture leaves null fields out (fixtures/projectx-live stream_event_samples.json, order sample).
            foreach (var key in data.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
                data.Remove(key);
            if (o.TrailPrice is { } trail) data["trailPrice"] = trail;
            if (o.ParentOrderId is { } parent) data["parentOrderId"] = parent;
            if (o.LinkedOrderId is { } linked) data["linkedOrderId"] = linked;
        }
        return Wrap(data, action, shape);
    }

    /// <summary><c>GatewayUserPosition</c> payload; a closed position has type 0 and size 0.</summary>
    public static JsonNode Position(SimPosition p, EventAction action, PayloadShape shape)
    {
        var data = new JsonObject
        {
            ["id"] = p.Id,
            ["accountId"] = p.AccountId,
            ["contractId"] = p.ContractId,
            ["creationTimestamp"] = p.CreationTimestamp,
            ["type"] = (int)p.Type,
            ["size"] = p.Size,
            ["averagePrice"] = p.AveragePrice,
        };
        if (shape == PayloadShape.Observed)
            data.Insert(3, "contractDisplayName", p.ContractDisplayName);
        return Wrap(data, action, shape);
    }

    /// <summary><c>GatewayUserTrade</c> payload; Observed adds <c>commissions</c>.</summary>
    public static JsonNode Trade(SimTrade t, PayloadShape shape)
    {
        var data = new JsonObject
        {
            ["id"] = t.Id,
            ["accountId"] = t.AccountId,
            ["contractId"] = t.ContractId,
            ["creationTimestamp"] = t.CreationTimestamp,
            ["price"] = t.Price,
            ["profitAndLoss"] = t.ProfitAndLoss,
            ["fees"] = t.Fees,
        };
        if (shape == PayloadShape.Observed)
            data["commissions"] = t.Commissions;
        data["side"] = (int)t.Side;
        data["size"] = t.Size;
        data["voided"] = t.Voided;
        data["orderId"] = t.OrderId;
        return Wrap(data, EventAction.Created, shape);
    }

    /// <summary>
    /// <c>GatewayQuote</c> payload. Documented: every field. Observed: a full quote plus <c>contract</c> when
    /// <paramref name="full"/>, otherwise only symbol, bestBid, bestAsk, lastUpdated, timestamp and contract.
    /// </summary>
    public static JsonNode Quote(Quote q, bool full, PayloadShape shape)
    {
        var observed = shape == PayloadShape.Observed;
        var data = new JsonObject { ["symbol"] = q.SymbolId };
        if (!observed || full)
        {
            data["symbolName"] = "/" + q.SymbolId.Split('.')[^1];
            data["lastPrice"] = q.LastPrice;
        }
        data["bestBid"] = q.BestBid;
        data["bestAsk"] = q.BestAsk;
        if (!observed || full)
        {
            data["change"] = q.Change;
            data["changePercent"] = q.ChangePercent;
            data["open"] = q.Open;
            data["high"] = q.High;
            data["low"] = q.Low;
            data["volume"] = q.Volume;
        }
        data["lastUpdated"] = q.Timestamp;
        data["timestamp"] = q.Timestamp;
        if (observed)
            data["contract"] = q.ContractId;
        return data;
    }

    /// <summary><c>GatewayTrade</c> payload: one object (Documented) or an array of one with <c>contractId</c> (Observed).</summary>
    public static JsonNode MarketTrade(MarketTick t, string symbolId, PayloadShape shape)
    {
        var item = new JsonObject
        {
            ["symbolId"] = symbolId,
            ["price"] = t.Price,
            ["timestamp"] = t.Time,
            ["type"] = t.Aggressor,
            ["volume"] = t.Volume,
        };
        if (shape == PayloadShape.Documented)
            return item;
        item["contractId"] = t.ContractId;
        return new JsonArray(item);
    }

    /// <summary>
    /// <c>GatewayDepth</c> payload for one level (single object in both shapes; Observed adds <c>contractId</c>).
    /// <paramref name="domType"/>: 3 BestAsk, 4 BestBid (research/topstepx-api.md §9.2). Sizes are synthetic: one contract.
    /// </summary>
    public static JsonNode Depth(string contractId, DateTimeOffset time, int domType, decimal price, PayloadShape shape)
    {
        var data = new JsonObject();
        if (shape == PayloadShape.Observed)
            data["contractId"] = contractId;
        data["timestamp"] = time;
        data["type"] = domType;
        data["price"] = price;
        data["volume"] = 1;
        data["currentVolume"] = 1;
        return data;
    }

    private static JsonNode Wrap(JsonObject data, EventAction action, PayloadShape shape) =>
        shape == PayloadShape.Observed ? new JsonObject { ["action"] = (int)action, ["data"] = data } : data;
}
