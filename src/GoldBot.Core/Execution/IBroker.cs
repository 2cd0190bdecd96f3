namespace GoldBot.Execution;

/// <summary>
/// Where orders go: the simulated broker in paper and replay runs, the TopstepX gateway live.
/// Fills and cancellations come back through the <see cref="IBrokerEventSink"/> given to the
/// implementation, never as return values, because live they arrive asynchronously.
/// </summary>
public interface IBroker
{
    /// <summary>Places an order. A rejection is a returned <see cref="OrderAck"/>, not an exception.</summary>
    ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken);

    /// <summary>Changes a working order's quantity and/or prices (null = unchanged).</summary>
    ValueTask<OrderAck> ModifyAsync(long orderId, int? quantity, decimal? stopPrice, decimal? limitPrice, CancellationToken cancellationToken);

    /// <summary>Cancels a working order.</summary>
    ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken);

    /// <summary>Balance, position and working orders as the broker sees them.</summary>
    ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken);
}
