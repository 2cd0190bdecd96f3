using System.Globalization;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Execution;

/// <summary>
/// The single writer of order and position state. It turns an approved <see cref="TradePlan"/>
/// into a bracket (market entry plus an attached stop for the whole size and one limit per
/// take-profit leg, all one-cancels-other on the position), manages it as fills arrive (after
/// the first target fills the stop moves to the entry price, breakeven, for the remainder; after
/// any target the stop's size follows the position) and flattens on request. It builds the
/// <see cref="TradeRecord"/> of each trade from the broker's fills, so the journal's P&amp;L is the
/// broker's balance change. Not thread-safe: one caller (the order executor service) owns it.
/// </summary>
public sealed class OrderExecutor
{
    private readonly IBroker _broker;
    private readonly ContractSpec _contract;
    private readonly Dictionary<long, string> _legs = [];
    private readonly string _tagPrefix;
    private int _sequence;
    private int _position;
    private decimal _averagePrice;
    private decimal _balance;
    private Trade? _trade;

    /// <summary>Creates the executor for one account and contract.</summary>
    /// <param name="tagPrefix">
    /// Start of every client order tag (ProjectX <c>customTag</c> must be unique per account): include
    /// something unique to the run, so tags never repeat across restarts. Default <c>gb</c>.
    /// </param>
    public OrderExecutor(IBroker broker, ContractSpec contract, decimal startingBalance, string tagPrefix = "gb")
    {
        _tagPrefix = tagPrefix;
        _broker = broker;
        _contract = contract;
        _balance = startingBalance;
    }

    private sealed class Trade(TradePlan plan, string tag)
    {
        public TradePlan Plan { get; } = plan;
        public string Tag { get; } = tag;
        public long EntryOrderId { get; set; }
        public bool Filled { get; set; }
        public DateTimeOffset EntryTime { get; set; }
        public decimal EntryPrice { get; set; }
        public long StopOrderId { get; set; }
        public decimal StopPrice { get; set; }
        public decimal InitialStop { get; set; }
        public bool AtBreakeven { get; set; }
        public string? FlattenReason { get; set; }
        public List<TradeExit> Exits { get; } = [];
        public decimal Gross { get; set; }
        public decimal Commission { get; set; }
    }

    /// <summary>The position as the executor last saw it.</summary>
    public PositionState Position => new(_position, _averagePrice, _trade is { Filled: false }, _balance);

    /// <summary>The trade in progress (entry filled, not yet flat), or null.</summary>
    public TradeRecord? OpenTrade => _trade is { Filled: true } t ? Record(t, null) : null;

    /// <summary>Current stop price of the open trade, points, or null.</summary>
    public decimal? CurrentStop => _trade is { Filled: true } t ? t.StopPrice : null;

    /// <summary>Sends the bracket for an approved plan. A rejected entry returns an update with the error and no pending entry.</summary>
    public async ValueTask<ExecutionUpdate> EnterAsync(TradePlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-{plan.Signal.Time:yyyyMMdd-HHmm}-{++_sequence}");
        var legs = new List<AttachedOrder>(plan.Targets.Count + 1) { new(tag + "-stop", OrderType.Stop, plan.Quantity, plan.StopTicks) };
        foreach (var target in plan.Targets)
            legs.Add(new AttachedOrder($"{tag}-{target.Name}", OrderType.Limit, target.Quantity, target.Ticks));
        var side = plan.Signal.Direction > 0 ? OrderSide.Buy : OrderSide.Sell;
        var ack = await _broker.PlaceAsync(new OrderRequest(tag, side, OrderType.Market, plan.Quantity, Attached: legs), cancellationToken);
        if (!ack.Success)
            return Update(error: $"entry {tag} rejected: {ack.Error}");
        _trade = new Trade(plan, tag) { EntryOrderId = ack.OrderId };
        return Update();
    }

    /// <summary>
    /// Cancels every working order and closes whatever position the broker then reports, at the
    /// market. The position is read again after the cancels, because an entry may fill while they
    /// are in flight; a cancel refused because the order has just filled is not an error. If a fill
    /// still slips in afterwards, the next flatten request (the risk stage repeats it every bar
    /// while the account is exposed) closes it.
    /// </summary>
    /// <param name="reason">Recorded as the trade's exit reason, e.g. <c>eod_flatten</c>.</param>
    public async ValueTask<ExecutionUpdate> FlattenAsync(string reason, CancellationToken cancellationToken)
    {
        if (_trade is not null)
            _trade.FlattenReason = reason;
        // An entry filling mid-way creates its bracket legs after the first look: cancel in rounds.
        var account = await _broker.GetAccountAsync(cancellationToken);
        for (var round = 0; round < 3 && account.WorkingOrders.Count > 0; round++)
        {
            foreach (var order in account.WorkingOrders)
                await _broker.CancelAsync(order.OrderId, cancellationToken);
            account = await _broker.GetAccountAsync(cancellationToken);
        }

        string? error = null;
        if (account.WorkingOrders.Count > 0)
            error = $"orders still working after cancel: {string.Join(", ", account.WorkingOrders.Select(o => o.Tag))}";
        if (account.Position != 0)
        {
            var side = account.Position > 0 ? OrderSide.Sell : OrderSide.Buy;
            var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-flatten-{++_sequence}");
            var ack = await _broker.PlaceAsync(new OrderRequest(tag, side, OrderType.Market, Math.Abs(account.Position), ReduceOnly: true), cancellationToken);
            if (!ack.Success)
                error = $"flatten order rejected: {ack.Error}";
        }
        return Update(error: error);
    }

