namespace GoldBot.Execution;

/// <summary>Something the broker reports about an order, delivered in order through <see cref="IBrokerEventSink"/>.</summary>
/// <param name="Time">When it happened, UTC (market time).</param>
/// <param name="OrderId">Broker order id.</param>
/// <param name="Tag">Client tag of the order.</param>
public abstract record BrokerEvent(DateTimeOffset Time, long OrderId, string Tag);

/// <summary>An order, or an attached leg created by an entry fill, is working at the broker.</summary>
/// <param name="Order">The working order.</param>
public sealed record OrderAccepted(DateTimeOffset Time, WorkingOrder Order) : BrokerEvent(Time, Order.OrderId, Order.Tag);

/// <summary>An order filled (fully: GoldBot's orders fill all at once in the simulator; partial fills arrive as several events).</summary>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Contracts filled.</param>
/// <param name="Price">Fill price, points, including slippage.</param>
/// <param name="Commission">Commission and fees charged for this fill, USD.</param>
/// <param name="PositionAfter">Net position after the fill.</param>
/// <param name="BalanceAfter">Account balance after the fill (realised P&amp;L and commission applied), USD.</param>
public sealed record OrderFilled(DateTimeOffset Time, long OrderId, string Tag, OrderSide Side, int Quantity, decimal Price, decimal Commission, int PositionAfter, decimal BalanceAfter)
    : BrokerEvent(Time, OrderId, Tag);

/// <summary>An order was cancelled (on request, or because its OCO group's position went flat).</summary>
/// <param name="Reason">Why.</param>
public sealed record OrderCancelled(DateTimeOffset Time, long OrderId, string Tag, string Reason) : BrokerEvent(Time, OrderId, Tag);

/// <summary>An order was rejected after it had been accepted.</summary>
/// <param name="Reason">Why.</param>
public sealed record OrderRejected(DateTimeOffset Time, long OrderId, string Tag, string Reason) : BrokerEvent(Time, OrderId, Tag);

/// <summary>Receives broker events in the order they happen (the order executor's input). Never drops an event.</summary>
public interface IBrokerEventSink
{
    /// <summary>Delivers one event, waiting for room if the receiver is behind.</summary>
    ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken);
}
