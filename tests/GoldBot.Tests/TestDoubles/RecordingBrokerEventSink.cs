using GoldBot.Execution;

namespace GoldBot.Tests.TestDoubles;

/// <summary>Keeps every broker event in order, and the batches they came in; <see cref="Drain"/> hands over the ones not yet taken.</summary>
internal sealed class RecordingBrokerEventSink : IBrokerEventSink
{
    private readonly List<BrokerEvent> _events = [];
    private readonly List<IReadOnlyList<BrokerEvent>> _batches = [];
    private int _taken;
    private int _batchesTaken;

    /// <summary>Every event published so far.</summary>
    public IReadOnlyList<BrokerEvent> Events => _events;

    public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken)
    {
        _events.AddRange(events);
        _batches.Add(events);
        return ValueTask.CompletedTask;
    }

    /// <summary>Batches published since the last call to <see cref="Drain"/> or this.</summary>
    public IReadOnlyList<IReadOnlyList<BrokerEvent>> DrainBatches()
    {
        var fresh = _batches.GetRange(_batchesTaken, _batches.Count - _batchesTaken);
        _batchesTaken = _batches.Count;
        _taken = _events.Count;
        return fresh;
    }

    /// <summary>Events published since the last call.</summary>
    public IReadOnlyList<BrokerEvent> Drain()
    {
        var fresh = _events.GetRange(_taken, _events.Count - _taken);
        _taken = _events.Count;
        _batchesTaken = _batches.Count;
        return fresh;
    }
}