    /// <summary>
    /// Takes over what the broker holds at start-up (crash-only recovery: the same path on every
    /// start). Flat: cancels stray working orders. With a position: keeps a working stop on the exit
    /// side that covers it (else places one <paramref name="stopTicks"/> from the average price),
    /// cancels every other order, and manages the position as an <c>adopted</c> trade from then on
    /// (stop, end-of-day flatten, operator flatten). A stop that would already be through
    /// <paramref name="lastPrice"/> is not placed: the position is flattened instead.
    /// </summary>
    /// <param name="account">The broker's account as read at start-up.</param>
    /// <param name="now">Start-up time, UTC (the adopted trade's entry time).</param>
    /// <param name="stopTicks">Protective stop distance from the average price, ticks, &gt; 0.</param>
    /// <param name="lastPrice">Latest traded price, points, or null if unknown.</param>
    /// <exception cref="InvalidOperationException">A trade is already in progress (adopt only at start-up).</exception>
    public async ValueTask<ExecutionUpdate> AdoptAsync(AccountSnapshot account, DateTimeOffset now, int stopTicks, decimal? lastPrice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stopTicks);
        if (_trade is not null)
            throw new InvalidOperationException("adopt is only possible before any trade");
        _position = account.Position;
        _averagePrice = account.AveragePrice;
        _balance = account.Balance;
        var direction = Math.Sign(account.Position);
        var exitSide = direction > 0 ? OrderSide.Sell : OrderSide.Buy;
        var keep = direction == 0 ? null : account.WorkingOrders.FirstOrDefault(o =>
            o.Type == OrderType.Stop && o.Side == exitSide && o.Quantity >= Math.Abs(account.Position));
        foreach (var order in account.WorkingOrders)
        {
            if (order != keep)
                await _broker.CancelAsync(order.OrderId, cancellationToken);
        }
        if (direction == 0)
            return Update();

