using System.Globalization;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Strategy;

namespace GoldBot.Risk;

/// <summary>
/// Enforces the account rules before every entry and while positions are open. Topstep's rules
/// (maximum loss limit trailing the end-of-day balance high and stopping at the starting
/// balance; contract limit; flat before 15:10 CT, <c>research/topstepx-api.md</c> §11) and
/// GoldBot's own (daily loss limit, risk per trade with half risk for the first trades, stop
/// after consecutive losses, entry window, news blackouts, pause and emergency stop).
/// Sizing: <c>contracts = floor(budget / (stop ticks × tick value + round-trip costs per contract))</c>,
/// capped by the default size and the contract limit, where the budget is the per-trade risk
/// limited to what is left of the daily loss limit and of the distance to the maximum-loss floor,
/// so a trade stopped out at its stop cannot break either limit. Every refusal has a reason.
/// Not thread-safe: one caller (the risk manager service) owns it.
/// </summary>
public sealed class RiskManager
{
    private readonly RiskOptions _options;
    private readonly ContractSpec _contract;
    private readonly FillModelOptions _costs;
    private readonly TimeSpan _barPeriod;
    private readonly SessionSchedule _schedule;
    private DateOnly _windowMessageDate;
    private string _windowMessage = "";
    private DateOnly _tradingDay;
    private DateTimeOffset _tradingDayOpen;
    private DateTimeOffset _tradingDayEnd;
    private bool _started;
    private decimal _balance;
    private decimal _dayStartBalance;
    private decimal _highestEndOfDayBalance;
    private decimal _maxLossFloor;
    private int _position;
    private decimal _averagePrice;
    private decimal _markPrice;
    private bool _entryPending;
    private int _consecutiveLosses;
    private int _dailyTrades;
    private int _totalTrades;
    private string? _haltedToday;
    private string? _haltedForGood;
    // True after a mark of a flat account with no entry working, until the balance, the trading day or the state changes.
    private bool _markedFlat;

    /// <summary>Creates the manager; <paramref name="barPeriod"/> is the spacing of <see cref="OnMarket(DateTimeOffset, Bar)"/> calls (to flatten one bar early rather than late).</summary>
    /// <param name="schedule">The daily window and flatten times (with the CME calendar's early closes); null for the configured ones only.</param>
    public RiskManager(RiskOptions options, ContractSpec contract, FillModelOptions costs, TimeSpan barPeriod, SessionSchedule? schedule = null)
    {
        _options = options;
        _contract = contract;
        _costs = costs;
        _barPeriod = barPeriod;
        _schedule = schedule ?? new SessionSchedule(options);
        _balance = _dayStartBalance = _highestEndOfDayBalance = options.StartingBalance;
        _maxLossFloor = MaxLossFloor.Initial(options);
        DefaultContracts = options.DefaultContracts;
    }

    /// <summary>Contracts per trade when risk allows (changed by ADJUST_RISK.txt).</summary>
    public int DefaultContracts { get; private set; }

    /// <summary>True while PAUSE_TRADING.txt exists.</summary>
    public bool Paused { get; private set; }

    /// <summary>True once an emergency stop was requested; never cleared while running.</summary>
    public bool EmergencyStop { get; private set; }

    /// <summary>Why the order executor refuses new entries now (a flatten, an order whose outcome is unknown, a disagreement with the broker), or null.</summary>
    public string? ExecutionBlockedBy { get; set; }

    /// <summary>Why the market data cannot be trusted now (a stale or disconnected feed while the market is open), or null.</summary>
    public string? FeedBlockedBy { get; set; }

    /// <summary>Why the operator's record cannot be kept now (a file that cannot be written, under <c>Monitoring:OnWriteFailure Stop</c>), or null.</summary>
    public string? RecordBlockedBy { get; set; }

    /// <summary>Open P&amp;L of the position at the last mark, USD (0 before the first price: a position is never marked against nothing).</summary>
    public decimal OpenPnL => _position == 0 || _markPrice == 0 ? 0 : _contract.PnL(Math.Sign(_position), _averagePrice, _markPrice, Math.Abs(_position));

