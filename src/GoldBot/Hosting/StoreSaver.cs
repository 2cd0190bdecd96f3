using GoldBot.Monitoring;
using GoldBot.State;

namespace GoldBot.Hosting;

/// <summary>
/// Saves one kind of state to the account's <see cref="StateStore"/> through the <see cref="StateWriter"/> (the caller
/// never waits for the commit) whenever its key changed; the first save always goes. A failed write (a full or failing
/// disk) is reported through <see cref="WriteFailures"/> (once in the log, in status.json and the exit summary) and retried
/// at the next save; the state in memory stays right. One caller.
/// </summary>
/// <param name="kind">What is saved, for the log and the writer, e.g. <c>risk state</c>.</param>
/// <param name="consequence">What a restart would do without the write, for the error.</param>
public sealed class StoreSaver(StateStore store, StateWriter writer, string kind, string consequence, WriteFailures writes)
{
    private object? _saved = new();
    private volatile bool _failing;

    /// <summary>
    /// Saves with <paramref name="write"/> now, whatever the last key, and returns once it is committed; a failure is recorded
    /// in <see cref="WriteFailures"/> like any other and faults the task (the caller refuses what needed it), and the next
    /// <see cref="Save"/> writes again.
    /// </summary>
    public async Task SaveAsync(object? key, Action<StateStore> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _saved = key;
        try
        {
            await writer.PostAsync(kind, () => writes.Run(store.Path, () => write(store), Consequence)).ConfigureAwait(false);
        }
        catch
        {
            _saved = new object();
            throw;
        }
    }

    /// <summary>Saves with <paramref name="write"/> unless <paramref name="key"/> equals the last key saved (and that save did not fail).</summary>
    public void Save(object? key, Action<StateStore> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Equals(key, _saved) && !_failing)
            return;
        _saved = key;
        writer.Post(kind, () => _failing = !writes.Attempt(store.Path, () => write(store), Consequence));
    }

    private string Consequence => $"the {kind} is not saved: {consequence}";
}
