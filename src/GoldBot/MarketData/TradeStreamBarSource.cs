using System.Runtime.CompilerServices;
using System.Threading.Channels;
using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>
/// Closed bars built from live trade prints (the market hub's <c>GatewayTrade</c>) with a
/// <see cref="TradeBarBuilder"/>. The hub callback calls <see cref="OnTrade"/>, which never blocks.
/// A bar is published when the first print of a later bar arrives, or, with a close clock, once
/// that clock passes the bar's close plus the grace period, so a quiet market still gets its bar.
/// The first bar is dropped when it opened before <see cref="OnTrade"/> was first called
/// (it misses the prints from before the subscription); history covers the time before it.
/// </summary>
public sealed class TradeStreamBarSource : IMarketDataSource, IDisposable
{
    private readonly Channel<TradePrint?> _inbox = Channel.CreateUnbounded<TradePrint?>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider? _closeClock;
    private readonly TimeSpan _grace;
    private readonly ITimer? _heartbeat;
    private DateTimeOffset? _firstPrint;

    /// <summary>Creates the source.</summary>
    /// <param name="period">Bar length.</param>
    /// <param name="description">Origin, for logs (e.g. the contract id and hub).</param>
    /// <param name="closeClock">The wall clock that closes quiet bars (live, paper); null to close bars only on the next print (the simulator's market time is not wall time).</param>
    /// <param name="grace">Time after a bar's close to wait for late prints.</param>
    public TradeStreamBarSource(TimeSpan period, string description, TimeProvider? closeClock, TimeSpan grace)
    {
        Period = period;
        Description = description;
        _closeClock = closeClock;
        _grace = grace;
        _heartbeat = closeClock?.CreateTimer(_ => _inbox.Writer.TryWrite(null), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <inheritdoc/>
    public TimeSpan Period { get; }

    /// <inheritdoc/>
    public bool IsReplay => false;

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>One trade print: time UTC, price in points, contracts. Thread-safe, never blocks.</summary>
    public void OnTrade(DateTimeOffset time, decimal price, long volume) => _inbox.Writer.TryWrite(new TradePrint(time, price, volume));

    /// <summary>No more prints: the bar stream ends after the bar being built.</summary>
    public void Complete() => _inbox.Writer.TryComplete();

    /// <inheritdoc/>
    public async IAsyncEnumerable<Bar> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var builder = new TradeBarBuilder(Period);
        await foreach (var print in _inbox.Reader.ReadAllAsync(cancellationToken))
        {
            Bar bar;
            if (print is { } p)
            {
                _firstPrint ??= p.Time;
                if (!builder.Add(p.Time, p.Price, p.Volume, out bar))
                    continue;
            }
            else if (_closeClock is null || !builder.TryClose(_closeClock.GetUtcNow(), _grace, out bar))
            {
                continue;
            }
            // Only the first bar can open before the first print: it lacks the prints from before the subscription.
            if (bar.OpenTime < _firstPrint!.Value)
                continue;
            yield return bar;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _heartbeat?.Dispose();

    private readonly record struct TradePrint(DateTimeOffset Time, decimal Price, long Volume);
}