    /// <summary>Balance plus open P&amp;L, USD.</summary>
    // Flat, the balance itself: adding a zero of scale 0 gives the same decimal, so the addition is spared at every flat bar.
    public decimal Equity => _position == 0 ? _balance : _balance + OpenPnL;

    /// <summary>Today's P&amp;L, realised and open, against the balance at the start of the trading day, USD.</summary>
    public decimal DailyPnL => Equity - _dayStartBalance;

    /// <summary>Balance plus open P&amp;L at the worst price of the last bar for the position (its low when long, high when short), USD.</summary>
    public decimal WorstEquity { get; private set; }

    /// <summary>
    /// Called at every bar close with the market time and the bar (prices in points). Rolls the
    /// trading day at 17:00 CT (updating the trailing maximum-loss floor from the closing
    /// balance), marks the position at the close, and returns the reason to flatten now, or null:
    /// <c>max_loss_limit</c> (equity at the bar's worst price touched the floor), <c>daily_loss_limit</c>,
    /// <c>session_end</c> (still open when a new trading day began: an early close or missing bars),
    /// or <c>eod_flatten</c> (the day's flatten time, see <see cref="SessionSchedule"/>).
    /// </summary>
    public string? OnMarket(DateTimeOffset now, Bar bar)
    {
        var rolled = RollTradingDay(now);
        _markPrice = bar.Close;
        // Flat with no entry working the answer is null, and the marks below depend only on the balance, the day's start and
        // the floor: when none of them changed since the last such mark, neither did the marks nor the halts they set.
        if (_markedFlat)
            return null;
        var exposed = _position != 0 || _entryPending;
        _markedFlat = !exposed;
        WorstEquity = _position == 0 ? _balance
            : _balance + _contract.PnL(Math.Sign(_position), _averagePrice, _position > 0 ? bar.Low : bar.High, Math.Abs(_position));

        if (WorstEquity <= _maxLossFloor)
        {
            _haltedForGood ??= $"maximum loss limit: equity {WorstEquity.ToString("F2", CultureInfo.InvariantCulture)} at or below floor {_maxLossFloor.ToString("F2", CultureInfo.InvariantCulture)}";
            return exposed ? "max_loss_limit" : null;
        }
        if (DailyPnL <= -_options.DailyLossLimit)
        {
            _haltedToday ??= $"daily loss limit reached ({DailyPnL.ToString("F2", CultureInfo.InvariantCulture)} USD)";
            return exposed ? "daily_loss_limit" : null;
        }
        if (!exposed)
            return null;
        return rolled ? "session_end" : MustBeFlat(now) ? "eod_flatten" : null;
    }

    /// <summary>
    /// Called every second of market time in the gateway modes, whether bars and prints arrive or not: rolls the
    /// trading day, marks the position at <paramref name="lastPrice"/> (the latest trade or quote, points; null
    /// keeps the last mark) and returns the reason to flatten now, or null: <c>max_loss_limit</c> and
    /// <c>daily_loss_limit</c> (as at a bar close, marked at that price), <c>session_end</c>, <c>flat_by_deadline</c>
    /// (still exposed at the day's <see cref="SessionTimes.FlatBy"/>: the hard check) or <c>eod_flatten</c> (from
    /// <see cref="SessionTimes.FlattenAt"/>). Exchange times follow <see cref="SessionSchedule"/> (early closes included).
    /// </summary>
    public string? OnClock(DateTimeOffset now, decimal? lastPrice)
    {
        var rolled = RollTradingDay(now);
        if (lastPrice is { } price)
            _markPrice = price;
        var exposed = _position != 0 || _entryPending;
        if (_markPrice != 0 && Equity <= _maxLossFloor)
        {
            _haltedForGood ??= $"maximum loss limit: equity {Equity.ToString("F2", CultureInfo.InvariantCulture)} at or below floor {_maxLossFloor.ToString("F2", CultureInfo.InvariantCulture)}";
            return exposed ? "max_loss_limit" : null;
        }
        if (DailyPnL <= -_options.DailyLossLimit)
        {
            _haltedToday ??= $"daily loss limit reached ({DailyPnL.ToString("F2", CultureInfo.InvariantCulture)} USD)";
            return exposed ? "daily_loss_limit" : null;
        }
        if (!exposed)
            return null;
        if (rolled)
            return "session_end";
        var local = CmeSession.ExchangeTimeOfDay(now);
        if (local >= CmeSession.TradingDayStart)
            return null;
        var times = _schedule.At(now);
        return local >= times.FlatBy ? "flat_by_deadline" : local >= times.FlattenAt ? "eod_flatten" : null;
    }

