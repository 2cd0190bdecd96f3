using GoldBot.Analysis;

namespace GoldBot.Tests.Analysis;

/// <summary>Maximum peak-to-trough fall of an equity curve.</summary>
public sealed class DrawdownTrackerTests
{
    [Fact]
    public void Largest_fall_from_a_running_peak_to_a_later_trough()
    {
        var tracker = new DrawdownTracker();
        foreach (var equity in new[] { 50_000m, 50_200m, 49_900m, 50_400m, 50_000m, 50_500m, 50_450m })
            tracker.Add(equity);

        // Falls: 50,200 → 49,900 = 300; 50,400 → 50,000 = 400; 50,500 → 50,450 = 50.
        Assert.Equal((50_500m, 400m), (tracker.Peak, tracker.MaxDrawdown));
    }

    [Fact]
    public void A_rising_curve_has_no_drawdown_and_the_first_sample_is_the_peak()
    {
        var tracker = new DrawdownTracker();
        Assert.Equal((0m, 0m), (tracker.Peak, tracker.MaxDrawdown));

        tracker.Add(-10m);
        Assert.Equal((-10m, 0m), (tracker.Peak, tracker.MaxDrawdown));
        tracker.Add(5m);
        tracker.Add(5m);
        Assert.Equal((5m, 0m), (tracker.Peak, tracker.MaxDrawdown));
    }

    [Fact]
    public void Drawdown_that_has_not_recovered_still_counts()
    {
        var tracker = new DrawdownTracker();
        tracker.Add(100m);
        tracker.Add(60m);
        tracker.Add(80m);

        Assert.Equal((100m, 40m), (tracker.Peak, tracker.MaxDrawdown));
    }
}
