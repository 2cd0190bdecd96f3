using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// Runs a backtest on the daemon's own trading code: the <see cref="OrderBlockStrategy"/> (or any
/// <see cref="ISignalSource"/>), the <see cref="RiskManager"/> behind its <see cref="RiskStage"/>,
/// the <see cref="OrderExecutor"/> and the <see cref="SimulatedBroker"/>, called in the order the
/// hosted replay's services call them, without channels or lockstep waits. For each bar:
/// <list type="number">
/// <item>market time moves to the bar's close; the broker fills market orders at the open, the executor
/// reacts (an entry's stop and targets), then the broker fills the working orders on the rest of the bar
/// (its fill model, <see cref="FillModelOptions"/>); each batch of broker events goes to the executor, each
/// executor update to the risk stage (as the feed, executor and risk services do);</item>
/// <item>the signal source sees the bar; the risk stage marks the account at the close and may
/// ask for a flatten; every signal is decided, and a refused one is kept with its reason
/// (<see cref="BacktestResult.Refusals"/>; the risk manager's state after the last bar is
/// <see cref="BacktestResult.FinalRisk"/>);</item>
/// <item>the executor runs the flatten, then the approved plans; their broker events and position
/// reports follow, as they do in the executor's channel.</item>
/// </list>
/// At the end of data an exposed account is flattened (<c>end_of_data</c>) and a market order still
/// waiting fills at the last close (<see cref="SimulatedBroker.CompleteAsync"/>). Every call on the
/// simulated broker completes synchronously, so a run is a plain loop; the parity test in
/// <c>tests/GoldBot.Tests/Backtesting</c> shows it makes the same trades as the hosted replay.
/// Thread-safe in the sense that each run builds its own components; a settings object can be shared.
/// </summary>
public sealed class BacktestEngine
{
    private const int ProgressEvery = 1 << 16;
    private const int CancellationEvery = 1 << 12;

    /// <summary>Creates an engine for <paramref name="settings"/>.</summary>
    public BacktestEngine(BacktestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <summary>What is traded.</summary>
    public BacktestSettings Settings { get; }

    /// <summary>Backtests the order-block strategy on a bars file.</summary>
    public ValueTask<BacktestResult> RunAsync(BarFile file, BacktestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new BacktestOptions { Description = Path.GetFileName(file.Path) };
        return RunAsync(file.Bars, file.Period, null, options, cancellationToken);
    }

    /// <summary>
    /// Backtests <paramref name="signals"/> (null: a new <see cref="OrderBlockStrategy"/> with
    /// <see cref="BacktestSettings.Strategy"/>, behind the dollar filter when it is on: <see cref="StrategySource"/>) on <paramref name="bars"/>.
    /// </summary>
    /// <param name="bars">Closed bars in time order, prices in points, open times UTC.</param>
    /// <param name="barPeriod">Length of each bar.</param>
    /// <param name="signals">The signal source; it must be fresh (it sees every bar from the first).</param>
    /// <param name="options">Recording, warm-up and progress; null for the defaults.</param>
    /// <param name="cancellationToken">Checked every 4,096 bars.</param>
    /// <exception cref="ArgumentException">No bars after the warm-up, or a non-positive period.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async ValueTask<BacktestResult> RunAsync(IReadOnlyList<Bar> bars, TimeSpan barPeriod, ISignalSource? signals = null,
        BacktestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bars);
        options ??= new BacktestOptions();
        var warmup = options.WarmupBars;
        if (warmup < 0 || bars.Count <= warmup)
            throw new ArgumentException($"{bars.Count} bars leave none to trade after {warmup} warm-up bars", nameof(bars));
        if (barPeriod <= TimeSpan.Zero)
            throw new ArgumentException("the bar period must be positive", nameof(barPeriod));

        var settings = Settings;
        var contract = settings.Contract;
        var balance = settings.StartingBalance;
        var clock = new BacktestClock(bars[warmup].OpenTime);
        var inbox = new BrokerEventQueue();
        var broker = new SimulatedBroker(contract, settings.Fills, balance, barPeriod, inbox, clock, singleCaller: true);
        signals ??= StrategySource.Create(settings, barPeriod);
        var run = new Run(
            broker,
            inbox,
            new OrderExecutor(broker, contract, balance, clock, "bt"),
            new RiskStage(new RiskManager(settings.Risk, contract, settings.Fills, barPeriod) { Learning = Learned(settings) }),
            new ResultRecorder(balance, options.RecordEquity, bars.Count - warmup),
            signals,
            clock,
            barPeriod,
            contract,
            balance);

