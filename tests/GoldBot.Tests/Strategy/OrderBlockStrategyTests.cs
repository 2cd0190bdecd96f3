using GoldBot.Market;
using GoldBot.Strategy;
using GoldBot.Tests.Smc;

namespace GoldBot.Tests.Strategy;

/// <summary>The strategy over the real MGC bars: what a signal is, and why one is rejected.</summary>
public sealed class OrderBlockStrategyTests
{
    private static readonly ContractSpec Mgc = ContractSpec.BuiltIn["MGC"];

    private static List<TradeSignal> Signals(StrategyOptions options)
    {
        var strategy = new OrderBlockStrategy(options, Mgc, TimeSpan.FromMinutes(3));
        var signals = new List<TradeSignal>();
        foreach (var bar in SmcTestData.Mgc3Minute)
            strategy.OnBar(bar, signals);
        return signals;
    }

    [Fact]
    public void Signals_come_at_15_minute_closes_and_reject_only_for_their_stated_reasons()
    {
        var options = new StrategyOptions();
        var signals = Signals(options);
        Assert.Equal(158, signals.Count);
        Assert.All(signals, s =>
        {
            Assert.Equal(0, s.Time.Minute % 15);
            Assert.InRange(s.Score, 1, 10);
            Assert.True(s.ZoneTop >= s.ZoneBottom);
            Assert.InRange(s.StopTicks, options.MinStopTicks, int.MaxValue);
            var expected = s.Score < options.MinScore ? "score"
                : s.Trend == 0 ? "no 1h trend"
                : s.Trend != s.Direction ? "against the 1h trend"
                : s.StopTicks > options.MaxStopTicks ? "stop"
                : null;
            if (expected is null)
                Assert.Null(s.Rejection);
            else
                Assert.StartsWith(expected, s.Rejection);
        });
        Assert.Contains(signals, s => s.Rejection is null);
    }

    [Fact]
    public void The_stop_lies_beyond_the_blocks_far_edge_plus_the_buffer()
    {
        var options = new StrategyOptions();
        foreach (var s in Signals(options).Where(s => s.StopTicks > options.MinStopTicks))
        {
            var stop = s.ReferencePrice - s.Direction * Mgc.ToPrice(s.StopTicks);
            var farEdge = s.Direction > 0 ? s.ZoneBottom - Mgc.ToPrice(options.StopBufferTicks) : s.ZoneTop + Mgc.ToPrice(options.StopBufferTicks);
            Assert.Equal(farEdge, stop);
        }
    }

    [Fact]
    public void A_disabled_pattern_rejects_every_signal()
    {
        var signals = Signals(new StrategyOptions { Patterns = ["breaker_block"] });
        Assert.All(signals, s => Assert.Equal("pattern order_block disabled", s.Rejection));
    }

    [Fact]
    public void A_lower_minimum_score_only_turns_score_rejections_into_other_outcomes()
    {
        var strict = Signals(new StrategyOptions());
        var loose = Signals(new StrategyOptions { MinScore = 1 });
        Assert.Equal(strict.Count, loose.Count);
        for (var i = 0; i < strict.Count; i++)
        {
            if (strict[i].Rejection?.StartsWith("score", StringComparison.Ordinal) != true)
                Assert.Equal(strict[i], loose[i]);
            else
                Assert.DoesNotContain("score", loose[i].Rejection ?? "", StringComparison.Ordinal);
        }
    }
}
