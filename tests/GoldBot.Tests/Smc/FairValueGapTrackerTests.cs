using GoldBot.Smc;

namespace GoldBot.Tests.Smc;

/// <summary>
/// The gap tracker's queues by level report, bar for bar, the events of the straightforward tracker that checks every open gap
/// at every bar in formation order (the form it had before the queues).
/// </summary>
public sealed class FairValueGapTrackerTests
{
    [Theory]
    [InlineData(64, 2)]
    [InlineData(3, 2)]
    [InlineData(1, 1)]
    [InlineData(256, 1)]
    public void The_MGC_file_and_a_random_walk_give_the_events_of_checking_every_gap(int maxGaps, long minTicks)
    {
        var options = new SmcOptions { MaxActiveGaps = maxGaps, MinFairValueGapTicks = minTicks };
        var random = new Random(maxGaps);
        var price = 40_000L;
        var walk = Enumerable.Range(0, 20_000).Select(i =>
        {
            var open = price;
            price += random.Next(-8, 9);
            return SmcTestData.Bar(i, open, Math.Max(open, price) + random.Next(0, 4), Math.Min(open, price) - random.Next(0, 4), price);
        });
        foreach (var bars in new[] { SmcTestData.Ticks(SmcTestData.Mgc3Minute, 0.1m), [.. walk] })
        {
            var (history, tracker, events) = (new BarHistory(1024), new FairValueGapTracker(options, new ZoneIds()), new SmcEventBuffer());
            var (scanHistory, scanning, scanEvents) = (new BarHistory(1024), new ScanningTracker(options), new List<SmcEvent>());
            var reported = 0;
            for (var t = 0; t < bars.Length; t++)
            {
                var at = new BarContext(t, bars[t].OpenTime.AddMinutes(15));
                events.Clear();
                history.Add(bars[t]);
                tracker.Update(bars[t], at, events);
                tracker.Detect(history, at, events);
                scanEvents.Clear();
                scanHistory.Add(bars[t]);
                scanning.Update(bars[t], at, scanEvents);
                scanning.Detect(scanHistory, at, scanEvents);
                Assert.Equal(scanEvents, events.Span.ToArray());
                reported += events.Count;
            }
            Assert.True(reported > bars.Length / 10, $"only {reported} events in {bars.Length} bars");
        }
    }

    /// <summary>Every open gap checked at every bar, oldest first; the oldest dropped to make room.</summary>
    private sealed class ScanningTracker(SmcOptions options)
    {
        private readonly List<(int Id, sbyte Direction, bool Mitigated, long Top, long Bottom, int StampIndex)> _gaps = [];
        private int _lastId;

        public void Update(in TickBar bar, in BarContext at, List<SmcEvent> events)
        {
            for (var i = 0; i < _gaps.Count; i++)
            {
                var g = _gaps[i];
                var bullish = g.Direction > 0;
                if (!g.Mitigated && (bullish ? bar.Low <= g.Top : bar.High >= g.Bottom))
                {
                    g.Mitigated = true;
                    _gaps[i] = g;
                    events.Add(Event(SmcEventKind.FairValueGapMitigated, g, at));
                }
                if (bullish ? bar.Low <= g.Bottom : bar.High >= g.Top)
                {
                    events.Add(Event(SmcEventKind.FairValueGapFilled, g, at));
                    _gaps.RemoveAt(i--);
                }
            }
        }

        public void Detect(BarHistory history, in BarContext at, List<SmcEvent> events)
        {
            var t = history.Last;
            if (t < 2)
                return;
            var (a, m, c) = (history[t - 2], history[t - 1], history[t]);
            (sbyte Direction, long Top, long Bottom) gap;
            if (a.High < c.Low && m.Close > m.Open && c.Low - a.High >= options.MinFairValueGapTicks)
                gap = (1, c.Low, a.High);
            else if (a.Low > c.High && m.Close < m.Open && a.Low - c.High >= options.MinFairValueGapTicks)
                gap = (-1, a.Low, c.High);
            else
                return;
            if (_gaps.Count == options.MaxActiveGaps)
                _gaps.RemoveAt(0);
            _gaps.Add((++_lastId, gap.Direction, false, gap.Top, gap.Bottom, t - 1));
            events.Add(Event(SmcEventKind.FairValueGapFormed, _gaps[^1], at));
        }

        private static SmcEvent Event(SmcEventKind kind, (int Id, sbyte Direction, bool Mitigated, long Top, long Bottom, int StampIndex) g, in BarContext at) =>
            new(kind, g.Direction, StructureScope.None, g.Id, g.StampIndex, at.Index, at.KnownTime, g.Top, g.Bottom, (g.Top + g.Bottom) / 2, 0, 0, default, SwingLabel.None);
    }
}
