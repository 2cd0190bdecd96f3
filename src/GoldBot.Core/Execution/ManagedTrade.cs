using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Execution;

/// <summary>
/// The trade the order executor manages, from its entry order to flat: the plan it came from (or an
/// adopted position), the entry's fills (the entry price is their size-weighted average), the exits and
/// costs as booked, and the state of its stop (initial, breakeven). Not thread-safe.
/// </summary>
internal sealed class ManagedTrade
{
    private ManagedTrade(TradePlan plan, string tag, bool adopted)
    {
        Plan = plan;
        Tag = tag;
        ExitStem = tag;
        Adopted = adopted;
    }

    /// <summary>The approved plan (for an adopted position, one made up from the position).</summary>
    public TradePlan Plan { get; }

    /// <summary>Client tag of the entry order; the trade's id and the prefix of its exit orders' tags.</summary>
    public string Tag { get; }

    /// <summary>
    /// Start of the tags of the exit orders this run places for the trade: its tag, or, for a trade resumed after a restart,
    /// its tag and this run's prefix (ProjectX refuses a tag used before on the account, and the earlier run's are).
    /// </summary>
    public string ExitStem { get; private init; }

    /// <summary>True for a position GoldBot did not open in this run.</summary>
    public bool Adopted { get; }

    /// <summary>+1 long, −1 short.</summary>
    public int Direction => Plan.Signal.Direction;

    /// <summary>Buy for a long trade.</summary>
    public OrderSide EntrySide => Direction > 0 ? OrderSide.Buy : OrderSide.Sell;

    /// <summary>Sell for a long trade.</summary>
    public OrderSide ExitSide => Direction > 0 ? OrderSide.Sell : OrderSide.Buy;

    /// <summary>Contracts of the entry filled so far.</summary>
    public int EntryFilled { get; private set; }

    /// <summary>Σ price × contracts of the entry's fills, points.</summary>
    private decimal EntryValue { get; set; }

    /// <summary>True once the entry can fill no more (filled in full, its remainder cancelled, or adopted).</summary>
    public bool EntryComplete { get; set; }

    /// <summary>Time of the entry's first fill, UTC.</summary>
    public DateTimeOffset EntryTime { get; private set; }

    /// <summary>Size-weighted average price of the entry's fills, points (0 before the first).</summary>
    public decimal EntryPrice => EntryFilled == 0 ? 0 : EntryValue / EntryFilled;

    /// <summary>True once the stop has moved to the entry price (after the first target).</summary>
    public bool AtBreakeven { get; set; }

    /// <summary>A stop price fixed from outside the plan (an adopted position's), points, or null.</summary>
    public decimal? FixedStop { get; init; }

    /// <summary>The stop price when the entry completed, points (the trade's planned risk), or null before.</summary>
    public decimal? InitialStop { get; set; }

    /// <summary>True once the take-profit orders were sent.</summary>
    public bool TargetsPlaced { get; set; }

    /// <summary>Why the trade is being flattened, or null.</summary>
    public string? FlattenReason { get; set; }

    /// <summary>Exit fills so far.</summary>
    public List<TradeExit> Exits { get; } = [];

    /// <summary>Realised P&amp;L of the exits before costs, USD (as the broker books it: against the average entry price).</summary>
    public decimal Gross { get; set; }

    /// <summary>Commissions and fees of every fill, USD.</summary>
    public decimal Commission { get; set; }

    /// <summary>A new trade for an approved plan, entered with the order tagged <paramref name="tag"/>.</summary>
    public static ManagedTrade ForPlan(TradePlan plan, string tag) => new(plan, tag, adopted: false);

