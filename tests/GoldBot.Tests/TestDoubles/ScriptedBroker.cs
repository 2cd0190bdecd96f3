using GoldBot.Execution;

namespace GoldBot.Tests.TestDoubles;

/// <summary>
/// A slow gateway: every call waits until the test answers it, and the executor's completions come back through
/// <see cref="IExecutionCallbacks"/>, as they do through the order executor service's inbox: <see cref="AnswerAsync"/> answers
/// a call and returns its completion once the executor has posted it.
/// </summary>
internal sealed class ScriptedBroker : IBroker, IExecutionCallbacks
{
    /// <summary>One call: what it was (<c>place</c>, <c>modify</c>, <c>cancel</c>, <c>close</c>, <c>read</c>, <c>position</c>, <c>find</c>), its request, its answer.</summary>
    public sealed record Call(string What, object Request, TaskCompletionSource<object?> Answer)
    {
        public bool Open => !Answer.Task.IsCompleted;
    }

    /// <summary>Every call, in order.</summary>
    public List<Call> Calls { get; } = [];

    private readonly System.Threading.Channels.Channel<BrokerCallCompletion> _completions = System.Threading.Channels.Channel.CreateUnbounded<BrokerCallCompletion>();

    public ValueTask<OrderAck> PlaceAsync(OrderRequest request, CancellationToken cancellationToken) => Wait<OrderAck>("place", request);

    public ValueTask<OrderAck> ModifyAsync(OrderChange change, CancellationToken cancellationToken) => Wait<OrderAck>("modify", change);

    public ValueTask<OrderAck> CancelAsync(long orderId, CancellationToken cancellationToken) => Wait<OrderAck>("cancel", orderId);

    public ValueTask<OrderAck> ClosePositionAsync(string tag, CancellationToken cancellationToken) => Wait<OrderAck>("close", tag);

    public ValueTask<AccountSnapshot> GetAccountAsync(CancellationToken cancellationToken) => Wait<AccountSnapshot>("read", "");

    public ValueTask<int> GetPositionAsync(CancellationToken cancellationToken) => Wait<int>("position", "");

    public ValueTask<OrderLookup?> FindOrderAsync(string tag, CancellationToken cancellationToken) => Wait<OrderLookup?>("find", tag);

    public void Post(BrokerCallCompletion completion) => _completions.Writer.TryWrite(completion);

    /// <summary>The next completion posted without an answer from the test (a timer's wake-up), within 60 s.</summary>
    public async Task<BrokerCallCompletion> PostedAsync() => await _completions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>The calls of one kind.</summary>
    public IEnumerable<Call> All(string what) => Calls.Where(c => c.What == what);

    /// <summary>The latest unanswered call of one kind.</summary>
    /// <exception cref="InvalidOperationException">There is none.</exception>
    public Call Open(string what) => Calls.Last(c => c.What == what && c.Open);

    /// <summary>
    /// Answers the latest open call of one kind with <paramref name="result"/> (or fails it with <paramref name="error"/>) and
    /// returns the completion the executor posts for it (every call the executor did not finish at once posts one).
    /// </summary>
    /// <exception cref="TimeoutException">No completion within 30 s: the executor did not hand the answer back (a defect).</exception>
    public async Task<BrokerCallCompletion> AnswerAsync(string what, object? result, Exception? error = null)
    {
        var call = Open(what);
        if (error is null)
            call.Answer.SetResult(result);
        else
            call.Answer.SetException(error);
        return await _completions.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
    }

    private ValueTask<T> Wait<T>(string what, object request)
    {
        var answer = new TaskCompletionSource<object?>();
        Calls.Add(new Call(what, request, answer));
        return new ValueTask<T>(answer.Task.ContinueWith(t => (T)t.GetAwaiter().GetResult()!, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
    }
}
