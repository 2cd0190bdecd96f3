using GoldBot.Analysis;
using GoldBot.Backtesting.Baselines;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Statistics;
using GoldBot.Backtesting.Tests.Engine;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Tests.Baselines;

/// <summary>The baselines on hand-made bars and on the real MGC file, with the strategy's costs and rules.</summary>
public sealed class BaselineTests
{
    [Fact]
    public async Task Buy_and_hold_buys_at_the_first_open_and_sells_at_the_last_close_with_costs()
    {
        var bars = HandMadeBars.From((2000.0m, 2001.0m, 1999.0m, 2000.5m), (2000.5m, 2003.0m, 2000.0m, 2002.0m), (2002.0m, 2004.0m, 2001.0m, 2003.0m));

        var result = await Baseline.BuyAndHoldAsync(bars, HandMadeBars.Period, new BacktestSettings());

        var trade = Assert.Single(result.Trades);
        Assert.Equal((2000.1m, HandMadeBars.Start), (trade.Entry, trade.EntryTime));
        Assert.Equal(2002.9m, trade.Exits.Single().Price);
        // (2002.9 − 2000.1) × $10 − 2 × $0.62.
        Assert.Equal(26.76m, trade.PnL);
        Assert.Equal(3, result.BarsInMarket);
        // Balance after the buy 49,999.38 (commission), plus the open P&L at each close; the last close after the sell.
        Assert.Equal([50_003.38m, 50_018.38m, 50_026.76m], result.Equity.Select(e => e.Equity));
        Assert.Equal(0m, result.Ambiguity.BestCasePnL - result.Ambiguity.WorstCasePnL);
    }

    [Fact]
    public async Task Buy_and_hold_on_the_MGC_file_earns_the_move_from_first_open_to_last_close_less_costs()
    {
        var bars = MgcData.Bars.Bars;

        var result = await Baseline.BuyAndHoldAsync(bars, MgcData.Bars.Period, MgcData.Settings, recordEquity: false);

        var expected = (bars[^1].Close - 0.1m - (bars[0].Open + 0.1m)) * 10m - 1.24m;
        Assert.Equal(expected, Assert.Single(result.Trades).PnL);
        Assert.Equal(bars.Count, result.BarsInMarket);
    }

    [Fact]
    public async Task The_bar_close_drawdown_is_the_drawdown_of_the_equity_curve_whether_the_curve_is_kept_or_not()
    {
        var (bars, period, settings) = (MgcData.Bars.Bars, MgcData.Bars.Period, MgcData.Settings);
        // Buy and hold amends its last bar (the sell fills at the last close); the crossover trades through the engine.
        var kept = new[]
        {
            await Baseline.BuyAndHoldAsync(bars, period, settings),
            await Baseline.EmaCrossoverAsync(bars, period, settings),
        };
        var notKept = new[]
        {
            await Baseline.BuyAndHoldAsync(bars, period, settings, recordEquity: false),
            await Baseline.EmaCrossoverAsync(bars, period, settings, recordEquity: false),
        };

        for (var i = 0; i < kept.Length; i++)
        {
            var ofCurve = EquityDrawdown.Of(kept[i].Equity.Select(e => e.Equity));
            Assert.True(ofCurve.MaxUsd > 0);
            Assert.Equal(ofCurve, kept[i].BarDrawdown);
            Assert.Empty(notKept[i].Equity);
            Assert.Equal(ofCurve, notKept[i].BarDrawdown);
        }
    }

    [Fact]
    public void Entry_bars_in_the_window_are_counted_by_their_close_in_exchange_time_across_daylight_saving_changes()
    {
        // 3-minute bars from 13:00 to 15:00 UTC every day of 2024 (07:00–09:00 CT in winter, 08:00–10:00 in summer, so the
        // count depends on the clock changes of 10 March and 3 November).
        var start = new DateTimeOffset(2024, 1, 1, 13, 0, 0, TimeSpan.Zero);
        var bars = Enumerable.Range(0, 366).SelectMany(d => Enumerable.Range(0, 40).Select(i => start.AddDays(d) + HandMadeBars.Period * i))
            .Select(t => new Bar(t, 100m, 101m, 99m, 100m, 1)).ToArray();
        var settings = MgcData.Settings;
        var frame = TimeFrame.Parse(settings.Strategy.EntryTimeFrame);
        var schedule = new SessionSchedule(settings.Risk);

        // The definition, one time-zone conversion per question.
        var expected = bars.Select(b => frame.BucketOpen(b.OpenTime, default(TradingDayBounds).For(b.OpenTime)) + frame.Period).Distinct().Count(close =>
        {
            var local = CmeSession.ExchangeTimeOfDay(close);
            var times = schedule.At(close);
            return local >= times.WindowStart && local < times.WindowEnd;
        });

        Assert.InRange(expected, 1, bars.Length);
        Assert.Equal(expected, Baseline.EntryBarsInWindow(bars, settings));
    }

