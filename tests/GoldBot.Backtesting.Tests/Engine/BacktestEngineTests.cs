using GoldBot.Analysis;
using GoldBot.Backtesting.Engine;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>The engine on hand-made bars (one trade per test, every figure computed by hand) and on the real MGC file.</summary>
public sealed class BacktestEngineTests
{
    private static readonly BacktestSettings OneContract = new() { Risk = new RiskOptions { DefaultContracts = 1 } };

    private static ValueTask<BacktestResult> Run(Bar[] bars, BacktestSettings? settings = null, BacktestOptions? options = null) =>
        new BacktestEngine(settings ?? OneContract).RunAsync(bars, HandMadeBars.Period, new ScriptedSignals(HandMadeBars.Period, (0, 1, 20)), options);

    [Fact]
    public async Task A_bar_trading_through_the_target_books_a_win_at_the_limit()
    {
        var result = await Run(HandMadeBars.LongTrade((2000.2m, 2002.3m, 2000.0m, 2002.0m)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal((2000.1m, 1998.1m, 2002.1m, 1), (trade.Entry, trade.Stop, trade.Target, trade.Size));
        Assert.Equal(HandMadeBars.Start.AddMinutes(3), trade.EntryTime);
        Assert.Equal([new TradeExit(HandMadeBars.Start.AddMinutes(9), 2002.1m, 1, "tp1")], trade.Exits);
        // (2002.1 − 2000.1) × $10 per point − 2 × $0.62.
        Assert.Equal(18.76m, trade.PnL);
        Assert.Equal(50_018.76m, trade.BalanceAfter);
        Assert.Equal(new ExitAmbiguity(0, 18.76m, 18.76m), result.Ambiguity);
        Assert.Equal(2, result.BarsInMarket);
        Assert.Equal(4, result.Equity.Count);
        Assert.Equal(50_018.76m, result.Equity[^1].Equity);
        Assert.Equal(new TradingDay(new DateOnly(2025, 12, 2), 50_000m, 50_018.76m, result.Days[0].LowestEquity, 1), Assert.Single(result.Days));
        Assert.True(result.Days[0].LowestEquity < 50_000m, "the entry bar's low marks equity below the start");
    }

    [Fact]
    public async Task A_bar_reaching_only_the_stop_books_a_loss_with_stop_slippage()
    {
        var result = await Run(HandMadeBars.LongTrade((2000.0m, 2001.0m, 1998.0m, 1998.5m)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal([new TradeExit(HandMadeBars.Start.AddMinutes(9), 1998.0m, 1, "stop")], trade.Exits);
        // (1998.0 − 2000.1) × $10 − $1.24: the stop at 1998.1 fills one tick worse.
        Assert.Equal(-22.24m, trade.PnL);
        Assert.Equal(0, result.Ambiguity.Trades);
        Assert.Equal(result.Equity.Max(e => e.Equity) - result.Equity[^1].Equity, result.Equity[^1].Drawdown);
    }

    [Fact]
    public async Task A_bar_holding_stop_and_target_books_the_stop_and_reports_the_range()
    {
        var result = await Run(HandMadeBars.LongTrade((2000.0m, 2002.5m, 1998.0m, 2000.0m)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal("stop", trade.ExitReason);
        Assert.Equal(-22.24m, trade.PnL);
        // Target first: the contract would have left at 2002.1 instead of 1998.0, (4.1 × $10) better.
        Assert.Equal(new ExitAmbiguity(1, -22.24m, 18.76m), result.Ambiguity);
    }

    [Fact]
    public async Task A_bar_opening_beyond_the_stop_fills_it_at_the_open_and_is_not_ambiguous()
    {
        var result = await Run(HandMadeBars.LongTrade((1997.0m, 2002.5m, 1996.5m, 1999.0m)));

        var trade = Assert.Single(result.Trades);
        Assert.Equal(1996.9m, trade.Exits[0].Price);
        Assert.Equal(-33.24m, trade.PnL);
        Assert.Equal(0, result.Ambiguity.Trades);
    }

    [Fact]
    public async Task A_target_only_touched_fills_on_touch_but_not_under_trade_through()
    {
        var bars = HandMadeBars.LongTrade((2000.2m, 2002.1m, 2000.0m, 2001.0m));

        var throughResult = await Run(bars);
        var touchResult = await Run(bars, OneContract with { Fills = new FillModelOptions { LimitTradeThroughTicks = 0 } });

        // Trade-through (default, 1 tick): still open at the end, flattened at the last close 2001.0 − 1 tick.
        var through = Assert.Single(throughResult.Trades);
        Assert.Equal(("end_of_data", 2000.9m, 6.76m), (through.ExitReason, through.Exits[0].Price, through.PnL!.Value));
        var touch = Assert.Single(touchResult.Trades);
        Assert.Equal(("tp1", 2002.1m, 18.76m), (touch.ExitReason, touch.Exits[0].Price, touch.PnL!.Value));
        Assert.Equal(50_006.76m, throughResult.Equity[^1].Equity);
    }

    [Fact]
    public async Task Warm_up_bars_reach_only_the_signal_source()
    {
        var bars = HandMadeBars.LongTrade((2000.2m, 2002.3m, 2000.0m, 2002.0m));

        var result = await Run(bars, options: new BacktestOptions { WarmupBars = 1 });

        Assert.Empty(result.Trades);
        Assert.Equal(3, result.Run.Bars);
        Assert.Equal(bars[1].OpenTime, result.Run.Start);
        Assert.Equal(3, result.Equity.Count);
        Assert.All(result.Equity, e => Assert.Equal(50_000m, e.Equity));
        Assert.Equal(new TradingDay(new DateOnly(2025, 12, 2), 50_000m, 50_000m, 50_000m, 0), Assert.Single(result.Days));
    }

    [Fact]
    public async Task Equity_is_not_recorded_when_not_asked_and_progress_ends_at_one()
    {
        var progress = new List<double>();
        var result = await Run(HandMadeBars.LongTrade((2000.2m, 2002.3m, 2000.0m, 2002.0m)),
            options: new BacktestOptions { RecordEquity = false, Progress = new SynchronousProgress(progress.Add) });

        Assert.Empty(result.Equity);
        Assert.Single(result.Trades);
        Assert.Equal([1.0], progress);
    }

    [Fact]
    public async Task A_cancelled_run_throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await new BacktestEngine(OneContract).RunAsync(HandMadeBars.LongTrade((2000m, 2001m, 1999m, 2000m)), HandMadeBars.Period, null, null, cancelled.Token));
    }

    [Fact]
    public async Task The_default_run_on_the_MGC_file_gives_the_pinned_summary_and_breaks_no_rule()
    {
        var result = await new BacktestEngine(MgcData.Settings).RunAsync(MgcData.Bars);

        // The pinned default run of the daemon (tests/GoldBot.Tests/EndToEnd/DefaultReplayTests).
        Assert.Equal(14, result.Trades.Count);
        Assert.Equal(543.12m, result.Trades.Sum(t => t.PnL!.Value));
        Assert.Equal(45.88m, result.Trades.Sum(t => t.Commission));
        Assert.Equal(50_543.12m, result.Equity[^1].Equity);
        Assert.Equal(12_382, result.Run.Bars);
        Assert.Equal(12_382, result.Equity.Count);
        // One trade's stop bar also traded through a target: booked as the stop, $188 better the other way round.
        Assert.Equal(new ExitAmbiguity(1, 543.12m, 731.12m), result.Ambiguity);
        Assert.Empty(RuleAudit.Check(result.Trades, MgcData.Settings.Risk, MgcData.Settings.Contract, MgcData.Settings.Fills));
        Assert.Equal(14, result.Days.Sum(d => d.TradesClosed));
        Assert.Equal(result.Days.Select(d => d.Date).Distinct().Count(), result.Days.Count);
        Assert.All(result.Days.Zip(result.Days.Skip(1)), pair => Assert.Equal(pair.First.EndEquity, pair.Second.StartEquity));
        Assert.InRange(result.BarsInMarket, 1, 12_381);
        Assert.Equal(result.Equity.Max(e => e.Drawdown), ClosingDrawdown(result));
    }

    private static decimal ClosingDrawdown(BacktestResult result)
    {
        var tracker = new DrawdownTracker();
        tracker.Add(result.Run.StartingBalance);
        foreach (var e in result.Equity)
            tracker.Add(e.Equity);
        return tracker.MaxDrawdown;
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
