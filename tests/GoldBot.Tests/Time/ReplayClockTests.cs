using GoldBot.Time;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.Time;

public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset Start = new(2025, 12, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Time_moves_only_forward()
    {
        var clock = new ReplayClock(Start);
        clock.AdvanceTo(Start.AddMinutes(3));
        clock.AdvanceTo(Start.AddMinutes(1));
        Assert.Equal(Start.AddMinutes(3), clock.GetUtcNow());
    }

    [Fact]
    public void A_periodic_timer_fires_when_market_time_passes_its_due_time_and_coalesces_missed_periods()
    {
        var clock = new ReplayClock(Start);
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        clock.AdvanceTo(Start.AddSeconds(29));
        Assert.Empty(fired);
        clock.AdvanceTo(Start.AddSeconds(30));
        clock.AdvanceTo(Start.AddMinutes(3));     // six periods pass in one step: one tick
        clock.AdvanceTo(Start.AddMinutes(3).AddSeconds(29));
        clock.AdvanceTo(Start.AddMinutes(3).AddSeconds(30));
        Assert.Equal([Start.AddSeconds(30), Start.AddMinutes(3), Start.AddMinutes(3).AddSeconds(30)], fired);
    }

    [Fact]
    public void A_disposed_or_one_shot_timer_fires_no_more()
    {
        var clock = new ReplayClock(Start);
        var count = 0;
        var oneShot = clock.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        var periodic = clock.CreateTimer(_ => count += 10, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        clock.AdvanceTo(Start.AddSeconds(1));
        periodic.Dispose();
        clock.AdvanceTo(Start.AddSeconds(5));
        Assert.Equal(11, count);
        oneShot.Dispose();
    }

    [Fact]
    public void A_timer_disposed_by_an_earlier_callback_of_the_same_advance_does_not_fire_and_cannot_be_rearmed()
    {
        // The daemon disposes a CancellationTokenSource (and its timer) in one timer's callback; a system timer then never fires.
        var clock = new ReplayClock(Start);
        var fired = new List<string>();
        ITimer? second = null;
        using var first = clock.CreateTimer(_ => { fired.Add("first"); second!.Dispose(); }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        second = clock.CreateTimer(_ => fired.Add("second"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);

        clock.AdvanceTo(Start.AddSeconds(5));

        Assert.Equal(["first"], fired);
        Assert.False(second.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public async Task PeriodicTimer_on_the_replay_clock_ticks_with_market_time()
    {
        var clock = new ReplayClock(Start);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30), clock);
        var tick = timer.WaitForNextTickAsync().AsTask();
        Assert.False(tick.IsCompleted);
        clock.AdvanceTo(Start.AddMinutes(3));
        Assert.True(await tick);
    }

    [Fact]
    public void An_unstarted_clock_reports_the_fallback_until_the_first_advance_sets_market_time_even_backwards()
    {
        var wall = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 7, 0, 0, TimeSpan.Zero));
        var clock = new ReplayClock(wall);
        Assert.Equal(wall.GetUtcNow(), clock.GetUtcNow());

        clock.AdvanceTo(Start);
        Assert.Equal(Start, clock.GetUtcNow());
        clock.AdvanceTo(Start.AddMinutes(-3));
        Assert.Equal(Start, clock.GetUtcNow());
    }
}
