using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.Market;

/// <summary>3-minute bars into 15-minute and 1-hour bars: exact OHLCV, when a bucket completes, gaps, flush, real data.</summary>
public sealed class BarAggregatorTests
{
    private static readonly TimeSpan ThreeMinutes = TimeSpan.FromMinutes(3);

    private static DateTimeOffset At(int hour, int minute) => new(2025, 12, 2, hour, minute, 0, TimeSpan.Zero);

    private static Bar B(int hour, int minute, decimal open, decimal high, decimal low, decimal close, long volume) =>
        new(At(hour, minute), open, high, low, close, volume);

    private static readonly Bar[] FullBucket =
    [
        B(14, 30, 2000.0m, 2001.5m, 1999.8m, 2001.0m, 100),
        B(14, 33, 2001.0m, 2002.3m, 2000.6m, 2002.0m, 150),
        B(14, 36, 2002.0m, 2002.1m, 1998.7m, 1999.0m, 220),
        B(14, 39, 1999.1m, 2000.4m, 1999.0m, 2000.2m, 80),
        B(14, 42, 2000.2m, 2000.9m, 1999.9m, 2000.5m, 50),
    ];

    [Fact]
    public void Five_3m_bars_make_one_15m_bar_with_first_open_max_high_min_low_last_close_and_summed_volume()
    {
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15));
        var output = new Bar[2];
        var counts = FullBucket.Select(b => aggregator.Add(b, output)).ToArray();

        Assert.Equal([0, 0, 0, 0, 1], counts);
        Assert.Equal(new Bar(At(14, 30), 2000.0m, 2002.3m, 1998.7m, 2000.5m, 600), output[0]);
        Assert.False(aggregator.TryFlush(out _));
    }

    [Fact]
    public void Bucket_completes_exactly_when_the_bar_ending_at_its_end_arrives()
    {
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15));
        var output = new Bar[2];
        for (var i = 0; i < 4; i++)
            Assert.Equal(0, aggregator.Add(FullBucket[i], output));

        // The 14:42 bar closes at 14:45, the bucket's end.
        Assert.Equal(1, aggregator.Add(FullBucket[4], output));
        Assert.Equal(At(14, 30), output[0].OpenTime);
        // The next bar starts a new bucket and completes nothing.
        Assert.Equal(0, aggregator.Add(B(14, 45, 2000.5m, 2001.0m, 2000.0m, 2000.8m, 10), output));
    }

    [Fact]
    public void A_bar_of_a_later_bucket_after_a_gap_emits_the_partial_bucket_first()
    {
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15));
        var output = new Bar[2];
        Assert.Equal(0, aggregator.Add(B(14, 45, 2000.0m, 2001.0m, 1999.5m, 2000.5m, 30), output));
        Assert.Equal(0, aggregator.Add(B(14, 48, 2000.5m, 2003.0m, 2000.4m, 2002.5m, 40), output));

        // 14:51–15:05 missing; the 15:06 bar belongs to the 15:00 bucket.
        Assert.Equal(1, aggregator.Add(B(15, 6, 2004.0m, 2004.5m, 2003.0m, 2003.5m, 70), output));
        Assert.Equal(new Bar(At(14, 45), 2000.0m, 2003.0m, 1999.5m, 2002.5m, 70), output[0]);

        Assert.Equal(0, aggregator.Add(B(15, 9, 2003.5m, 2003.6m, 2001.0m, 2001.2m, 20), output));
        Assert.Equal(1, aggregator.Add(B(15, 12, 2001.2m, 2002.0m, 2000.9m, 2001.9m, 25), output));
        // The 15:00 bucket opens at 15:00 although its first bar is 15:06, with that bar's open.
        Assert.Equal(new Bar(At(15, 0), 2004.0m, 2004.5m, 2000.9m, 2001.9m, 115), output[0]);
    }

    [Fact]
    public void A_gap_bar_that_also_ends_its_bucket_emits_the_partial_then_the_new_bucket()
    {
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15));
        var output = new Bar[2];
        aggregator.Add(B(14, 45, 2000.0m, 2001.0m, 1999.5m, 2000.5m, 30), output);

        Assert.Equal(2, aggregator.Add(B(15, 12, 2002.0m, 2002.4m, 2001.1m, 2001.3m, 12), output));
        Assert.Equal(new Bar(At(14, 45), 2000.0m, 2001.0m, 1999.5m, 2000.5m, 30), output[0]);
        Assert.Equal(new Bar(At(15, 0), 2002.0m, 2002.4m, 2001.1m, 2001.3m, 12), output[1]);
    }

    [Fact]
    public void TryFlush_returns_the_open_partial_bucket_once()
    {
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15));
        var output = new Bar[2];
        aggregator.Add(FullBucket[0], output);
        aggregator.Add(FullBucket[1], output);

        Assert.True(aggregator.TryFlush(out var partial));
        Assert.Equal(new Bar(At(14, 30), 2000.0m, 2002.3m, 1999.8m, 2002.0m, 250), partial);
        Assert.False(aggregator.TryFlush(out _));
        Assert.False(new BarAggregator(ThreeMinutes, TimeFrame.Minutes(15)).TryFlush(out _));
    }

    [Fact]
    public void Bars_of_the_targets_own_period_pass_through_one_by_one_with_their_open_floored_to_the_bucket()
    {
        // Hourly bars every 90 minutes for two weeks (half of them opening at :30, some across 17:00 CT and a weekend).
        var frame = TimeFrame.Minutes(60);
        var aggregator = new BarAggregator(TimeSpan.FromHours(1), frame);
        var output = new Bar[2];
        var bars = Enumerable.Range(0, 224).Select(i => B(0, 0, 2000m + i, 2001m + i, 1999m + i, 2000.5m + i, 10 + i) with
        {
            OpenTime = At(0, 0).AddMinutes(90 * i),
        });
        var unaligned = 0;
        foreach (var bar in bars)
        {
            Assert.Equal(1, aggregator.Add(bar, output));
            Assert.Equal(bar with { OpenTime = frame.BucketOpen(bar.OpenTime) }, output[0]);
            unaligned += output[0].OpenTime != bar.OpenTime ? 1 : 0;
        }
        Assert.Equal(112, unaligned);
        Assert.False(aggregator.TryFlush(out _));
    }

    [Theory]
    [InlineData(3, 15)]
    [InlineData(3, 60)]
    [InlineData(15, 240)]
    [InlineData(60, 60)]
    [InlineData(60, 240)]
    [InlineData(60, 1440)]
    public void Random_bars_with_gaps_across_days_weekends_and_clock_changes_aggregate_by_each_bars_bucket(int sourceMinutes, int targetMinutes)
    {
        // The aggregator's buckets against a model: consecutive source bars grouped by TimeFrame.BucketOpen of each one. Seeded
        // series of 400 bars from random starts in 2024–2025 (both clock changes each year), with gaps of a few bars to three
        // days, so runs cross 17:00 CT, weekends and the days of 23 and 25 hours.
        var (source, frame) = (TimeSpan.FromMinutes(sourceMinutes), TimeFrame.Minutes(targetMinutes));
        var random = new Random(sourceMinutes * 10_000 + targetMinutes);
        for (var series = 0; series < 60; series++)
        {
            var open = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero) + source * random.Next(0, 2 * 365 * 1440 / sourceMinutes);
            var bars = new List<Bar>();
            for (var i = 0; i < 400; i++)
            {
                bars.Add(new Bar(open, 2000m + i, 2002m + i, 1998m - i % 5, 2001m, 1 + i));
                open += source * (random.Next(10) == 0 ? 1 + random.Next(random.Next(4) == 0 ? 3 * 1440 / sourceMinutes : 10) : 1);
            }

            var expected = new List<Bar>();
            foreach (var bar in bars)
            {
                var bucket = frame.BucketOpen(bar.OpenTime);
                if (expected.Count > 0 && expected[^1] is var last && last.OpenTime == bucket)
                    expected[^1] = last with { High = Math.Max(last.High, bar.High), Low = Math.Min(last.Low, bar.Low), Close = bar.Close, Volume = last.Volume + bar.Volume };
                else
                    expected.Add(bar with { OpenTime = bucket });
            }
            var aggregator = new BarAggregator(source, frame);
            var output = new Bar[2];
            var actual = new List<Bar>();
            foreach (var bar in bars)
                actual.AddRange(output.AsSpan(0, aggregator.Add(bar, output)));
            if (aggregator.TryFlush(out var partial))
                actual.Add(partial);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Target_must_be_a_whole_multiple_of_the_source()
    {
        Assert.Throws<ArgumentException>(() => new BarAggregator(ThreeMinutes, TimeFrame.Minutes(10)));
        Assert.Throws<ArgumentException>(() => new BarAggregator(TimeSpan.Zero, TimeFrame.Minutes(15)));
        Assert.Equal(TimeFrame.Minutes(60), new BarAggregator(ThreeMinutes, TimeFrame.Minutes(60)).Target);
    }

    [Theory]
    // 2,477 quarter hours hold MGC bars; one (2025-11-28 02:45, two bars before the Globex halt) is partial.
    [InlineData(15, 2477, 1)]
    // 620 hours; three partial: Thanksgiving early close, the 28 November halt, Christmas Eve early close.
    [InlineData(60, 620, 3)]
    public void Real_MGC_bars_aggregate_to_the_max_min_and_sum_of_their_3m_bars(int minutes, int expectedBars, int expectedPartial)
    {
        var source = BarCsvReader.Read(SharedData.MgcBars).Bars;
        var aggregator = new BarAggregator(ThreeMinutes, TimeFrame.Minutes(minutes));
        var output = new Bar[2];
        var aggregated = new List<Bar>();
        foreach (var bar in source)
        {
            var n = aggregator.Add(bar, output);
            aggregated.AddRange(output.AsSpan(0, n).ToArray());
        }
        Assert.False(aggregator.TryFlush(out _)); // the last 3m bar (21:57) closes its bucket

        // Independent grouping: 17:00 CT is on the hour, so buckets are UTC clock buckets.
        var period = TimeSpan.FromMinutes(minutes).Ticks;
        var groups = source.GroupBy(b => new DateTimeOffset(b.OpenTime.Ticks - b.OpenTime.Ticks % period, TimeSpan.Zero)).ToList();
        Assert.Equal(expectedBars, aggregated.Count);
        Assert.Equal(groups.Count, aggregated.Count);
        Assert.Equal(expectedPartial, groups.Count(g => g.Count() != minutes / 3));
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i];
            var expected = new Bar(g.Key, g.First().Open, g.Max(b => b.High), g.Min(b => b.Low), g.Last().Close, g.Sum(b => b.Volume));
            Assert.Equal(expected, aggregated[i]);
        }
    }
}