        var tag = string.Create(CultureInfo.InvariantCulture, $"{_tagPrefix}-adopt-{++_sequence}");
        var stopPrice = keep?.StopPrice ?? account.AveragePrice - direction * _contract.ToPrice(stopTicks);
        var quantity = Math.Abs(account.Position);
        var plannedTicks = (int)Math.Round(Math.Abs(account.AveragePrice - stopPrice) / _contract.TickSize);
        var signal = new TradeSignal(now, "adopted", direction, 0, default, account.AveragePrice, account.AveragePrice, account.AveragePrice,
            plannedTicks, 0, new MarketConditions("unknown", 0, 0, "", "unknown"), null);
        var plan = new TradePlan(signal, quantity, plannedTicks, [], _contract.PnL(1, 0, _contract.ToPrice(plannedTicks), quantity), 0);
        var trade = new Trade(plan, tag) { Filled = true, EntryTime = now, EntryPrice = account.AveragePrice };
        _trade = trade;
        if (lastPrice is { } last && direction * (last - stopPrice) <= 0)
            return await FlattenAsync("adopted_stop_through_market", cancellationToken);
        if (keep is not null)
        {
            trade.StopOrderId = keep.OrderId;
            _legs[keep.OrderId] = "stop";
        }
        else
        {
            var ack = await _broker.PlaceAsync(new OrderRequest(tag + "-stop", exitSide, OrderType.Stop, quantity, StopPrice: stopPrice, ReduceOnly: true), cancellationToken);
            if (!ack.Success)
                return await FlattenAsync("adopted_stop_rejected", cancellationToken);
            trade.StopOrderId = ack.OrderId;
            _legs[ack.OrderId] = "stop";
        }
        trade.StopPrice = trade.InitialStop = stopPrice;
        return Update(opened: Record(trade, null));
    }

    /// <summary>Applies one broker event and returns what changed.</summary>
    public async ValueTask<ExecutionUpdate> OnBrokerEventAsync(BrokerEvent brokerEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(brokerEvent);
        switch (brokerEvent)
        {
            case OrderAccepted accepted when _trade is { } t && accepted.Tag.StartsWith(t.Tag + "-", StringComparison.Ordinal):
                _legs[accepted.OrderId] = accepted.Tag[(t.Tag.Length + 1)..];
                if (accepted.Order.Type == OrderType.Stop)
                {
                    t.StopOrderId = accepted.OrderId;
                    t.StopPrice = t.InitialStop = accepted.Order.StopPrice!.Value;
                }
                return Update();
            case OrderFilled fill:
                return await OnFillAsync(fill, cancellationToken);
            case OrderCancelled cancelled:
                _legs.Remove(cancelled.OrderId);
                if (_trade is { Filled: false } pending && pending.EntryOrderId == cancelled.OrderId)
                {
                    // Cancelled by our own flatten: expected. Otherwise the broker dropped it: report.
                    _trade = null;
                    return Update(error: pending.FlattenReason is null ? $"entry {cancelled.Tag} cancelled: {cancelled.Reason}" : null);
                }
                return Update();
            case OrderRejected rejected:
                _legs.Remove(rejected.OrderId);
                if (_trade is { Filled: false } rejectedEntry && rejectedEntry.EntryOrderId == rejected.OrderId)
                    _trade = null;
                return Update(error: $"order {rejected.Tag} rejected: {rejected.Reason}");
            default:
                return Update();
        }
    }

    private async ValueTask<ExecutionUpdate> OnFillAsync(OrderFilled fill, CancellationToken cancellationToken)
    {
        _position = fill.PositionAfter;
        _balance = fill.BalanceAfter;
        var trade = _trade;
        if (trade is null)
        {
            _averagePrice = _position == 0 ? 0 : fill.Price;
            return Update(error: $"fill of {fill.Tag} ({fill.Quantity} @ {fill.Price}) with no trade in progress");
        }

        trade.Commission += fill.Commission;
        if (fill.OrderId == trade.EntryOrderId)
        {
            trade.Filled = true;
            trade.EntryTime = fill.Time;
            trade.EntryPrice = _averagePrice = fill.Price;
            return Update(opened: Record(trade, null));
        }

        var direction = trade.Plan.Signal.Direction;
        trade.Gross += _contract.PnL(direction, trade.EntryPrice, fill.Price, fill.Quantity);
        var leg = _legs.GetValueOrDefault(fill.OrderId);
        var reason = leg switch
        {
            "stop" => trade.AtBreakeven ? "breakeven_stop" : "stop",
            null => trade.FlattenReason ?? "flatten",
            _ => leg,
        };
        trade.Exits.Add(new TradeExit(fill.Time, fill.Price, fill.Quantity, reason));
        _legs.Remove(fill.OrderId);

        if (_position == 0)
        {
            _averagePrice = 0;
            _trade = null;
            _legs.Clear();
            return Update(closed: Record(trade, fill.Time));
        }

        string? error = null;
        if (leg is not null && leg != "stop" && trade.StopOrderId != 0)
        {
            // After the first target the rest of the position is risk-free: stop to the entry price.
            var moveToBreakeven = leg == "tp1" && !trade.AtBreakeven;
            var stopPrice = moveToBreakeven ? trade.EntryPrice : (decimal?)null;
            var ack = await _broker.ModifyAsync(trade.StopOrderId, Math.Abs(_position), stopPrice, null, cancellationToken);
            if (!ack.Success)
            {
                // Fills are reported after the fact: when the other targets closed the rest of the
                // position in the same bar, the broker has already cancelled the stop (OCO) and those
                // fills are still on their way. Only a position left without its stop is a problem.
                var account = await _broker.GetAccountAsync(cancellationToken);
                if (account.Position != 0)
                    error = $"stop update after {leg} failed: {ack.Error}";
            }
            else if (moveToBreakeven)
            {
                trade.AtBreakeven = true;
                trade.StopPrice = trade.EntryPrice;
            }
        }
        return Update(error: error);
    }

    private TradeRecord Record(Trade t, DateTimeOffset? exitTime)
    {
        var plan = t.Plan;
        var direction = plan.Signal.Direction;
        var stop = t.InitialStop != 0 ? t.InitialStop : t.EntryPrice - direction * _contract.ToPrice(plan.StopTicks);
        var farthest = plan.Targets.Count == 0 ? 0 : plan.Targets[^1].Ticks;
        return new TradeRecord(t.Tag, t.EntryTime, plan.Signal.Pattern, plan.Signal.Score, plan.Signal.Side, t.EntryPrice,
            plan.Signal.ReferencePrice, stop, t.EntryPrice + direction * _contract.ToPrice(farthest), plan.Quantity, plan.RiskAmount,
            plan.Signal.Conditions, exitTime, [.. t.Exits], t.Gross, t.Commission, exitTime is null ? null : t.Exits[^1].Reason, _balance);
    }

    private ExecutionUpdate Update(TradeRecord? opened = null, TradeRecord? closed = null, string? error = null) =>
        new(Position, opened, closed, error);
}
