using GoldBot.Market;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// History for <see cref="GoldBot.MarketData.TradeStreamBarSource"/> tests: answers with its bars in
/// [from, to), except for the scripted answers and failures (as an unavailable gateway) queued first.
/// Records every request.
/// </summary>
internal sealed class FakeBarHistory(params Bar[] bars)
{
    private readonly Queue<IReadOnlyList<Bar>?> _scripted = new();

    public List<(DateTimeOffset From, DateTimeOffset To)> Calls { get; } = [];

    /// <summary>Queues an answer for the next request not yet scripted, returned as it is.</summary>
    public FakeBarHistory ThenAnswer(params Bar[] answer)
    {
        _scripted.Enqueue(answer);
        return this;
    }

    /// <summary>Queues <paramref name="times"/> failures (the fetch throws <see cref="HttpRequestException"/>).</summary>
    public FakeBarHistory ThenFail(int times)
    {
        for (var i = 0; i < times; i++)
            _scripted.Enqueue(null);
        return this;
    }

    public Task<IReadOnlyList<Bar>> FetchAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        Calls.Add((from, to));
        if (_scripted.TryDequeue(out var scripted))
            return scripted is null ? throw new HttpRequestException("History is unavailable") : Task.FromResult(scripted);
        return Task.FromResult<IReadOnlyList<Bar>>([.. bars.Where(b => b.OpenTime >= from && b.OpenTime < to)]);
    }
}
