using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GoldBot.Hosting;

/// <summary>
/// Runs the state store's writes on a task of their own, so that no pipeline stage waits for a synced commit (a few
/// hundred microseconds, milliseconds on a busy disk) between two broker events. Each kind of state keeps only its latest
/// write: one posted while an older one of the same kind waits replaces it and takes its place at the back of the queue; <see cref="DisposeAsync"/> runs what is still pending. A write is committed a moment after the change
/// it records: a kill -9 in that moment loses that last change, never one committed before (issue 10). Kinds commit in the
/// order of their latest posts.
/// </summary>
public sealed class StateWriter : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Task _loop;

    private readonly ILogger _logger;

    /// <summary>Starts the writing task.</summary>
    /// <param name="logger">Where a write that throws past its own error handling is reported (the writes after it still run).</param>
    public StateWriter(ILogger logger)
    {
        _logger = logger;
        _loop = Task.Run(WriteAsync);
    }

    /// <summary>Queues <paramref name="write"/> as the latest write of <paramref name="kind"/> (replacing one not yet run). Never blocks.</summary>
    /// <param name="kind">What is written, e.g. <c>risk</c> or <c>open trade</c>.</param>
    /// <param name="write">The write; it handles its own errors.</param>
    public void Post(string kind, Action write) => Enqueue(kind, write, null);

    /// <summary>
    /// Queues <paramref name="write"/> as <see cref="Post"/> does and returns when it has run (or a later write of the same kind
    /// that replaced it): the caller waits for the commit. A write that throws faults the task, and is not logged here.
    /// </summary>
    public Task PostAsync(string kind, Action write)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(kind, write, done);
        return done.Task;
    }

    private void Enqueue(string kind, Action write, TaskCompletionSource? done)
    {
        lock (_gate)
        {
            // The latest write of a kind goes to the back: writes commit in the order of their latest posts, so a close posted
            // after an open trade's save and before the risk state's is committed between them.
            _order.Remove(kind);
            _order.Add(kind);
            // A replaced write's waiters wait for the write that replaced it: the newer state is the one committed.
            var waiters = _pending.Remove(kind, out var replaced) ? replaced.Waiters : [];
            if (done is not null)
                waiters.Add(done);
            _pending[kind] = new Pending(write, waiters);
        }
        if (!_signal.Writer.TryWrite(true))
            done?.TrySetException(new ObjectDisposedException(nameof(StateWriter), "the state writer has stopped"));
    }

    private async Task WriteAsync()
    {
        await foreach (var _ in _signal.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            while (Next() is { } write)
                Run(write);
        }
        while (Next() is { } rest)
            Run(rest);
    }

    private void Run(Pending pending)
    {
        try
        {
            pending.Write();
            pending.Waiters.ForEach(w => w.TrySetResult());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (pending.Waiters.Count == 0)
                _logger.LogError(e, "A state store write failed: {Message}", e.Message);
            pending.Waiters.ForEach(w => w.TrySetException(e));
        }
    }

    private Pending? Next()
    {
        lock (_gate)
        {
            if (_order.Count == 0)
                return null;
            var kind = _order[0];
            _order.RemoveAt(0);
            return _pending.Remove(kind, out var pending) ? pending : null;
        }
    }

    /// <summary>A queued write and who waits for it.</summary>
    private sealed record Pending(Action Write, List<TaskCompletionSource> Waiters);

    /// <summary>Runs the pending writes and stops the task.</summary>
    public async ValueTask DisposeAsync()
    {
        _signal.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