    /// <summary>
    /// A trade for a position GoldBot did not open: <paramref name="position"/> contracts (signed) at
    /// <paramref name="averagePrice"/> (points), protected by <paramref name="stopPrice"/>.
    /// </summary>
    public static ManagedTrade Adopt(string tag, DateTimeOffset now, int position, decimal averagePrice, decimal stopPrice, ContractSpec contract)
    {
        var direction = Math.Sign(position);
        var quantity = Math.Abs(position);
        var stopTicks = (int)Math.Max(1, contract.ToTicks(Math.Abs(averagePrice - stopPrice)));
        var signal = new TradeSignal(now, "adopted", direction, 0, default, averagePrice, averagePrice, averagePrice, stopTicks, 0,
            new MarketConditions("unknown", 0, 0, "", "unknown"), null);
        var plan = new TradePlan(signal, quantity, stopTicks, [], contract.PnL(1, 0, contract.ToPrice(stopTicks), quantity), 0);
        var trade = new ManagedTrade(plan, tag, adopted: true) { FixedStop = stopPrice, EntryComplete = true, TargetsPlaced = true, InitialStop = stopPrice };
        trade.EntryFilled = quantity;
        trade.EntryValue = averagePrice * quantity;
        trade.EntryTime = now;
        return trade;
    }

    /// <summary>The trade as the state store keeps it.</summary>
    public OpenTradeState ToState() => new(Tag, Plan, Adopted, EntryFilled, EntryPrice, EntryTime, EntryComplete, FixedStop, InitialStop,
        AtBreakeven, TargetsPlaced, Gross, Commission, [.. Exits], LastFillTime, BestPrice, TrailStop);

    /// <summary>Time of the trade's latest fill (entry or exit), UTC, or null before its first.</summary>
    public DateTimeOffset? LastFillTime { get; private set; }

    /// <summary>The trade <paramref name="state"/> describes, as it was when saved, its new exit orders tagged from <paramref name="exitStem"/>.</summary>
    public static ManagedTrade FromState(OpenTradeState state, string exitStem)
    {
        ArgumentNullException.ThrowIfNull(state);
        var trade = new ManagedTrade(state.Plan, state.Tag, state.Adopted)
        {
            ExitStem = exitStem,
            FixedStop = state.FixedStop,
            EntryComplete = state.EntryComplete,
            InitialStop = state.InitialStop,
            AtBreakeven = state.AtBreakeven,
            TargetsPlaced = state.TargetsPlaced,
            Gross = state.Gross,
            Commission = state.Commission,
        };
        trade.EntryFilled = state.EntryFilled;
        trade.EntryValue = state.EntryPrice * state.EntryFilled;
        trade.EntryTime = state.EntryTime;
        trade.LastFillTime = state.LastFillTime;
        (trade.BestPrice, trade.TrailStop) = (state.BestPrice, state.TrailStop);
        trade.Exits.AddRange(state.Exits);
        return trade;
    }

    /// <summary>Books a fill of the entry.</summary>
    public void AddEntryFill(BrokerFill fill)
    {
        if (EntryFilled == 0)
            EntryTime = fill.Time;
        LastFillTime = LastFillTime is { } last && last > fill.Time ? last : fill.Time;
        EntryFilled += fill.Quantity;
        EntryValue += fill.Price * fill.Quantity;
        Commission += fill.Commission;
        if (EntryFilled >= Plan.Quantity)
            EntryComplete = true;
    }

    /// <summary>Books an exit fill with its reason and the P&amp;L it realised, USD.</summary>
    public void AddExit(BrokerFill fill, string reason, decimal realised)
    {
        Exits.Add(new TradeExit(fill.Time, fill.Price, fill.Quantity, reason));
        LastFillTime = LastFillTime is { } last && last > fill.Time ? last : fill.Time;
        Gross += realised;
        Commission += fill.Commission;
    }

    /// <summary>Why a Mode B limit entry is being cancelled (expired, invalidated), or null.</summary>
    public string? EntryCancelledBecause { get; set; }

    /// <summary>Best price since the entry, points: a long's highest high, a short's lowest low, over bars opened at or after the entry's first fill; null before one.</summary>
    public decimal? BestPrice { get; private set; }

    /// <summary><c>atr_trail</c>: the trailing stop, points (before rounding), once the first target has filled; null before.</summary>
    public decimal? TrailStop { get; private set; }

