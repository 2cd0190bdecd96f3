using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace GoldBot.Pipeline;

/// <summary>
/// A <see cref="Channel{T}"/> between two pipeline stages whose messages are counted by
/// <see cref="PipelineWork"/>: a write adds one, and reading the next message marks the
/// previous one handled, after the reader's loop body (and all it wrote) has finished.
/// </summary>
/// <typeparam name="T">Message type.</typeparam>
public sealed class PipelineChannel<T>
{
    private readonly Channel<T> _channel;
    private readonly PipelineWork _work;

    /// <summary>A bounded channel of <paramref name="capacity"/> messages whose writers wait when it is full.</summary>
    public static PipelineChannel<T> Bounded(int capacity, PipelineWork work) =>
        new(Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }), work);

    /// <summary>
    /// An unbounded channel, for feedback that must never be dropped and whose writer must never
    /// wait (broker events: a broker blocked on a full channel while the executor waits on the
    /// broker would deadlock). Its volume is bounded by the orders GoldBot itself places.
    /// </summary>
    public static PipelineChannel<T> Unbounded(PipelineWork work) =>
        new(Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true }), work);

    private PipelineChannel(Channel<T> channel, PipelineWork work)
    {
        _channel = channel;
        _work = work;
    }

    /// <summary>Writes a message, waiting for room when bounded.</summary>
    /// <exception cref="ChannelClosedException">The channel was completed.</exception>
    public async ValueTask WriteAsync(T message, CancellationToken cancellationToken)
    {
        _work.Add();
        try
        {
            await _channel.Writer.WriteAsync(message, cancellationToken);
        }
        catch
        {
            _work.Done();
            throw;
        }
    }

    /// <summary>Writes a message without waiting (an unbounded channel always has room); false once the channel is completed.</summary>
    public bool TryWrite(T message)
    {
        _work.Add();
        if (_channel.Writer.TryWrite(message))
            return true;
        _work.Done();
        return false;
    }

    /// <summary>Marks the channel complete: the reader ends after the remaining messages.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>Reads messages until the channel completes; each is marked handled when the loop moves on.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in _channel.Reader.ReadAllAsync(cancellationToken))
        {
            try
            {
                yield return message;
            }
            finally
            {
                _work.Done();
            }
        }
    }
}
