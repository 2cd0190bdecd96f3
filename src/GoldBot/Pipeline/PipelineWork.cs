namespace GoldBot.Pipeline;

/// <summary>
/// Counts messages written to pipeline channels and not yet fully handled. A replay feed waits
/// for the count to reach zero before publishing the next bar (lockstep), so every stage sees
/// the consequences of bar k (fills, position changes, risk decisions) before bar k+1 arrives
/// and a replay is deterministic. Live, the feed does not wait. Thread-safe.
/// </summary>
public sealed class PipelineWork
{
    private readonly object _gate = new();
    private int _pending;
    private TaskCompletionSource? _idle;

    /// <summary>Messages written and not yet handled.</summary>
    public int Pending { get { lock (_gate) return _pending; } }

    /// <summary>Records one message written.</summary>
    public void Add()
    {
        lock (_gate)
            _pending++;
    }

    /// <summary>Records one message handled (including everything its handler wrote).</summary>
    /// <exception cref="InvalidOperationException">More messages handled than written.</exception>
    public void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (_pending == 0)
                throw new InvalidOperationException("pipeline work completed twice");
            if (--_pending == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }
        idle?.TrySetResult();
    }

    /// <summary>Completes when no message is pending.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending == 0)
                return Task.CompletedTask;
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }
}
