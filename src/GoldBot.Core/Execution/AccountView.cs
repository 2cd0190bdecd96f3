using GoldBot.Market;

namespace GoldBot.Execution;

/// <summary>
/// The order executor's copy of what the broker holds: position, average price, balance and working
/// orders, kept from broker events and replaced by what <see cref="IBroker.GetAccountAsync"/> reports
/// (the broker is the truth; this is a cache). Fills are booked once by their broker id. Every change
/// is stamped with an increasing version, so a snapshot read while events kept arriving only overrides
/// what did not change after the read began. Position and balance follow the same arithmetic as the
/// simulated broker and ProjectX (realised P&amp;L against the average entry price, <see cref="ContractSpec.PnL"/>),
/// so a trade booked here equals the broker's balance change to the cent. Not thread-safe.
/// </summary>
internal sealed class AccountView(ContractSpec contract, decimal balance)
{
    private readonly Dictionary<long, (WorkingOrder Order, long Version)> _orders = [];
    private readonly Dictionary<long, long> _removed = [];
    private readonly HashSet<long> _fills = [];
    // The working orders in id order, built at the first read after a change and never changed after (a reader iterating it
    // while orders change keeps the copy it started with).
    private WorkingOrder[]? _sorted;

    /// <summary>Net contracts, &gt; 0 long.</summary>
    public int Position { get; private set; }

    /// <summary>Average entry price of the position, points (0 when flat).</summary>
    public decimal AveragePrice { get; private set; }

    /// <summary>Cash balance, USD.</summary>
    public decimal Balance { get; private set; } = balance;

    /// <summary>Increases with every change.</summary>
    public long Version { get; private set; }

    /// <summary>Version of the last booked fill.</summary>
    public long FillVersion { get; private set; }

    /// <summary>Working orders, in id order: a copy, unchanged by later changes to the account.</summary>
    public IReadOnlyList<WorkingOrder> Orders => _sorted ??= [.. _orders.Values.Select(o => o.Order).OrderBy(o => o.OrderId)];

    /// <summary>How many orders are working.</summary>
    public int OrderCount => _orders.Count;

    /// <summary>The working order with this id, or null.</summary>
    public WorkingOrder? Order(long orderId) => _orders.TryGetValue(orderId, out var o) ? o.Order : null;

    /// <summary>
    /// Books a fill; false when it was booked before. <paramref name="realised"/> is the P&amp;L it realised
    /// against the average entry price, before costs, USD.
    /// </summary>
    public bool Book(BrokerFill fill, out decimal realised)
    {
        realised = 0;
        if (!_fills.Add(fill.FillId))
            return false;
        var direction = fill.Side == OrderSide.Buy ? 1 : -1;
        var quantity = fill.Quantity;
        if (Position != 0 && Math.Sign(Position) != direction)
        {
            var closing = Math.Min(quantity, Math.Abs(Position));
            realised = contract.PnL(Math.Sign(Position), AveragePrice, fill.Price, closing);
            var opening = quantity - closing;
            Position += direction * closing;
            if (Position == 0)
                AveragePrice = 0;
            if (opening > 0)
            {
                Position = direction * opening;
                AveragePrice = fill.Price;
            }
        }
        else
        {
            var held = Math.Abs(Position);
            AveragePrice = (AveragePrice * held + fill.Price * quantity) / (held + quantity);
            Position += direction * quantity;
        }
        Balance += realised - fill.Commission;
        FillVersion = ++Version;
        return true;
    }

    /// <summary>Marks a fill as booked without booking it (fills before start-up, already in the broker's position).</summary>
    public void MarkBooked(long fillId) => _fills.Add(fillId);

    /// <summary>Records an order as working with these values (the latest report wins).</summary>
    public void Upsert(WorkingOrder order)
    {
        if (order.Quantity <= 0)
        {
            Remove(order.OrderId);
            return;
        }
        _orders[order.OrderId] = (order, ++Version);
        _removed.Remove(order.OrderId);
        _sorted = null;
    }

    /// <summary>Records an order as no longer working (filled, cancelled or rejected).</summary>
    public void Remove(long orderId)
    {
        _orders.Remove(orderId);
        _removed[orderId] = ++Version;
        _sorted = null;
    }

    /// <summary>Reduces a working order by a fill of it.</summary>
    public void ReduceByFill(long orderId, int quantity)
    {
        if (!_orders.TryGetValue(orderId, out var o))
            return;
        var left = o.Order.Quantity - quantity;
        if (left <= 0)
            Remove(orderId);
        else
        {
            _orders[orderId] = (o.Order with { Quantity = left }, ++Version);
            _sorted = null;
        }
    }

    /// <summary>
    /// Takes the broker's account, read by a request that began at <paramref name="readVersion"/>: orders and
    /// fills that changed after that are newer than the snapshot and kept. Returns a description of how the
    /// position differed, or null when it agreed (or could not be compared because fills arrived meanwhile).
    /// </summary>
    public string? Adopt(AccountSnapshot snapshot, long readVersion)
    {
        string? mismatch = null;
        if (FillVersion <= readVersion && (snapshot.Position != Position || (Position != 0 && snapshot.AveragePrice != AveragePrice)))
        {
            mismatch = $"the broker holds {snapshot.Position} contracts at {snapshot.AveragePrice}, the fills seen give {Position} at {decimal.Round(AveragePrice, 4)}";
            Position = snapshot.Position;
            AveragePrice = snapshot.AveragePrice;
            ++Version;
        }
        if (FillVersion <= readVersion)
            Balance = snapshot.Balance;

        var reported = snapshot.WorkingOrders.ToDictionary(o => o.OrderId);
        foreach (var id in _orders.Keys.ToList())
        {
            if (!reported.ContainsKey(id) && _orders[id].Version <= readVersion)
                Remove(id);
        }
        foreach (var order in snapshot.WorkingOrders)
        {
            var changedSince = _orders.TryGetValue(order.OrderId, out var known) ? known.Version > readVersion
                : _removed.TryGetValue(order.OrderId, out var removedAt) && removedAt > readVersion;
            if (!changedSince)
                Upsert(order);
        }
        return mismatch;
    }
}
