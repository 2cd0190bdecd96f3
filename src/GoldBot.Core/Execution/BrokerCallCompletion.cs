namespace GoldBot.Execution;

/// <summary>
/// The answer to a broker call that did not complete at once (a request on the network): handed back
/// to <see cref="OrderExecutor.OnCompletedAsync"/> on the executor's own loop, so the executor never
/// waits for the network and never changes its state from another thread.
/// </summary>
public sealed class BrokerCallCompletion
{
    internal BrokerCallCompletion(string call, Action apply)
    {
        Call = call;
        Apply = apply;
    }

    /// <summary>Which call, for logs, e.g. <c>place gb1a2b3c4d-20251126-1645-1-stop</c>.</summary>
    public string Call { get; }

    internal Action Apply { get; }

    /// <inheritdoc/>
    public override string ToString() => Call;
}

/// <summary>Where the executor hands back the answers of broker calls that completed later (the order executor service's inbox).</summary>
public interface IExecutionCallbacks
{
    /// <summary>Delivers one completion to the executor's loop. Called from any thread; never blocks.</summary>
    void Post(BrokerCallCompletion completion);
}
