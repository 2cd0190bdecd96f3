using GoldBot.Market;
using GoldBot.Strategy;
using GoldBot.Tests.TestDoubles;

namespace GoldBot.Tests.Strategy;

/// <summary>
/// The intermarket dollar filter on synthetic hourly series: gold built from the dollar's own hourly log returns (inverse or
/// with it), the dollar drifting up, down or not at all in the last hours; fed as 1-hour gold bars and 30-minute proxy bars.
/// </summary>
public sealed class DollarFilterTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    /// <summary>Hourly dollar log values (a seeded walk, sd 0.1 %, drifting by <paramref name="drift"/> per hour over the last 30 hours) and gold's.</summary>
    /// <param name="goldBeta">Gold's hourly log return = goldBeta × the dollar's + independent noise (sd 0.03 %).</param>
    private static (double[] Dollar, double[] Gold) Series(int hours, double drift, double goldBeta, int seed = 7)
    {
        var random = new Random(seed);
        var dollar = new double[hours];
        var gold = new double[hours];
        for (var h = 1; h < hours; h++)
        {
            var step = (random.NextDouble() - 0.5) * 0.0035 + (h >= hours - 30 ? drift : 0);
            dollar[h] = dollar[h - 1] + step;
            gold[h] = gold[h - 1] + goldBeta * step + (random.NextDouble() - 0.5) * 0.001;
        }
        return (dollar, gold);
    }

    /// <summary>Proxy bars of 30 minutes (two per hour, the second closing on the hour at the hour's value), DXY-like around 104.</summary>
    private static List<Bar> ProxyBars(double[] dollar, bool inverted = false)
    {
        var bars = new List<Bar>();
        for (var h = 0; h < dollar.Length; h++)
        {
            var value = (decimal)Math.Round((inverted ? 1.08 : 104.0) * Math.Exp(inverted ? -dollar[h] : dollar[h]), 5);
            var open = Start + h * Hour - HalfHour;
            bars.Add(new Bar(open - HalfHour, value, value, value, value, 1));
            bars.Add(new Bar(open, value, value, value, value, 1));
        }
        return bars;
    }

    private static List<Bar> GoldBars(double[] gold)
    {
        var bars = new List<Bar>();
        for (var h = 0; h < gold.Length; h++)
        {
            var value = (decimal)Math.Round(2300 * Math.Exp(gold[h]), 2);
            bars.Add(new Bar(Start + h * Hour - Hour, value, value, value, value, 100));
        }
        return bars;
    }

    /// <summary>Feeds both series in close order through <see cref="DollarFilteredSignals"/> and returns the filter after the last gold bar.</summary>
    private static DollarFilter Run(DollarFilterOptions options, double[] dollar, double[] gold, bool inverted = false)
    {
        var signals = new DollarFilteredSignals(new EverySide(Hour), new DollarFilter(options), Hour, ProxyBars(dollar, inverted), HalfHour);
        var found = new List<TradeSignal>();
        foreach (var bar in GoldBars(gold))
            signals.OnBar(bar, found);
        return signals.Filter;
    }

    private static readonly DollarFilterOptions Block = new() { Mode = DollarFilterMode.Block };
    private static DateTimeOffset End(int hours) => Start + (hours - 1) * Hour;

    [Fact]
    public void A_long_is_blocked_when_the_dollar_trends_up_while_gold_moves_inversely_and_a_short_passes()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: -1);
        var filter = Run(Block, dollar, gold);

        var state = filter.StateAt(End(300));
        Assert.Equal(DollarFilterStatus.Ready, state.Status);
        Assert.True(state.Correlation < -0.8, $"correlation {state.Correlation}");
        Assert.Equal(1, state.DollarTrend);
        var longVerdict = filter.Judge(+1, End(300));
        Assert.True(longVerdict.Blocks);
        Assert.StartsWith("dollar filter: dollar up +", longVerdict.Reason, StringComparison.Ordinal);
        Assert.Contains("vs its 24 h EMA while gold/dollar correlation -0.", longVerdict.Reason, StringComparison.Ordinal);
        Assert.Equal(new DollarFilterVerdict(1, null, state), filter.Judge(-1, End(300)));
    }

    [Fact]
    public void A_short_is_blocked_when_the_dollar_trends_down_and_a_long_passes()
    {
        var (dollar, gold) = Series(300, drift: -0.0008, goldBeta: -1);
        var filter = Run(Block, dollar, gold);

        Assert.Equal(-1, filter.StateAt(End(300)).DollarTrend);
        Assert.True(filter.Judge(-1, End(300)).Blocks);
        Assert.False(filter.Judge(+1, End(300)).Blocks);
    }

    [Fact]
    public void A_long_passes_when_gold_moves_with_the_dollar_or_the_dollar_has_no_trend()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: +1);
        var with = Run(Block, dollar, gold);
        Assert.True(with.StateAt(End(300)).Correlation > 0.8);
        Assert.Equal(1, with.StateAt(End(300)).DollarTrend);
        Assert.Equal(1m, with.Judge(+1, End(300)).SizeFactor);

        (dollar, gold) = Series(300, drift: 0, goldBeta: -1);
        var flat = Run(Block with { TrendThresholdPercent = 5 }, dollar, gold);
        Assert.Equal(0, flat.StateAt(End(300)).DollarTrend);
        Assert.Equal(1m, flat.Judge(+1, End(300)).SizeFactor);
        Assert.Equal(1m, flat.Judge(-1, End(300)).SizeFactor);
    }

    [Fact]
    public void Size_down_keeps_the_configured_fraction_with_the_reason()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: -1);
        var filter = Run(Block with { Mode = DollarFilterMode.SizeDown, SizeFactor = 0.25m }, dollar, gold);

        var verdict = filter.Judge(+1, End(300));
        Assert.False(verdict.Blocks);
        Assert.Equal(0.25m, verdict.SizeFactor);
        Assert.NotNull(verdict.Reason);
    }

    [Fact]
    public void An_inverted_euro_proxy_gives_the_same_dollar_as_a_dollar_index()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: -1);
        var index = Run(Block, dollar, gold).StateAt(End(300));
        var euro = Run(Block with { Invert = true }, dollar, gold, inverted: true).StateAt(End(300));

        Assert.Equal(1, euro.DollarTrend);
        Assert.Equal(index.Correlation!.Value, euro.Correlation!.Value, 3);
        Assert.Equal(index.TrendPercent!.Value, euro.TrendPercent!.Value, 2);
        // Not inverted, the euro reads as a falling dollar that gold follows: no block for a long.
        var raw = Run(Block, dollar, gold, inverted: true);
        Assert.True(raw.StateAt(End(300)).Correlation > 0.8);
        Assert.False(raw.Judge(+1, End(300)).Blocks);
    }

    [Fact]
    public void Without_recent_proxy_data_the_filter_says_so_and_blocks_nothing()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: -1);
        var filter = Run(Block, dollar, gold);
        var late = End(300) + TimeSpan.FromMinutes(121);
        Assert.Equal(DollarFilterStatus.Stale, filter.StateAt(late).Status);
        Assert.False(filter.Judge(+1, late).Blocks);

        var none = new DollarFilter(Block);
        foreach (var bar in GoldBars(gold))
            none.OnGoldBar(bar.OpenTime + Hour, bar.Close);
        Assert.Equal(DollarFilterStatus.NoProxyData, none.StateAt(End(300)).Status);
        Assert.False(none.Judge(+1, End(300)).Blocks);

        var warming = Run(Block, dollar[..100], gold[..100]);
        Assert.Equal(DollarFilterStatus.WarmingUp, warming.StateAt(End(100)).Status);
        Assert.Equal(99, warming.StateAt(End(100)).Pairs); // 100 hourly closes, 99 returns: fewer than the 120 of the window
        Assert.False(warming.Judge(+1, End(100)).Blocks);

        Assert.Equal(DollarFilterStatus.Off, Run(new DollarFilterOptions(), dollar, gold).StateAt(End(300)).Status);
    }

    [Fact]
    public void A_blocked_signal_carries_the_reason_as_its_rejection_and_a_refused_one_keeps_its_own()
    {
        var (dollar, gold) = Series(300, drift: 0.0008, goldBeta: -1);
        var signals = new DollarFilteredSignals(new EverySide(Hour), new DollarFilter(Block), Hour, ProxyBars(dollar), HalfHour);
        var found = new List<TradeSignal>();
        foreach (var bar in GoldBars(gold))
            signals.OnBar(bar, found);

        var last = found.Where(s => s.Time == End(300)).ToList();
        Assert.StartsWith("dollar filter: dollar up", last.Single(s => s.Direction > 0 && s.Pattern == "order_block").Rejection, StringComparison.Ordinal);
        Assert.Null(last.Single(s => s.Direction < 0).Rejection);
        Assert.Equal("score 3 below minimum 7", last.Single(s => s.Pattern == "refused").Rejection);
    }

    [Fact]
    public void Changing_the_proxy_after_time_t_changes_no_verdict_before_t()
    {
        var (dollar, gold) = Series(400, drift: 0.0008, goldBeta: -1);
        var proxy = ProxyBars(dollar);
        var t = Start + 250 * Hour + TimeSpan.FromMinutes(15);
        // The same bars up to t, then the dollar turned over and shifted: a different future.
        var changed = proxy.Select(b => b.OpenTime + HalfHour <= t ? b
            : b with { Open = 210 - b.Open, High = 210 - b.Low, Low = 210 - b.High, Close = 210 - b.Close }).ToList();

        var full = Verdicts(proxy, gold);
        var other = Verdicts(changed, gold);

        Assert.Equal(full.Where(s => s.Time <= t), other.Where(s => s.Time <= t));
        Assert.NotEqual(full.Where(s => s.Time > t), other.Where(s => s.Time > t)); // the test has teeth
        Assert.Contains(full, s => s.Time <= t && s.Rejection?.StartsWith("dollar filter", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_proxy_bar_closing_after_the_gold_bar_is_not_seen_by_it()
    {
        var filter = new DollarFilter(Block);
        var signals = new DollarFilteredSignals(new EverySide(Hour), filter, Hour,
            [new Bar(Start, 104m, 104m, 104m, 104m, 1), new Bar(Start + HalfHour, 104.5m, 104.5m, 104.5m, 104.5m, 1)], HalfHour);
        var found = new List<TradeSignal>();

        signals.OnBar(new Bar(Start - TimeSpan.FromMinutes(15), 2300m, 2300m, 2300m, 2300m, 1), found); // closes Start + 45 min
        Assert.Equal(Start + HalfHour, filter.StateAt(Start + TimeSpan.FromMinutes(45)).LastProxyClose);
        signals.OnBar(new Bar(Start + TimeSpan.FromMinutes(45), 2300m, 2300m, 2300m, 2300m, 1), found); // closes Start + 1 h 45
        Assert.Equal(Start + Hour, filter.StateAt(Start + TimeSpan.FromMinutes(105)).LastProxyClose);
    }

    private static List<TradeSignal> Verdicts(List<Bar> proxy, double[] gold)
    {
        var signals = new DollarFilteredSignals(new EverySide(Hour), new DollarFilter(Block), Hour, proxy, HalfHour);
        var found = new List<TradeSignal>();
        foreach (var bar in GoldBars(gold))
            signals.OnBar(bar, found);
        return found;
    }

    /// <summary>A signal source that offers a long and a short at every bar close, plus a long the strategy itself refuses.</summary>
    private sealed class EverySide(TimeSpan period) : ISignalSource
    {
        public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
        {
            var close = bar.OpenTime + period;
            signals.Add(Signals.Long(close, reference: bar.Close));
            signals.Add(Signals.Short(close, reference: bar.Close));
            signals.Add(Signals.Long(close, reference: bar.Close, rejection: "score 3 below minimum 7") with { Pattern = "refused" });
        }
    }
}
