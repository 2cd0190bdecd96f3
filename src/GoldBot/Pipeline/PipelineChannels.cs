namespace GoldBot.Pipeline;

/// <summary>
/// The channels joining the stages: feed → detector → risk → executor, with broker events,
/// executor reports and control commands flowing back. Forward channels are bounded (a slow
/// stage slows the feed instead of growing memory); the executor's inbox is unbounded because
/// broker events must never be dropped or block the broker (see <see cref="PipelineChannel{T}.Unbounded"/>).
/// </summary>
public sealed class PipelineChannels
{
    /// <summary>Creates the channels, all counted by <paramref name="work"/>.</summary>
    public PipelineChannels(PipelineWork work)
    {
        Work = work;
        Detector = PipelineChannel<DetectorInput>.Bounded(1024, work);
        Risk = PipelineChannel<RiskInput>.Bounded(1024, work);
        Executor = PipelineChannel<ExecutorInput>.Unbounded(work);
    }

    /// <summary>In-flight message counter shared by all channels.</summary>
    public PipelineWork Work { get; }

    /// <summary>Feed → SMC detector.</summary>
    public PipelineChannel<DetectorInput> Detector { get; }

    /// <summary>Detector, executor and control watcher → risk manager.</summary>
    public PipelineChannel<RiskInput> Risk { get; }

    /// <summary>Risk manager and broker → order executor.</summary>
    public PipelineChannel<ExecutorInput> Executor { get; }
}
