using System.Globalization;
using System.Text.RegularExpressions;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Chaos;

/// <summary>
/// The invariants of the chaos campaign, judged from the simulator's own account (never from the daemon's view of it),
/// at every settled step of market time:
/// <list type="bullet">
/// <item><c>flip</c>, <c>oversize</c>, <c>unknown_position</c>: a position opposite to the side of GoldBot's last entry,
/// larger than that entry, or with no entry at all;</item>
/// <item><c>naked</c>: a position without a working exit-side stop of at least its size for more than the tolerance (2 s);</item>
/// <item><c>exit_on_flat</c>: a stop or limit working on a flat account for more than the tolerance (a Mode B limit entry
/// is not an exit);</item>
/// <item><c>stale_entry</c>: a limit entry still working more than the tolerance after its working time
/// (<c>Strategy:LimitExpiryBars</c> entry bars from its placement);</item>
/// <item><c>oversized_exit</c>: an exit-side order larger than the position for more than the tolerance;</item>
/// <item><c>not_flat_by_close</c>: a position between the day's session close (15:10 CT, or the early close) and 17:00 CT;</item>
/// <item><c>daily_loss_limit</c>, <c>max_loss_limit</c>: the day's P&amp;L (balance and open P&amp;L at the last price, from the
/// balance at 17:00 CT) below −(daily loss limit + allowance + gaps), or equity below the trailing maximum-loss floor − (allowance +
/// gaps), where gaps are what stops lost beyond their stop prices (the market gapped through them: after a quiet market, a halt),
/// and what a limit entry lost between its price and the end of the synthesized price move that filled it (one move of the
/// simulator's four-price path per bar can carry the market past where its stop would go before any order can follow),
/// that day and since the start respectively.</item>
/// </list>
/// Each is reported once per episode (while it lasts), with the market time it was found.
/// </summary>
public sealed partial class AccountInvariants(RiskOptions risk, ContractSpec contract, SessionSchedule schedule, TimeSpan tolerance, decimal allowance,
    TimeSpan limitEntryLife = default)
{
    private readonly Dictionary<string, DateTimeOffset> _since = [];
    private readonly HashSet<string> _reported = [];
    private DateOnly? _day;
    private decimal _dayStart;
    private decimal _highestClose = risk.StartingBalance;
    private decimal _floor = MaxLossFloor.Initial(risk);
    private decimal _lastBalance = risk.StartingBalance;

    private readonly List<ChaosViolation> _violations = [];

    /// <summary>Violations found, in order.</summary>
    public IReadOnlyList<ChaosViolation> Violations => _violations;

    /// <summary>
    /// The invariants of a daemon configured by <paramref name="settings"/>: its risk rules, contract and session calendar,
    /// with the campaign's tolerance (<see cref="ChaosRun.Tolerance"/>) and allowance (<see cref="ChaosRun.LossLimitAllowance"/>).
    /// </summary>
    /// <exception cref="Configuration.SettingsException">The calendar file cannot be read.</exception>
    public static AccountInvariants For(Configuration.GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var contract = settings.Contract();
        var schedule = new SessionSchedule(settings.Risk, Configuration.CalendarFile.Load(settings), contract.Symbol);
        var entryLife = settings.Strategy.LimitExpiryBars * TimeFrame.Parse(settings.Strategy.EntryTimeFrame).Period;
        return new AccountInvariants(settings.Risk, contract, schedule, ChaosRun.Tolerance, ChaosRun.LossLimitAllowance, entryLife);
    }

    /// <summary>Entry orders GoldBot placed (client tags <c>gbXXXXXXXX-yyyyMMdd-HHmm-N</c>).</summary>
    public static bool IsEntry(SimOrder order) => order.CustomTag is { } tag && IsEntryTag(tag);

    /// <summary>True for the client tag of an entry order GoldBot placed (<c>gbXXXXXXXX-yyyyMMdd-HHmm-N</c>); exits add a suffix.</summary>
    public static bool IsEntryTag(string tag) => EntryTag().IsMatch(tag);

    /// <summary>Checks the account at <paramref name="now"/> (UTC).</summary>
    /// <param name="position">Signed position, contracts.</param>
    /// <param name="averagePrice">Its average price, points.</param>
    /// <param name="balance">Account balance, USD.</param>
    /// <param name="lastPrice">Last trade price, points.</param>
    /// <param name="working">Working orders of the contract.</param>
    /// <param name="lastEntry">GoldBot's latest entry order, or null.</param>
    /// <param name="stopGaps">Stop fills so far: their time, and what each lost beyond its stop price, USD (≥ 0).</param>
    public void Observe(DateTimeOffset now, int position, decimal averagePrice, decimal balance, decimal? lastPrice, IReadOnlyList<SimOrder> working, SimOrder? lastEntry,
        IReadOnlyList<(DateTimeOffset Time, decimal Loss)>? stopGaps = null)
    {
        ArgumentNullException.ThrowIfNull(working);
        RollDay(now, balance);
        var size = Math.Abs(position);
        var exit = position > 0 ? OrderSide.Ask : OrderSide.Bid;
        Once("unknown_position", position != 0 && lastEntry is null, now, () => $"position {position} with no entry by GoldBot");
        Once("flip", position != 0 && lastEntry is not null && Math.Sign(position) != lastEntry.Direction, now,
            () => $"position {position} opposite to entry {lastEntry!.CustomTag} ({lastEntry.Side} {lastEntry.Size})");
        Once("oversize", position != 0 && lastEntry is not null && size > lastEntry.Size, now, () => $"position {position} larger than entry {lastEntry!.CustomTag} ({lastEntry.Size})");

        var covered = position == 0 || working.Any(o => o.Type == OrderType.Stop && o.Side == exit && o.Size - o.FillVolume >= size);
        Lasting("naked", !covered, now, () => $"position {position} without a working stop of its size (working: {Describe(working)})");
        Lasting("exit_on_flat", position == 0 && working.Any(o => o.Type is OrderType.Stop or OrderType.Limit && !IsEntry(o)), now,
            () => $"orders working on a flat account: {Describe(working)}");
        Lasting("stale_entry", working.Any(o => o.Type == OrderType.Limit && IsEntry(o) && now - o.CreationTimestamp > limitEntryLife), now,
            () => $"a limit entry working past its {limitEntryLife.TotalMinutes:0} minutes: {Describe(working.Where(IsEntry))}");
        Lasting("oversized_exit", position != 0 && working.Any(o => o.Side == exit && o.Size - o.FillVolume > size), now,
            () => $"an exit order larger than position {position}: {Describe(working.Where(o => o.Side == exit && o.Size - o.FillVolume > size))}");

        var local = CmeSession.ExchangeTimeOfDay(now);
        var times = schedule.At(now);
        var weekday = CmeSession.ToExchangeTime(now).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        Once("not_flat_by_close", weekday && position != 0 && local >= times.Close && local < CmeSession.TradingDayStart, now,
            () => $"position {position} at {local:HH\\:mm\\:ss} CT, after the {times.Close:HH\\:mm} CT close");

        var open = position == 0 || lastPrice is not { } last ? 0m : contract.PnL(Math.Sign(position), averagePrice, last, size);
        var equity = balance + open;
        var gaps = stopGaps ?? [];
        var gapsToday = gaps.Where(g => CmeSession.TradingDayOf(g.Time) == _day).Sum(g => g.Loss);
        var gapsInAll = gaps.Sum(g => g.Loss);
        Once("daily_loss_limit", equity - _dayStart < -(risk.DailyLossLimit + allowance + gapsToday), now,
            () => $"day's P&L {equity - _dayStart:F2} USD below −({risk.DailyLossLimit} + {allowance} + {gapsToday} gaps)");
        Once("max_loss_limit", equity < _floor - allowance - gapsInAll, now, () => $"equity {equity:F2} below the floor {_floor:F2} − ({allowance} + {gapsInAll} gaps)");
        _lastBalance = balance;
    }

    /// <summary>Reads the simulator's account (under its gate) and checks it at <paramref name="now"/>.</summary>
    public async Task ObserveAsync(GatewaySimulator.Hosting.SimulatedGateway gateway, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        var state = await gateway.ReadAsync(g =>
        {
            var engine = g.Engine;
            var position = engine.Positions.FirstOrDefault(p => p.Size > 0);
            var fills = engine.Trades.Select(t => (Trade: t, Order: engine.Order(t.OrderId))).ToList();
            var gaps = fills
                .Where(f => f.Order is { Type: OrderType.Stop, StopPrice: not null })
                .Select(f => (f.Trade.CreationTimestamp, Math.Max(0m, contract.PnL(-f.Order!.Direction, f.Order.StopPrice!.Value, f.Trade.Price, f.Trade.Size) * -1)))
                .Concat(fills
                    .Where(f => f.Order is { Type: OrderType.Limit } o && IsEntry(o) && engine.MoveEndPrices.ContainsKey(f.Trade.Id))
                    .Select(f => (f.Trade.CreationTimestamp, Math.Max(0m, -contract.PnL(f.Order!.Direction, f.Trade.Price, engine.MoveEndPrices[f.Trade.Id], f.Trade.Size)))))
                .ToList();
            return (Position: position?.SignedSize ?? 0, Average: position?.AveragePrice ?? 0, Balance: engine.Accounts.First().Balance,
                Last: engine.LastPrice(g.Replay.ContractId), Working: engine.Orders.Where(o => o.IsWorking).ToList(), LastEntry: engine.Orders.LastOrDefault(IsEntry), Gaps: gaps);
        }, cancellationToken).ConfigureAwait(false);
        Observe(now, state.Position, state.Average, state.Balance, state.Last, state.Working, state.LastEntry, state.Gaps);
    }

    /// <summary>Reports a violation found outside the account checks (the journal, the entries, the daemon's exit).</summary>
    public void Report(string kind, DateTimeOffset now, string detail) => _violations.Add(new ChaosViolation(kind, now, detail));

    private void RollDay(DateTimeOffset now, decimal balance)
    {
        var day = CmeSession.TradingDayOf(now);
        if (_day == day)
            return;
        if (_day is not null)
        {
            _highestClose = Math.Max(_highestClose, _lastBalance);
            _floor = MaxLossFloor.AfterDay(_floor, _highestClose, risk);
        }
        _day = day;
        _dayStart = balance;
    }

    private void Once(string kind, bool failing, DateTimeOffset now, Func<string> detail)
    {
        if (!failing)
        {
            _reported.Remove(kind);
            return;
        }
        if (_reported.Add(kind))
            _violations.Add(new ChaosViolation(kind, now, detail()));
    }

    private void Lasting(string kind, bool failing, DateTimeOffset now, Func<string> detail)
    {
        if (!failing)
        {
            _since.Remove(kind);
            _reported.Remove(kind);
            return;
        }
        var since = _since.TryGetValue(kind, out var start) ? start : _since[kind] = now;
        if (now - since > tolerance && _reported.Add(kind))
            _violations.Add(new ChaosViolation(kind, now, $"{detail()} for {(now - since).TotalSeconds:0.###} s (since {since:HH:mm:ss} UTC)"));
    }

    private static string Describe(IEnumerable<SimOrder> orders) =>
        string.Join(", ", orders.Select(o => string.Create(CultureInfo.InvariantCulture,
            $"{o.CustomTag ?? o.Id.ToString(CultureInfo.InvariantCulture)} {o.Side} {o.Type} {o.Size - o.FillVolume}")).DefaultIfEmpty("none"));

    [GeneratedRegex(@"^gb[0-9a-f]{8}-\d{8}-\d{4}-\d+$")]
    private static partial Regex EntryTag();
}
