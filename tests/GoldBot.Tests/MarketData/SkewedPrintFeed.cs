using GoldBot.MarketData;
using GoldBot.Time;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// Plays prints into a <see cref="TradeStreamBarSource"/> as a PC whose clock is
/// <paramref name="localAhead"/> ahead of the exchange (negative: behind) would receive them, each
/// <paramref name="latency"/> after its exchange time. The manual clock moves in 250 ms steps, so
/// the source's one-second heartbeat ticks on the way, at the times the steps reach.
/// </summary>
internal sealed class SkewedPrintFeed(ReplayClock clock, TradeStreamBarSource source, TimeSpan localAhead, TimeSpan latency)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    /// <summary>A clock to build the source with: the local time a minute before <paramref name="exchangeStart"/>.</summary>
    public static ReplayClock LocalClock(DateTimeOffset exchangeStart, TimeSpan localAhead) => new(exchangeStart - TimeSpan.FromMinutes(1) + localAhead);

    /// <summary>One print with exchange time <paramref name="exchangeTime"/>, received <c>latency</c> later.</summary>
    public void Print(DateTimeOffset exchangeTime, decimal price, long volume = 1)
    {
        MoveTo(exchangeTime + localAhead + latency);
        source.OnTrade(exchangeTime, price, volume);
    }

    /// <summary>Lets time pass (no prints) until the exchange clock shows <paramref name="exchangeTime"/>.</summary>
    public void WaitUntil(DateTimeOffset exchangeTime) => MoveTo(exchangeTime + localAhead);

    private void MoveTo(DateTimeOffset local)
    {
        while (clock.GetUtcNow() + Step < local)
            clock.AdvanceTo(clock.GetUtcNow() + Step);
        clock.AdvanceTo(local);
    }
}
