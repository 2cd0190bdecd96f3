using GoldBot.Execution;

namespace GoldBot.Tests.TestDoubles;

/// <summary>A broker that hands every call to <paramref name="inner"/> and keeps the orders and changes it was asked to make.</summary>
internal sealed class RecordingBroker(IBroker inner) : IBroker
{
    /// <summary>Every <see cref="ModifyAsync"/> request, in order.</summary>
    public List<OrderChange> Changes { get; } = [];

    /// <summary>Every <see cref="PlaceAsync"/> request, in order.</summary>
    public List<OrderRequest> Placed { get; } = [];

    public ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken)
    {
        Placed.Add(request);
        return inner.PlaceAsync(request, cancellationToken);
    }

    public ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken)
    {
        Changes.Add(change);
        return inner.ModifyAsync(change, cancellationToken);
    }

    public ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken) => inner.CancelAsync(orderId, cancellationToken);

    public ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken) => inner.ClosePositionAsync(tag, cancellationToken);

    public ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken) => inner.GetAccountAsync(cancellationToken);

    public ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken) => inner.FindOrderAsync(tag, cancellationToken);
}
