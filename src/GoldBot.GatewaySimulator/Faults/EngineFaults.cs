using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Faults;

/// <summary>The order-level fields of a <see cref="FaultRequest"/>, which live in the matching engine. Call under the gateway's gate.</summary>
public static class EngineFaults
{
    /// <summary>Applies the order-level fields of <paramref name="request"/> to <paramref name="engine"/> (Clear first switches them off).</summary>
    public static void Apply(TradingEngine engine, FaultRequest request)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Clear == true)
        {
            engine.RejectNextOrder = null;
            engine.PartialFillOrders = 0;
            engine.RefuseNextCancelsAsFilled = 0;
            engine.RefuseNextModifies = 0;
            engine.RefuseNextStops = 0;
            engine.RefuseNextCloses = 0;
            engine.PartialFillThenCancelOrders = 0;
        }
        if (request.RejectNextOrder is { } reject)
            engine.RejectNextOrder = ((PlaceOrderError)reject.ErrorCode, reject.ErrorMessage ?? $"Order rejected ({(PlaceOrderError)reject.ErrorCode})");
        if (request.PartialFills is { } partial)
            (engine.PartialFillPieces, engine.PartialFillOrders, engine.PartialFillTicksApart) = (Math.Max(1, partial.Pieces), Math.Max(0, partial.Orders), Math.Max(0, partial.TicksApart));
        if (request.RefuseNextCancelsAsFilled is { } cancels)
            engine.RefuseNextCancelsAsFilled = Math.Max(0, cancels);
        if (request.RefuseNextModifies is { } modifies)
            engine.RefuseNextModifies = Math.Max(0, modifies);
        if (request.RefuseNextStops is { } stops)
            engine.RefuseNextStops = Math.Max(0, stops);
        if (request.RefuseNextCloses is { } closes)
            engine.RefuseNextCloses = Math.Max(0, closes);
        if (request.PartialFillThenCancel is { } remainder)
            (engine.PartialFillThenCancelOrders, engine.PartialFillThenCancelContracts) = (Math.Max(0, remainder.Orders), Math.Max(1, remainder.Contracts));
    }

    /// <summary>The order-level faults pending in <paramref name="engine"/>, added to <paramref name="into"/> (camelCase keys, as <see cref="FaultRequest"/>).</summary>
    public static void Describe(TradingEngine engine, IDictionary<string, object?> into)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(into);
        into["rejectNextOrder"] = engine.RejectNextOrder is { } r ? new RejectOrder((int)r.Code, r.Message) : null;
        into["partialFills"] = engine.PartialFillOrders > 0 ? new PartialFills(engine.PartialFillPieces, engine.PartialFillOrders, engine.PartialFillTicksApart) : null;
        into["refuseNextCancelsAsFilled"] = engine.RefuseNextCancelsAsFilled;
        into["refuseNextModifies"] = engine.RefuseNextModifies;
        into["refuseNextStops"] = engine.RefuseNextStops;
        into["refuseNextCloses"] = engine.RefuseNextCloses;
        into["partialFillThenCancel"] = engine.PartialFillThenCancelOrders > 0 ? new PartialFillThenCancel(engine.PartialFillThenCancelOrders, engine.PartialFillThenCancelContracts) : null;
    }
}
