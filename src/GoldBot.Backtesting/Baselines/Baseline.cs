using GoldBot.Backtesting.Engine;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Baselines;

/// <summary>
/// The comparisons a strategy result needs, each on the same bars, costs and fill model, each a
/// <see cref="BacktestResult"/>: buy-and-hold (the market itself), an EMA crossover (a simple
/// trend rule) and random entries (no information at all). The crossover and the random entries run
/// through the <see cref="BacktestEngine"/>, so they share the strategy's risk manager, sizing,
/// bracket, executor and account rules; only the signal source differs.
/// </summary>
public static class Baseline
{
    /// <summary>
    /// Holds <paramref name="contracts"/> long from the first bar's open to the last bar's close,
    /// through the <see cref="SimulatedBroker"/>: a market buy at the first open and a market sell at
    /// the last close, each with the market slippage and commission of <see cref="BacktestSettings.Fills"/>.
    /// No stop, no target and no account rule (it is the market, not a trading plan).
    /// </summary>
    /// <param name="bars">Closed bars in time order, prices in points.</param>
    /// <param name="barPeriod">Length of each bar.</param>
    /// <param name="settings">Contract, costs and starting balance.</param>
    /// <param name="contracts">Contracts held (default 1).</param>
    /// <param name="recordEquity">Record equity at every bar close.</param>
    /// <exception cref="ArgumentException">No bars, or fewer than one contract.</exception>
    public static async ValueTask<BacktestResult> BuyAndHoldAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        int contracts = 1, bool recordEquity = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        if (bars.Count == 0)
            throw new ArgumentException("no bars", nameof(bars));
        ArgumentOutOfRangeException.ThrowIfLessThan(contracts, 1);

        var contract = settings.Contract;
        var start = settings.StartingBalance;
        var clock = new BacktestClock(bars[0].OpenTime);
        var inbox = new BrokerEventQueue();
        var broker = new SimulatedBroker(contract, settings.Fills, start, barPeriod, inbox, clock, singleCaller: true);
        var recorder = new ResultRecorder(start, recordEquity, bars.Count);
        var fills = new List<BrokerFill>(2);
        await broker.PlaceAsync(new OrderRequest("buy_and_hold", OrderSide.Buy, OrderType.Market, contracts), cancellationToken);