    /// <summary>
    /// Follows one closed bar (<paramref name="closeTime"/> UTC): the best price since the entry and, under <c>atr_trail</c> after
    /// the first target, the chandelier stop (best price ∓ <see cref="ExitRule.TrailTicks"/>; it only ever tightens). Returns
    /// true when the bar closes an entry-time-frame bar (its close on the frame's boundary, <see cref="TimeFrame.BucketOpen(DateTimeOffset)"/>)
    /// beyond the zone's far edge.
    /// </summary>
    public bool OnBar(in Bar bar, DateTimeOffset closeTime, ContractSpec contract)
    {
        var signal = Plan.Signal;
        if (EntryFilled > 0 && bar.OpenTime >= EntryTime)
        {
            var extreme = Direction > 0 ? bar.High : bar.Low;
            BestPrice = BestPrice is { } best && Direction * (best - extreme) >= 0 ? best : extreme;
            if (signal.Exit.Profile == ExitProfile.AtrTrail && AtBreakeven)
            {
                var trail = BestPrice.Value - Direction * contract.ToPrice(signal.Exit.TrailTicks);
                if (TrailStop is not { } current || Direction * (trail - current) > 0)
                    TrailStop = trail;
            }
        }
        var frameClose = signal.Frame <= TimeSpan.Zero || new TimeFrame(signal.Frame).BucketOpen(closeTime) == closeTime;
        return frameClose && Direction * (bar.Close - signal.FarEdge) < 0;
    }

    /// <summary>
    /// The stop the position should have, before rounding: the adopted stop; the entry price once at
    /// breakeven; otherwise the plan's stop distance from the average entry fill; tightened to the trailing stop, if any.
    /// </summary>
    public decimal StopPrice(ContractSpec contract)
    {
        var stop = FixedStop is { } fixedStop && !AtBreakeven ? fixedStop
            : AtBreakeven ? EntryPrice
            : EntryPrice - Direction * contract.ToPrice(Plan.StopTicks);
        return TrailStop is { } trail && Direction * (trail - stop) > 0 ? trail : stop;
    }

    /// <summary>The take-profit legs for the contracts the entry filled: the plan's, re-split over a partial fill.</summary>
    public IReadOnlyList<TargetLeg> Targets()
    {
        var legs = Plan.Targets;
        if (legs.Count == 0 || EntryFilled == Plan.Quantity)
            return legs;
        Span<decimal> shares = stackalloc decimal[legs.Count];
        Span<int> counts = stackalloc int[legs.Count];
        for (var i = 0; i < legs.Count; i++)
            shares[i] = legs[i].Quantity;
        LargestRemainder.Split(shares, EntryFilled, counts);
        var split = new List<TargetLeg>(legs.Count);
        for (var i = 0; i < legs.Count; i++)
        {
            if (counts[i] > 0)
                split.Add(legs[i] with { Quantity = counts[i] });
        }
        return split;
    }

    /// <summary>The trade as the journal records it; <paramref name="exitTime"/> when it closed, null while open.</summary>
    public TradeRecord Record(ContractSpec contract, DateTimeOffset? exitTime, decimal balanceAfter)
    {
        var plan = Plan;
        var entry = decimal.Round(EntryPrice, 4);
        var stop = InitialStop ?? StopPrice(contract);
        var farthest = plan.Targets.LastOrDefault(t => !t.Trailing)?.Ticks ?? 0;
        return new TradeRecord(Tag, EntryTime, plan.Signal.Pattern, plan.Signal.Score, plan.Signal.Side, entry,
            plan.Signal.ReferencePrice, stop, entry + Direction * contract.ToPrice(farthest), EntryFilled > 0 ? EntryFilled : plan.Quantity,
            plan.RiskAmount, plan.Signal.Conditions, exitTime, [.. Exits], Gross, Commission, exitTime is null ? null : Exits.Count > 0 ? Exits[^1].Reason : "flat", balanceAfter);
    }
}
