using GoldBot.Execution;

namespace GoldBot.Pipeline;

/// <summary>Delivers broker events into the order executor's channel (counted by the pipeline work).</summary>
public sealed class ExecutorInbox(PipelineChannels channels) : IBrokerEventSink
{
    /// <inheritdoc/>
    public ValueTask PublishAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken) =>
        channels.Executor.WriteAsync(new BrokerEventReceived(brokerEvent), cancellationToken);
}