    [Fact]
    public void The_EMA_crossover_signals_at_the_close_of_the_entry_bar_where_the_fast_average_crosses()
    {
        // 15-minute closes fall for six bars then rise: EMA(2) crosses above EMA(3) at the 8th bar.
        decimal[] closes = [100m, 99m, 98m, 97m, 96m, 95m, 100m, 105m, 110m];
        var source = new EmaCrossoverSignals(ContractSpec.BuiltIn["MGC"], HandMadeBars.Period, "15m", fast: 2, slow: 3);
        var signals = new List<TradeSignal>();
        var time = HandMadeBars.Start;
        foreach (var close in closes)
        {
            for (var i = 0; i < 5; i++, time += HandMadeBars.Period)
                source.OnBar(new Bar(time, close, close + 0.5m, close - 0.5m, close, 10), signals);
        }

        var signal = Assert.Single(signals);
        Assert.Equal((1, 100m, "ema_crossover"), (signal.Direction, signal.ReferencePrice, signal.Pattern));
        Assert.Equal(HandMadeBars.Start.AddMinutes(15 * 7), signal.Time);
        Assert.Equal("ATR not ready", signal.Rejection);
    }

    [Fact]
    public async Task The_EMA_crossover_trades_through_the_same_risk_rules()
    {
        var result = await Baseline.EmaCrossoverAsync(MgcData.Bars.Bars, MgcData.Bars.Period, MgcData.Settings, recordEquity: false);

        Assert.NotEmpty(result.Trades);
        Assert.All(result.Trades, t => Assert.Equal(EmaCrossoverSignals.Pattern, t.Pattern));
        Assert.All(result.Trades, t => Assert.InRange(Math.Abs(t.Entry - t.Stop), 2.0m, 20.0m));
        Assert.Empty(RuleAudit.Check(result.Trades, MgcData.Settings.Risk, MgcData.Settings.Contract, MgcData.Settings.Fills));
    }

    [Fact]
    public async Task Random_entries_are_seeded_and_use_the_strategys_stop_distances()
    {
        var (bars, period, settings) = (MgcData.Bars.Bars, MgcData.Bars.Period, MgcData.Settings);
        var strategy = await new BacktestEngine(settings).RunAsync(bars, period, null, new BacktestOptions { RecordEquity = false });

        var first = await Baseline.RandomEntriesAsync(bars, period, settings, strategy, seed: 1, recordEquity: false);
        var again = await Baseline.RandomEntriesAsync(bars, period, settings, strategy, seed: 1, recordEquity: false);
        var other = await Baseline.RandomEntriesAsync(bars, period, settings, strategy, seed: 2, recordEquity: false);
        var counted = await Baseline.RandomEntriesAsync(bars, period, settings, strategy, seed: 1, recordEquity: false,
            entryBarsInWindow: Baseline.EntryBarsInWindow(bars, settings));

        var strategyStops = strategy.Trades.Select(t => Math.Abs(t.Entry - t.Stop)).ToHashSet();
        Assert.NotEmpty(first.Trades);
        Assert.All(first.Trades, t => Assert.Contains(Math.Abs(t.Entry - t.Stop), strategyStops));
        Assert.All(first.Trades, t => Assert.Equal(RandomEntrySignals.Pattern, t.Pattern));
        Assert.Equal(first.Trades.Select(t => (t.EntryTime, t.PnL)), again.Trades.Select(t => (t.EntryTime, t.PnL)));
        Assert.Equal(first.Trades.Select(t => (t.EntryTime, t.PnL)), counted.Trades.Select(t => (t.EntryTime, t.PnL)));
        Assert.NotEqual(first.Trades.Select(t => (t.EntryTime, t.PnL)), other.Trades.Select(t => (t.EntryTime, t.PnL)));
        Assert.Empty(RuleAudit.Check(first.Trades, settings.Risk, settings.Contract, settings.Fills));
        // Same frequency as the strategy: about as many entries, give or take what the rules refuse.
        Assert.InRange(first.Trades.Count, strategy.Trades.Count / 3, strategy.Trades.Count * 2);
    }
}
