using GoldBot.Execution;

namespace GoldBot.Tests.TestDoubles;

/// <summary>Keeps every broker event in order; <see cref="Drain"/> hands over the ones not yet taken.</summary>
internal sealed class RecordingBrokerEventSink : IBrokerEventSink
{
    private readonly List<BrokerEvent> _events = [];
    private int _taken;

    /// <summary>Every event published so far.</summary>
    public IReadOnlyList<BrokerEvent> Events => _events;

    public ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
    {
        _events.Add(brokerEvent);
        return ValueTask.CompletedTask;
    }

    /// <summary>Events published since the last call.</summary>
    public IReadOnlyList<BrokerEvent> Drain()
    {
        var fresh = _events.GetRange(_taken, _events.Count - _taken);
        _taken = _events.Count;
        return fresh;
    }
}