        for (var i = 0; i < warmup; i++)
            run.WarmUp(bars[i]);

        var total = bars.Count - warmup;
        for (var i = warmup; i < bars.Count; i++)
        {
            var done = i - warmup;
            if (done % CancellationEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (done % ProgressEvery == 0 && done > 0)
                    options.Progress?.Report(done / (double)total);
            }
            // One bar per call: a method called at every bar is optimised by the JIT within the first run, where a loop
            // inside a method called once per run may wait many runs for it.
            await run.OnBarAsync(bars[i], cancellationToken);
        }

        var end = clock.Now;
        if (run.Stage.TryFlatten(end))
        {
            run.Apply(await run.Executor.FlattenAsync("end_of_data", cancellationToken));
            await run.DrainAsync(cancellationToken);
        }
        await broker.CompleteAsync(cancellationToken);
        await run.DrainAsync(cancellationToken);
        if (run.Position == 0)
            run.Recorder.AmendLast(run.Balance);
        options.Progress?.Report(1);

        var info = new BacktestRunInfo(contract.Symbol, contract, barPeriod, bars[warmup].OpenTime, end, total, balance, options.Description);
        return run.Recorder.Finish(info, run.Stage.Risk.State);
    }

    /// <summary>The learning system of a run, having recorded <see cref="BacktestSettings.LearningHistory"/>.</summary>
    private static Learning.LearningSystem Learned(BacktestSettings settings)
    {
        var learning = new Learning.LearningSystem(settings.Learning, settings.Strategy.EnabledPatterns, settings.Risk.DefaultContracts);
        foreach (var trade in settings.LearningHistory ?? [])
            learning.Record(trade);
        return learning;
    }

    /// <summary>The components and running state of one backtest.</summary>
    private sealed class Run(SimulatedBroker broker, BrokerEventQueue inbox, OrderExecutor executor, RiskStage stage, ResultRecorder recorder,
        ISignalSource signals, BacktestClock clock, TimeSpan barPeriod, ContractSpec contract, decimal startingBalance)
    {
        private readonly List<TradeSignal> _found = new(4);
        private readonly List<TradePlan> _plans = new(2);
        private decimal _averagePrice;

        private int _ambiguousSeen;
        private decimal? _ambiguousGain;

        public OrderExecutor Executor { get; } = executor;

        public RiskStage Stage { get; } = stage;

        public ResultRecorder Recorder { get; } = recorder;

        /// <summary>Net contracts after the last executor update.</summary>
        public int Position { get; private set; }

        /// <summary>Balance after the last executor update, USD.</summary>
        public decimal Balance { get; private set; } = startingBalance;

        /// <summary>True when an entry filled during the current bar.</summary>
        private bool OpenedInBar { get; set; }

        /// <summary>A warm-up bar: only the signal source sees it, and what it finds is dropped.</summary>
        public void WarmUp(in Bar bar)
        {
            signals.OnBar(bar, _found);
            _found.Clear();
        }

        /// <summary>One bar of the run, in the order of the class summary.</summary>
        public ValueTask OnBarAsync(Bar bar, CancellationToken cancellationToken)
        {
            var close = bar.OpenTime + barPeriod;
            clock.Now = close;
            if (Recorder.StartsDay(bar.OpenTime))
                Recorder.StartDay(bar.OpenTime, EquityAt(bar.Open));
            // Most bars find the account flat with no order working: nothing can fill, no event follows and the executor has
            // nothing to follow, so step 1 is skipped and, unless the bar calls for an entry or a flatten, so is step 3
            // (and the async state machine with them).
            if (Position == 0 && !Executor.FollowsBars && broker.TrySkipIdleBar(bar))
            {
                var flatten = Decide(bar, close, inMarket: false);
                return flatten is null && _plans.Count == 0 ? default : ExecuteAsync(flatten, cancellationToken);
            }
            return FeedThenExecuteAsync(bar, close, cancellationToken);
        }

        /// <summary>Steps 1 to 3 of a bar with a position or an order working.</summary>
        private async ValueTask FeedThenExecuteAsync(Bar bar, DateTimeOffset close, CancellationToken cancellationToken)
        {
            var before = Position;
            OpenedInBar = false;

            // 1. The feed: the broker fills at the open (the executor places an entry's stop and targets),
            // then on the rest of the bar; events reach the executor, reports the risk stage.
            await broker.OnBarOpenAsync(bar, cancellationToken);
            if (inbox.Count > 0)
                await DrainAsync(cancellationToken);
            await broker.OnBarAsync(bar, cancellationToken);
            if (inbox.Count > 0)
            {
                // Only a limit entry filled on this bar leaves the broker anything to do at its close (and every fill is an
                // event), so a bar without events skips that call.
                await DrainAsync(cancellationToken);
                await broker.OnBarCloseAsync(bar, cancellationToken);
                if (inbox.Count > 0)
                    await DrainAsync(cancellationToken);
            }
            // The executor's exit rules and a Mode B entry follow the closed bar (as the risk stage passes it on in the daemon).
            if (Executor.FollowsBars)
            {
                Apply(await Executor.OnBarAsync(bar, close, cancellationToken));
                await DrainAsync(cancellationToken);
            }
            var flatten = Decide(bar, close, inMarket: before != 0 || Position != 0 || OpenedInBar);
            await ExecuteAsync(flatten, cancellationToken);
        }

        /// <summary>
        /// 2. Detector and risk: signals, marking, the bar's record, the flatten reason (null for none, or when one was already
        /// sent at this instant) and the decisions (approved plans wait in <see cref="_plans"/>).
        /// </summary>
        private string? Decide(in Bar bar, DateTimeOffset close, bool inMarket)
        {
            signals.OnBar(bar, _found);
            var flatten = Stage.OnBar(close, bar);
            var risk = Stage.Risk;
            Recorder.EndBar(close, risk.Equity, risk.WorstEquity, inMarket);
            if (flatten is not null && !Stage.TryFlatten(close))
                flatten = null;
            foreach (var signal in _found)
            {
                var decision = Stage.Evaluate(signal, close);
                if (decision.Plan is { } plan)
                    _plans.Add(plan);
                else
                    Recorder.OnRefused(signal, decision.Reason!);
            }
            _found.Clear();
            return flatten;
        }

        /// <summary>3. The executor: flatten first, then entries, each followed by the events it caused.</summary>
        private async ValueTask ExecuteAsync(string? flatten, CancellationToken cancellationToken)
        {
            if (flatten is not null)
            {
                Apply(await Executor.FlattenAsync(flatten, cancellationToken));
                await DrainAsync(cancellationToken);
            }
            foreach (var plan in _plans)
            {
                Apply(await Executor.EnterAsync(plan, cancellationToken));
                await DrainAsync(cancellationToken);
            }
            _plans.Clear();
        }

        /// <summary>Balance plus the open position marked at <paramref name="price"/> (points), USD.</summary>
        public decimal EquityAt(decimal price) =>
            Position == 0 ? Balance : Balance + contract.PnL(Math.Sign(Position), _averagePrice, price, Math.Abs(Position));

        /// <summary>Hands every waiting broker event to the executor, in order, and applies each update.</summary>
        public async ValueTask DrainAsync(CancellationToken cancellationToken)
        {
            while (inbox.Count > 0)
                Apply(await Executor.OnBrokerEventsAsync(inbox.Dequeue(), cancellationToken));
        }

        /// <summary>What the executor service does with an update (report it to the risk stage), plus recording.</summary>
        public void Apply(ExecutionUpdate update)
        {
            var ambiguous = broker.AmbiguousExits;
            for (; _ambiguousSeen < ambiguous.Count; _ambiguousSeen++)
                _ambiguousGain = (_ambiguousGain ?? 0) + ambiguous[_ambiguousSeen].TargetFirstGain;

            Position = update.Position.Position;
            _averagePrice = update.Position.AveragePrice;
            Balance = update.Position.Balance;
            if (update.Opened is not null)
                OpenedInBar = true;
            Stage.OnPosition(update.Position, update.Closed);
            if (update.Closed is { } closed)
            {
                Recorder.OnTradeClosed(closed, _ambiguousGain);
                _ambiguousGain = null;
            }
        }
    }
}
