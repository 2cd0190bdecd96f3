using GoldBot.Execution;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// The executor's inbox in a backtest: batches of broker events wait here in order, as in the daemon's
/// executor channel, until the engine hands them to the <see cref="OrderExecutor"/>. Events the
/// executor causes while handling one (cancels, OCO) queue behind it, as they do in the channel.
/// </summary>
internal sealed class BrokerEventQueue : IBrokerEventSink
{
    private readonly Queue<IReadOnlyList<BrokerEvent>> _batches = new();

    /// <summary>Batches waiting.</summary>
    public int Count => _batches.Count;

    /// <inheritdoc/>
    public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
    {
        _batches.Enqueue(events);
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the oldest batch.</summary>
    public IReadOnlyList<BrokerEvent> Dequeue() => _batches.Dequeue();
}
