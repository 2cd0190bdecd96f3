using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

/// <summary>
/// The causal engine never uses a future bar: on the real MGC bars, stopping after bar t gives
/// exactly the events the full run knew by bar t (prefix invariance, at many t), and no event is
/// known before the bar that confirms it.
/// </summary>
public sealed class SmcCausalityTests
{
    public static TheoryData<string> Series => new() { "mgc-3m", "mgc-15m" };

    private static (TickBar[] Bars, TimeSpan Period) Load(string series) => series switch
    {
        "mgc-3m" => (SmcTestData.Ticks(SmcTestData.Mgc3Minute, 0.1m), TimeSpan.FromMinutes(3)),
        _ => (SmcTestData.Ticks(SmcTestData.Mgc15Minute, 0.1m), TimeSpan.FromMinutes(15)),
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void Stopping_at_bar_t_gives_exactly_the_events_known_at_t_in_the_full_run(string series)
    {
        var (bars, period) = Load(series);
        var options = new SmcOptions();
        var full = SmcTestData.Run(options, bars, period);
        Assert.True(full.Count > 1000, $"only {full.Count} events");

        var checkpoints = Enumerable.Range(1, 60).Select(k => k * bars.Length / 61).Append(bars.Length - 1).Append(25).Append(26);
        foreach (var t in checkpoints)
        {
            var prefix = SmcTestData.Run(options, bars.AsSpan(0, t + 1), period);
            var known = full.TakeWhile(e => e.KnownIndex <= t).ToList();
            Assert.True(known.SequenceEqual(prefix), $"{series}: events known at bar {t} differ ({prefix.Count} from the prefix, {known.Count} from the full run)");
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void Changing_every_bar_after_t_changes_nothing_known_by_t(string series)
    {
        var (bars, period) = Load(series);
        var t = bars.Length / 2;
        var altered = (TickBar[])bars.Clone();
        for (var i = t + 1; i < altered.Length; i++)
            altered[i] = altered[i] with { High = altered[i].High + 500, Low = altered[i].Low - 500, Volume = 1 };
        var original = SmcTestData.Run(new SmcOptions(), bars, period).TakeWhile(e => e.KnownIndex <= t);
        var changed = SmcTestData.Run(new SmcOptions(), altered, period).TakeWhile(e => e.KnownIndex <= t);
        Assert.Equal(original, changed);
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void No_event_is_known_before_the_bar_that_confirmed_it(string series)
    {
        var (bars, period) = Load(series);
        var options = new SmcOptions();
        var events = SmcTestData.Run(options, bars, period);
        var previousKnown = 0;
        foreach (var e in events)
        {
            Assert.True(e.KnownIndex >= previousKnown, "events come out in bar order");
            previousKnown = e.KnownIndex;
            Assert.Equal(bars[e.KnownIndex].OpenTime + period, e.KnownTime);
            Assert.True(e.StampIndex <= e.KnownIndex, $"{e.Kind} stamped at {e.StampIndex} but known at {e.KnownIndex}");
            switch (e.Kind)
            {
                case SmcEventKind.SwingHigh or SmcEventKind.SwingLow:
                    var n = e.Scope == StructureScope.Swing ? options.SwingLength : options.InternalSwingLength;
                    Assert.Equal(e.StampIndex + n, e.KnownIndex);
                    break;
                case SmcEventKind.BreakOfStructure or SmcEventKind.ChangeOfCharacter or SmcEventKind.OrderBlockFormed:
                    Assert.True(e.KnownIndex > e.StampIndex, $"{e.Kind} needs a later bar to break");
                    break;
                case SmcEventKind.FairValueGapFormed:
                    Assert.Equal(e.StampIndex + 1, e.KnownIndex);
                    break;
            }
        }
    }

    [Fact]
    public void Every_event_kind_occurs_on_the_real_15_minute_bars()
    {
        var (bars, period) = Load("mgc-15m");
        var kinds = SmcTestData.Run(new SmcOptions(), bars, period).Select(e => e.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<SmcEventKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Processing_a_bar_allocates_nothing_in_steady_state()
    {
        var (bars, period) = Load("mgc-3m");
        Assert.Equal(0, ThreadAllocation.Fewest(() => SteadyStateAllocation(bars, period)));
    }

    /// <summary>Bytes a fresh engine allocates on this thread after 3,000 bars of warm-up, over the rest of the bars.</summary>
    private static long SteadyStateAllocation(TickBar[] bars, TimeSpan period)
    {
        var engine = new SmcEngine(new SmcOptions(), period);
        var warmUp = 3000;
        for (var i = 0; i < warmUp; i++)
            engine.OnBar(bars[i]);
        var events = 0;
        var allocated = ThreadAllocation.During(() =>
        {
            for (var i = warmUp; i < bars.Length; i++)
                events += engine.OnBar(bars[i]).Length;
        });
        Assert.True(events > 1000);
        return allocated;
    }
}
