using GoldBot.Execution;

namespace GoldBot.Pipeline;

/// <summary>
/// The order executor's inbox as the broker and the executor's own broker calls see it: broker events and
/// the answers of calls that completed later go into the executor's channel (counted by the pipeline work).
/// </summary>
public sealed class ExecutorInbox(PipelineChannels channels) : IBrokerEventSink, IExecutionCallbacks
{
    /// <inheritdoc/>
    public ValueTask PublishAsync(IReadOnlyList<BrokerEvent> events, CancellationToken cancellationToken) =>
        channels.Executor.WriteAsync(new BrokerEventsReceived(events), cancellationToken);

    /// <inheritdoc/>
    public void Post(BrokerCallCompletion completion) => channels.Executor.TryWrite(new BrokerCallFinished(completion));
}
