using GoldBot.Intermarket;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Tests.Intermarket;

/// <summary>
/// <see cref="DollarFilterGate"/>: the daemon's one path to the dollar filter. Proxy bars fed from another thread reach the same
/// filter the detector's gold bars do, the state for status.json says when the proxy is stale, and a warm-up from History is causal.
/// </summary>
public sealed class DollarFilterGateTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);
    private static readonly DateTimeOffset Start = new(2025, 11, 24, 0, 0, 0, TimeSpan.Zero);

    private static readonly DollarFilterOptions Options = new()
    {
        Mode = DollarFilterMode.Block, Invert = true, CorrelationWindowHours = 10, TrendEmaHours = 3, MaxProxyAgeMinutes = 30,
    };

    /// <summary>Gold along a deterministic wave; the proxy is 1.1 × (gold ÷ 2000)^0.25 (the euro rises with gold).</summary>
    private static (List<Bar> Gold, List<Bar> Proxy) Series(int bars)
    {
        var gold = new List<Bar>(bars);
        var proxy = new List<Bar>(bars);
        for (var i = 0; i < bars; i++)
        {
            var price = decimal.Round(2000m + (decimal)(Math.Sin(i / 7.0) * 15 + Math.Sin(i / 41.0) * 30), 1);
            var euro = decimal.Round((decimal)(1.1 * Math.Pow((double)(price / 2000m), 0.25)), 5);
            gold.Add(new Bar(Start + Period * i, price, price, price, price, 10));
            proxy.Add(new Bar(Start + Period * i, euro, euro, euro, euro, 10));
        }
        return (gold, proxy);
    }

    private sealed class NoSignals : ISignalSource
    {
        public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
        {
        }
    }

    [Fact]
    public async Task Proxy_bars_fed_from_another_thread_make_the_filter_ready_as_a_replay_of_the_same_bars_does()
    {
        var (gold, proxy) = Series(600);
        var live = new DollarFilterGate(new NoSignals(), Options, Period, "6E test");
        var replay = new DollarFilterGate(new NoSignals(), Options, Period, "file", proxy, Period);
        var found = new List<TradeSignal>();
        for (var i = 0; i < gold.Count; i++)
        {
            // Live: the proxy bar of the same close arrives on the feed's thread before the gold bar reaches the detector.
            var bar = proxy[i];
            await Task.Run(() => live.OnProxyBar(bar, Period));
            live.OnBar(gold[i], found);
            replay.OnBar(gold[i], found);
        }

        var now = gold[^1].OpenTime + Period;
        var a = live.Status(now);
        var b = replay.Status(now);
        Assert.Equal("ready", a.Status);
        Assert.False(a.Stale);
        Assert.Equal(600, a.ProxyBars);
        Assert.Equal(600, b.ProxyBars);
        Assert.Equal(now, a.LastProxyBarClose);
        Assert.True(a.Correlation < -0.9, $"{a.Correlation}");
        Assert.Equal(b with { ProxySymbol = a.ProxySymbol }, a);
    }

    [Fact]
    public void A_silent_proxy_is_reported_stale_and_blocks_nothing()
    {
        var (gold, proxy) = Series(600);
        var gate = new DollarFilterGate(new NoSignals(), Options, Period, "6E test");
        gate.WarmUp(gold, proxy, Period);
        var last = gold[^1].OpenTime + Period;

        Assert.Equal(("ready", false), (gate.Status(last).Status, gate.Status(last).Stale));
        var silent = gate.Status(last.AddMinutes(31));
        Assert.Equal(("stale", true, last), (silent.Status, silent.Stale, silent.LastProxyBarClose));
        Assert.Equal(0, silent.ProxyBars); // warm-up bars are History, not the feed's
    }

    [Fact]
    public void Without_a_proxy_the_status_says_so()
    {
        var gate = new DollarFilterGate(new NoSignals(), Options with { Mode = DollarFilterMode.SizeDown, Invert = false }, Period, null);

        var status = gate.Status(Start);

        Assert.Equal(("size_down", null, false, "no_proxy_data", true, "flat"), (status.Mode, status.ProxySymbol, status.Inverted, status.Status, status.Stale, status.DollarTrend));
    }
}