    /// <summary>As <see cref="OnMarket(DateTimeOffset, Bar)"/> with a flat bar at <paramref name="price"/> (points).</summary>
    public string? OnMarket(DateTimeOffset now, decimal price) => OnMarket(now, new Bar(now, price, price, price, price, 0));

    /// <summary>Decides whether to trade <paramref name="signal"/> now, and how large.</summary>
    public RiskDecision Evaluate(TradeSignal signal, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signal);
        RollTradingDay(now);
        if (signal.Rejection is { } rejected)
            return RiskDecision.Refuse(rejected);
        if (now - signal.Time is var age && age > TimeSpan.FromSeconds(_options.MaxSignalAgeSeconds))
            return RiskDecision.Refuse(string.Create(CultureInfo.InvariantCulture, $"stale signal: its bar closed {age.TotalSeconds:0} s ago (limit {_options.MaxSignalAgeSeconds} s)"));
        if (BlockedBy(now) is { } blocked)
            return RiskDecision.Refuse(blocked);
        if (Learning?.BlockedBy(signal) is { } unlearned)
            return RiskDecision.Refuse(unlearned);

        var budget = _options.MaxRiskPerTrade * (_totalTrades < _options.HalfRiskTrades ? 0.5m : 1m);
        // Touching the maximum-loss floor breaks the Topstep rule, so the planned worst case stays a cent above it.
        budget = Math.Min(budget, Math.Min(_options.DailyLossLimit + DailyPnL, Equity - _maxLossFloor - 0.01m));
        var perContract = signal.StopTicks * _contract.TickValue + RoundTripCost;
        var byRisk = budget <= 0 ? 0 : (int)decimal.Floor(budget / perContract);
        var room = MaxInstrumentContracts - Math.Abs(_position);
        // The learning system scales the default size (never below one contract); the risk budget and the room still cap it.
        var sized = Learning is { SizeMultiplier: var multiplier } && multiplier != 1m ? Math.Max(1, (int)decimal.Floor(DefaultContracts * multiplier)) : DefaultContracts;
        var full = Math.Min(byRisk, Math.Min(sized, room));
        // A filter's size-down (TradeSignal.SizeFactor), rounded down to whole contracts.
        var quantity = signal.SizeFactor < 1m ? (int)decimal.Floor(full * Math.Max(0m, signal.SizeFactor)) : full;
        if (quantity < _options.MinContracts)
        {
            return RiskDecision.Refuse(byRisk < _options.MinContracts
                ? $"risk budget {Usd(budget)} covers {byRisk} contracts at a {signal.StopTicks}-tick stop ({Usd(perContract)} per contract), minimum {_options.MinContracts}"
                : full >= _options.MinContracts
                    ? string.Create(CultureInfo.InvariantCulture, $"size ×{signal.SizeFactor} leaves {quantity} of {full} contracts, minimum {_options.MinContracts} ({signal.SizeNote})")
                    : $"contract limit: {room} contracts of room, minimum {_options.MinContracts}");
        }

