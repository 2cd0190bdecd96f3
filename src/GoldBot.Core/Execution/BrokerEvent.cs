namespace GoldBot.Execution;

/// <summary>Something the broker reports about an order, delivered through <see cref="IBrokerEventSink"/>.</summary>
/// <param name="Time">When it happened, UTC (market time).</param>
/// <param name="OrderId">Broker order id.</param>
/// <param name="Tag">Client tag of the order ("" when unknown).</param>
public abstract record BrokerEvent(DateTimeOffset Time, long OrderId, string Tag);

/// <summary>An order is working at the broker with these values (new, or changed: the latest report replaces the earlier one).</summary>
/// <param name="Order">The working order.</param>
public sealed record OrderAccepted(DateTimeOffset Time, WorkingOrder Order) : BrokerEvent(Time, Order.OrderId, Order.Tag);

/// <summary>An order filled, wholly or in part (a partly filled order reports each piece as its own fill).</summary>
/// <param name="Fill">The fill.</param>
public sealed record OrderFilled(BrokerFill Fill) : BrokerEvent(Fill.Time, Fill.OrderId, Fill.Tag);

/// <summary>An order was cancelled (on request, by the broker, or because it expired); a partly filled order keeps its fills.</summary>
/// <param name="Reason">Why.</param>
public sealed record OrderCancelled(DateTimeOffset Time, long OrderId, string Tag, string Reason) : BrokerEvent(Time, OrderId, Tag);

/// <summary>An order was rejected after it had been sent.</summary>
/// <param name="Reason">Why.</param>
public sealed record OrderRejected(DateTimeOffset Time, long OrderId, string Tag, string Reason) : BrokerEvent(Time, OrderId, Tag);

/// <summary>Receives broker events (the order executor's input). Never drops an event.</summary>
public interface IBrokerEventSink
{
    /// <summary>
    /// Delivers events learned together (one broker call's, one bar's, one hub message's), in order; the
    /// executor applies them all before it acts, so it never reacts to half of a change.
    /// </summary>
    ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken);
}
