namespace GoldBot.TopstepX.Contracts.Wire;

/// <summary>Body of Order/modify (§7.2). Omitted-field semantics are UNCONFIRMED: send every intended value.</summary>
internal sealed record ModifyOrderRequest(long AccountId, long OrderId, int? Size, decimal? LimitPrice, decimal? StopPrice, decimal? TrailPrice);

/// <summary>Body of Order/cancel (§7.3).</summary>
internal sealed record CancelOrderRequest(long AccountId, long OrderId);

/// <summary>Body of Order/search and Trade/search (§7.4, §8.2).</summary>
internal sealed record TimeWindowRequest(long AccountId, DateTimeOffset StartTimestamp, DateTimeOffset? EndTimestamp);

/// <summary>Body of the account-scoped endpoints (Order/searchOpen, Position/searchOpen).</summary>
internal sealed record AccountRequest(long AccountId);

/// <summary>Response of Order/place: an <c>orderId</c> may come back even when <c>success</c> is false (§7.1).</summary>
internal sealed class PlaceOrderResponse : GatewayResponse
{
    public long? OrderId { get; init; }
}

/// <summary>Response of Order/search and Order/searchOpen.</summary>
internal sealed class OrderSearchResponse : GatewayResponse
{
    public IReadOnlyList<GatewayOrder>? Orders { get; init; }
}