        var balance = start;
        var position = 0;
        var entry = 0m;
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            clock.Now = bar.OpenTime + barPeriod;
            if (recorder.StartsDay(bar.OpenTime))
                recorder.StartDay(bar.OpenTime, balance + contract.PnL(1, entry, bar.Open, position));
            // Once the buy has filled no order works until the exit, so the broker is shown only the last bar, whose close
            // the exit fills at (CompleteAsync); a bar with nothing working changes nothing else in it.
            if (position == 0 || i == bars.Count - 1)
                await broker.OnBarAsync(bar, cancellationToken);
            if (TakeFills(inbox, fills))
            {
                var account = await broker.GetAccountAsync(cancellationToken);
                (balance, position, entry) = (account.Balance, account.Position, account.AveragePrice);
            }
            var open = contract.PnL(1, entry, bar.Close, position);
            var worst = contract.PnL(1, entry, bar.Low, position);
            recorder.EndBar(clock.Now, balance + open, balance + worst, position != 0);
        }

        await broker.PlaceAsync(new OrderRequest("buy_and_hold-exit", OrderSide.Sell, OrderType.Market, contracts, ReduceOnly: true), cancellationToken);
        await broker.CompleteAsync(cancellationToken);
        TakeFills(inbox, fills);
        balance = (await broker.GetAccountAsync(cancellationToken)).Balance;
        recorder.AmendLast(balance);
        if (fills.Count == 2)
        {
            var (buy, sell) = (fills[0], fills[1]);
            var gross = contract.PnL(1, buy.Price, sell.Price, contracts);
            var conditions = new MarketConditions(TradingSession.Of(buy.Time), 0, 0,
                CmeSession.ExchangeTimeOfDay(buy.Time).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), "unknown");
            recorder.OnTradeClosed(new TradeRecord("buy_and_hold", buy.Time, "buy_and_hold", 0, "long", buy.Price, bars[0].Open, 0, 0, contracts, 0,
                conditions, sell.Time, [new TradeExit(sell.Time, sell.Price, contracts, "end_of_data")], gross, buy.Commission + sell.Commission,
                "end_of_data", balance), null);
        }
        var last = bars[^1].OpenTime + barPeriod;
        return recorder.Finish(new BacktestRunInfo(contract.Symbol, contract, barPeriod, bars[0].OpenTime, last, bars.Count, start, "buy and hold"));
    }

    /// <summary>Moves the fills waiting in <paramref name="inbox"/> to <paramref name="fills"/>; true when there were any.</summary>
    private static bool TakeFills(BrokerEventQueue inbox, List<BrokerFill> fills)
    {
        var any = false;
        while (inbox.Count > 0)
        {
            foreach (var e in inbox.Dequeue())
            {
                if (e is OrderFilled filled)
                {
                    fills.Add(filled.Fill);
                    any = true;
                }
            }
        }
        return any;
    }

    /// <summary>Backtests an <see cref="EmaCrossoverSignals"/> source (20/50 on the strategy's entry time frame, 1.5 ATR stop, the strategy's stop bounds).</summary>
    public static ValueTask<BacktestResult> EmaCrossoverAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        int fast = 20, int slow = 50, decimal stopAtr = 1.5m, bool recordEquity = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var s = settings.Strategy;
        var source = new EmaCrossoverSignals(settings.Contract, barPeriod, s.EntryTimeFrame, fast, slow, stopAtr, s.MinStopTicks, s.MaxStopTicks);
        var options = new BacktestOptions { RecordEquity = recordEquity, Description = $"EMA {fast}/{slow} crossover, {stopAtr} ATR stop" };
        return new BacktestEngine(settings).RunAsync(bars, barPeriod, source, options, cancellationToken);
    }

    /// <summary>
    /// Backtests a <see cref="RandomEntrySignals"/> source matched to a strategy run: the chance of
    /// a signal per entry bar is the strategy's trade count divided by the number of entry bars whose
    /// close falls inside the entry window (<see cref="EntryBarsInWindow"/>), and stop distances are drawn
    /// from the strategy trades' initial stops (|entry − stop| in ticks). With no strategy trades it
    /// uses <see cref="StrategyOptions.MinStopTicks"/> and the chance 0.
    /// </summary>
    /// <param name="strategy">The strategy's result on the same bars.</param>
    /// <param name="seed">Seed of the random generator (same seed, same run).</param>
    /// <param name="entryBarsInWindow"><see cref="EntryBarsInWindow"/> of the same bars and settings when it is already known
    /// (it does not depend on the strategy, so a caller can count it beside the strategy's run); null: counted here.</param>
    public static ValueTask<BacktestResult> RandomEntriesAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, BacktestSettings settings,
        BacktestResult strategy, int seed, bool recordEquity = true, int? entryBarsInWindow = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(strategy);
        var contract = settings.Contract;
        var entryBars = entryBarsInWindow ?? EntryBarsInWindow(bars, settings);
        var stops = strategy.Trades.Where(t => t.Stop != 0).Select(t => (int)contract.ToTicks(Math.Abs(t.Entry - t.Stop))).Where(t => t > 0).ToList();
        var probability = stops.Count == 0 || entryBars == 0 ? 0 : Math.Min(1, strategy.Trades.Count / (double)entryBars);
        if (stops.Count == 0)
            stops.Add(settings.Strategy.MinStopTicks);
        var source = new RandomEntrySignals(contract, barPeriod, settings.Strategy.EntryTimeFrame, probability, stops, seed);
        var options = new BacktestOptions { RecordEquity = recordEquity, Description = $"random entries (seed {seed}, p {probability:0.####} per entry bar)" };
        return new BacktestEngine(settings).RunAsync(bars, barPeriod, source, options, cancellationToken);
    }

    /// <summary>
    /// The entry-time-frame bars (<see cref="StrategyOptions.EntryTimeFrame"/>) of <paramref name="bars"/> whose close falls inside the
    /// entry window of <see cref="RiskOptions"/> (<see cref="SessionSchedule"/>, exchange time): the bars on which the strategy may signal.
    /// </summary>
    /// <exception cref="FormatException">The entry time frame is not a valid time frame (<see cref="TimeFrame.Parse"/>).</exception>
    public static int EntryBarsInWindow(IReadOnlyList<Bar> bars, BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(settings);
        var frame = TimeFrame.Parse(settings.Strategy.EntryTimeFrame);
        var schedule = new SessionSchedule(settings.Risk);
        // One conversion to exchange time per entry bar, through a clock that keeps the zone's offset for a week.
        var exchange = new ZoneClock(CmeSession.Chicago);
        var entryBars = 0;
        var lastBucket = DateTimeOffset.MinValue;
        var day = default(TradingDayBounds);
        foreach (var bar in bars)
        {
            day = day.For(bar.OpenTime);
            var bucket = frame.BucketOpen(bar.OpenTime, day);
            if (bucket == lastBucket)
                continue;
            lastBucket = bucket;
            var close = exchange.ToLocal(bucket + frame.Period).DateTime;
            var local = TimeOnly.FromDateTime(close);
            var times = schedule.For(DateOnly.FromDateTime(close));
            if (local >= times.WindowStart && local < times.WindowEnd)
                entryBars++;
        }
        return entryBars;
    }
}
