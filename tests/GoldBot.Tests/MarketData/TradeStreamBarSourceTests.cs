using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Hosting;
using GoldBot.Time;

namespace GoldBot.Tests.MarketData;

public sealed class TradeStreamBarSourceTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Prints_become_bars_and_the_partial_first_bar_is_dropped()
    {
        using var source = new TradeStreamBarSource(Period, "test", closeClock: null, TimeSpan.Zero);
        source.OnTrade(T0.AddSeconds(30), 2000.0m, 1);   // subscribed mid-bar: bar 15:00 is partial
        source.OnTrade(T0.AddMinutes(3), 2001.0m, 2);    // bar 15:03 opens on its first print
        source.OnTrade(T0.AddMinutes(4), 2003.0m, 1);
        source.OnTrade(T0.AddMinutes(5), 2000.5m, 1);
        source.OnTrade(T0.AddMinutes(6), 2002.0m, 1);
        source.Complete();

        var bars = new List<Bar>();
        await foreach (var bar in source.ReadAsync(CancellationToken.None))
            bars.Add(bar);

        Assert.Equal([new Bar(T0.AddMinutes(3), 2001.0m, 2003.0m, 2000.5m, 2000.5m, 4)], bars);
    }

    [Fact]
    public async Task With_a_close_clock_a_quiet_bar_is_published_after_the_grace_period()
    {
        var clock = new ReplayClock(T0); // a manual clock whose timers fire when it is advanced
        using var source = new TradeStreamBarSource(Period, "test", clock, TimeSpan.FromSeconds(2));
        source.OnTrade(T0, 2000.0m, 1);
        source.OnTrade(T0.AddMinutes(1), 2000.3m, 1);
        await using var bars = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();
        var next = bars.MoveNextAsync().AsTask();

        clock.AdvanceTo(T0.AddMinutes(3).AddSeconds(1));
        Assert.False(next.IsCompleted);
        clock.AdvanceTo(T0.AddMinutes(3).AddSeconds(2)); // the heartbeat sees the close plus grace has passed
        Assert.True(await next);
        Assert.Equal(new Bar(T0, 2000.0m, 2000.3m, 2000.0m, 2000.3m, 2), bars.Current);
    }
}