        _entryPending = true;
        _markedFlat = false;
        var targets = signal.Exit.Profile == ExitProfile.AtrTrail
            ? TrailTargets(quantity, signal.StopTicks, signal.Exit.FirstTargetTicks)
            : Targets(quantity, signal.StopTicks, _options.RunnerTargetR);
        // The distance to the next news blackout is recorded with the trade (the learning system's news condition).
        if (MinutesToNextNews(now) is { } minutes)
            signal = signal with { Conditions = signal.Conditions with { MinutesToNews = Math.Round(minutes) } };
        var plan = new TradePlan(signal, quantity, signal.StopTicks, targets, quantity * perContract, budget)
        {
            EntryExpiresAt = signal.Entry.Limit ? Min(signal.Time + signal.Entry.WorksFor, WindowEnd(now)) : null,
            SizeNote = Learning?.SizeNote,
        };
        return new RiskDecision(plan, null);
    }

    /// <summary>
    /// Minutes from <paramref name="now"/> to the start of the next news blackout, or null when none is ahead. Its own method, so
    /// the lambdas' captured <paramref name="now"/> is allocated only for an approved entry, not at every evaluation.
    /// </summary>
    private double? MinutesToNextNews(DateTimeOffset now) =>
        _options.NewsBlackouts.Where(b => b.Start > now).Select(b => (double?)(b.Start - now).TotalMinutes).Min();

    /// <summary>
    /// The learning system (issue 13), or null for none: it can refuse a signal whose pattern or condition it disabled and scale
    /// the default size; the limits here still cap every trade. Fed with closed trades by <see cref="RiskStage.OnPosition"/>.
    /// </summary>
    public Learning.LearningSystem? Learning { get; set; }

    /// <summary>Why no new entry can be approved at <paramref name="now"/>, or null when one can.</summary>
    public string? BlockedBy(DateTimeOffset now)
    {
        if (EmergencyStop)
            return "emergency stop (EMERGENCY_STOP.txt)";
        if (_haltedForGood is { } forGood)
            return forGood;
        if (Paused)
            return "paused (PAUSE_TRADING.txt)";
        if (_haltedToday is { } today)
            return today;
        var local = CmeSession.ExchangeTimeOfDay(now);
        var times = _schedule.At(now);
        if (local < times.WindowStart || local >= times.WindowEnd)
            return WindowMessage(now, times);
        foreach (var blackout in _options.NewsBlackouts)
        {
            if (now >= blackout.Start && now < blackout.End)
                return $"news blackout: {blackout.Name}";
        }
        if (FeedBlockedBy is { } feed)
            return feed;
        if (ExecutionBlockedBy is { } execution)
            return execution;
        if (RecordBlockedBy is { } record)
            return record;
        if (_position != 0 || _entryPending)
            return "a position is already open";
        if (DailyPnL <= -_options.DailyLossLimit)
            return "daily loss limit reached";
        return null;
    }

    /// <summary>The executor's view of the position after a fill, cancellation or rejection.</summary>
    /// <param name="position">Net contracts (&gt; 0 long).</param>
    /// <param name="averagePrice">Average entry price, points.</param>
    /// <param name="entryPending">True while an entry order is working.</param>
    /// <param name="balance">Account balance after the event, USD.</param>
    public void OnPosition(int position, decimal averagePrice, bool entryPending, decimal balance)
    {
        _markedFlat = false;
        if (_position == 0 && position != 0)
        {
            _dailyTrades++;
            _totalTrades++;
        }
        _position = position;
        _averagePrice = averagePrice;
        _entryPending = entryPending;
        _balance = balance;
    }

    /// <summary>Counts a closed trade's result towards the consecutive-loss rule.</summary>
    /// <param name="netPnL">Trade P&amp;L after costs, USD.</param>
    public void OnTradeClosed(decimal netPnL)
    {
        _consecutiveLosses = netPnL < 0 ? _consecutiveLosses + 1 : 0;
        if (_consecutiveLosses >= _options.MaxConsecutiveLosses)
            _haltedToday ??= $"{_consecutiveLosses} consecutive losses: done for the day";
    }

    /// <summary>The state to save so a restart resumes it (see <see cref="Resume"/>); the day's fields belong to the trading day of the last call.</summary>
    public RiskState State => new(_tradingDay, _balance, _dayStartBalance, _highestEndOfDayBalance, _maxLossFloor, _consecutiveLosses, _dailyTrades, _totalTrades,
        _haltedToday, _haltedForGood);

    /// <summary>
    /// Continues from <paramref name="state"/> (the store's, or what <see cref="RiskStateRecovery"/> made of the gateway's account),
    /// before the first market call: its trading day becomes the current one, so the next call rolls only at the next 17:00 CT.
    /// </summary>
    public void Resume(RiskState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _markedFlat = false;
        _started = true;
        _tradingDay = state.TradingDay;
        _tradingDayOpen = CmeSession.TradingDayOpen(state.TradingDay);
        _tradingDayEnd = CmeSession.TradingDayOpen(state.TradingDay.AddDays(1));
        _balance = state.Balance;
        _dayStartBalance = state.DayStartBalance;
        _highestEndOfDayBalance = state.HighestEndOfDayBalance;
        _maxLossFloor = state.MaxLossFloor;
        _consecutiveLosses = state.ConsecutiveLosses;
        _dailyTrades = state.DailyTrades;
        _totalTrades = state.TotalTrades;
        _haltedToday = state.HaltedToday;
        _haltedForGood = state.HaltedForGood;
    }

    /// <summary>Blocks or allows new entries (PAUSE_TRADING.txt).</summary>
    public void SetPaused(bool paused) => Paused = paused;

    /// <summary>Blocks all new entries for the rest of the run (EMERGENCY_STOP.txt).</summary>
    public void StopForEmergency() => EmergencyStop = true;

    /// <summary>Most contracts of this instrument the contract limit allows (the limit is in micro equivalents).</summary>
    public int MaxInstrumentContracts => _options.MaxContracts / _contract.MicroEquivalent;

    /// <summary>Sets the default contracts per trade (ADJUST_RISK.txt), in contracts of the traded instrument.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [MinContracts, <see cref="MaxInstrumentContracts"/>].</exception>
    public void SetDefaultContracts(int contracts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contracts, _options.MinContracts);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contracts, MaxInstrumentContracts);
        DefaultContracts = contracts;
    }

    /// <summary>The entry window and flatten times (CT) that apply at <paramref name="now"/> (UTC).</summary>
    public SessionTimes TimesAt(DateTimeOffset now) => _schedule.At(now);

    /// <summary>The state shown in status.json.</summary>
    public RiskStatus Status(DateTimeOffset now)
    {
        var blocked = _started ? BlockedBy(now) : "no market data yet";
        return new RiskStatus(blocked is null, blocked, _consecutiveLosses, DailyPnL, _options.DailyLossLimit + DailyPnL, _dailyTrades,
            _maxLossFloor, EmergencyStop, Paused, DefaultContracts, _totalTrades, _tradingDay, _balance);
    }

    private decimal RoundTripCost =>
        2 * _costs.CommissionPerSide + (_costs.MarketSlippageTicks + _costs.StopSlippageTicks) * _contract.TickValue;

    private bool MustBeFlat(DateTimeOffset now)
    {
        var local = CmeSession.ExchangeTimeOfDay(now);
        if (local >= _schedule.At(now).FlattenAt && local < CmeSession.TradingDayStart)
            return true;
        // Bars arrive only at their close: flatten at the last close before the deadline.
        var deadline = _schedule.FlatDeadline(now);
        return now < deadline && now + _barPeriod > deadline;
    }

    private string WindowMessage(DateTimeOffset now, SessionTimes times)
    {
        // One string per date rather than per call: this runs at every bar.
        var date = DateOnly.FromDateTime(CmeSession.ToExchangeTime(now).DateTime);
        if (date != _windowMessageDate || _windowMessage.Length == 0)
        {
            _windowMessageDate = date;
            _windowMessage = times.Closed ? $"exchange closed ({times.Holiday ?? "holiday"})"
                : times.Close == _options.SessionClose
                ? $"outside trading window {times.WindowStart:HH\\:mm}–{times.WindowEnd:HH\\:mm} CT"
                : $"outside trading window {times.WindowStart:HH\\:mm}–{times.WindowEnd:HH\\:mm} CT (early close {times.Close:HH\\:mm}{(times.Holiday is null ? "" : ", " + times.Holiday)})";
        }
        return _windowMessage;
    }

    /// <summary>Moves to the trading day of <paramref name="now"/>; true when a new one began.</summary>
    private bool RollTradingDay(DateTimeOffset now)
    {
        // The day's UTC bounds spare a time-zone conversion per bar (the hot path of a backtest).
        if (_started && now >= _tradingDayOpen && now < _tradingDayEnd)
            return false;
        var day = CmeSession.TradingDayOf(now);
        _tradingDayOpen = CmeSession.TradingDayOpen(day);
        _tradingDayEnd = CmeSession.TradingDayOpen(day.AddDays(1));
        if (!_started)
        {
            _started = true;
            _tradingDay = day;
            return false;
        }
        if (day == _tradingDay)
            return false;
        _markedFlat = false;
        _tradingDay = day;
        _highestEndOfDayBalance = Math.Max(_highestEndOfDayBalance, _balance);
        _maxLossFloor = MaxLossFloor.AfterDay(_maxLossFloor, _highestEndOfDayBalance, _options);
        _dayStartBalance = Equity;
        _consecutiveLosses = 0;
        _dailyTrades = 0;
        _haltedToday = null;
        return true;
    }

    private static IReadOnlyList<TargetLeg> Targets(int quantity, int stopTicks, decimal runnerR)
    {
        // The plan's split (design/000 "Take Profit Settings"): 50% at 1R, 40% at 2R, 10% runner
        // at 2.5R (RiskOptions.RunnerTargetR), in whole contracts; legs that round to zero are dropped.
        ReadOnlySpan<decimal> shares = [0.5m, 0.4m, 0.1m];
        ReadOnlySpan<decimal> multiples = [1m, 2m, runnerR];
        string[] names = ["tp1", "tp2", "runner"];
        Span<int> counts = stackalloc int[3];
        LargestRemainder.Split(shares, quantity, counts);
        var legs = new List<TargetLeg>(3);
        for (var i = 0; i < 3; i++)
        {
            if (counts[i] > 0)
                legs.Add(new TargetLeg(names[i], counts[i], (int)decimal.Round(multiples[i] * stopTicks, MidpointRounding.AwayFromZero), multiples[i]));
        }
        return legs;
    }

    /// <summary><c>atr_trail</c>'s legs: half (by largest remainder) at <paramref name="firstTargetTicks"/>, the rest trailing.</summary>
    private static IReadOnlyList<TargetLeg> TrailTargets(int quantity, int stopTicks, int firstTargetTicks)
    {
        Span<int> counts = stackalloc int[2];
        LargestRemainder.Split([0.5m, 0.5m], quantity, counts);
        var legs = new List<TargetLeg>(2);
        if (counts[0] > 0)
            legs.Add(new TargetLeg("tp1", counts[0], firstTargetTicks, decimal.Round((decimal)firstTargetTicks / stopTicks, 2)));
        if (counts[1] > 0)
            legs.Add(new TargetLeg("trail", counts[1], 0, 0, Trailing: true));
        return legs;
    }

    /// <summary>The end of the entry window of the exchange day of <paramref name="now"/>, UTC (the next one once it has passed).</summary>
    private DateTimeOffset WindowEnd(DateTimeOffset now)
    {
        var date = DateOnly.FromDateTime(CmeSession.ToExchangeTime(now).DateTime);
        var end = CmeSession.AtExchangeTime(date, _schedule.At(now).WindowEnd);
        return end > now ? end : CmeSession.AtExchangeTime(date.AddDays(1), _schedule.At(now).WindowEnd);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Usd(decimal amount) => "$" + amount.ToString("F2", CultureInfo.InvariantCulture);
}
