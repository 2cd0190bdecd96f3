namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Outcome of Order/place. A refusal is a result, not an exception: <see cref="Accepted"/> is false and
/// <see cref="OrderId"/> may still be set, because the gateway creates rejected orders too (§7.1).
/// </summary>
/// <param name="Accepted">True when the gateway answered <c>success:true</c>.</param>
/// <param name="OrderId">Gateway order id; set on acceptance and on some rejections.</param>
/// <param name="CustomTag">The tag the order was placed with.</param>
/// <param name="ErrorCode">Order/place error code (0 on acceptance).</param>
/// <param name="ErrorName">Order/place name of the code, e.g. <c>OrderRejected</c>, <c>OutsideTradingHours</c>.</param>
/// <param name="ErrorMessage">Gateway message, often null.</param>
/// <param name="OutcomeUnknown">True when the gateway may or may not have placed it (a timeout, a 5xx, a lost answer, or an acceptance without an id): find it by its tag.</param>
public sealed record PlaceOrderResult(
    bool Accepted,
    long? OrderId,
    string CustomTag,
    int ErrorCode,
    string ErrorName,
    string? ErrorMessage,
    bool OutcomeUnknown = false);
