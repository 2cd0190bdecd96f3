using GoldBot.Execution;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// The executor's inbox in a backtest: broker events wait here in order, as in the daemon's
/// executor channel, until the engine hands them to the <see cref="OrderExecutor"/>. Events the
/// executor causes while handling one (cancels, OCO) queue behind it, as they do in the channel.
/// </summary>
internal sealed class BrokerEventQueue : IBrokerEventSink
{
    private readonly Queue<BrokerEvent> _events = new();

    /// <summary>Events waiting.</summary>
    public int Count => _events.Count;

    /// <inheritdoc/>
    public ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(brokerEvent);
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the oldest event.</summary>
    public BrokerEvent Dequeue() => _events.Dequeue();
}
