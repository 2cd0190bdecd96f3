namespace GoldBot.Monitoring;

/// <summary>
/// status.json, with the field names of the monitoring plan (<c>design/001</c> §1), plus
/// <c>protection</c> (the protection supervisor: state, last violation, repairs, seconds without a full stop
/// today), <c>last_bar</c> (the last bar the strategy saw: open time, open, high, low, close, volume, to compare with a chart)
/// and, in the gateway modes, <c>feed</c> (the market data's health). Money in USD, prices in points,
/// times ISO-8601 UTC (market time), except <c>heartbeat</c>: the wall-clock time of the write, rewritten at least every
/// 5 s in the gateway modes, so a monitor can tell a dead daemon (an old heartbeat, or <c>is_alive: false</c>) from a
/// quiet one. <c>write_failures</c> (empty when every write succeeded) lists each file GoldBot could not write during the
/// run (<see cref="Monitoring.WriteFailures"/>). <c>working_orders</c> lists the orders working at the broker as the executor last saw them (<see cref="StatusOrder"/>). <c>dollar_filter</c> (<see cref="DollarFilterStatusDocument"/>) is present only when the dollar filter is on (no key at all when it is off). <c>mode</c> is the run's mode: <c>replay</c>, <c>sim</c>, <c>paper</c> or <c>live</c>.
/// </summary>
public sealed record StatusDocument(
    DateTimeOffset Timestamp,
    bool IsAlive,
    string Mode,
    string Symbol,
    DateTimeOffset? LastBarTime,
    StatusAccount Account,
    StatusRisk Risk,
    IReadOnlyList<StatusPosition> ActivePositions,
    LastSignal? LastSignal,
    StatusLearning Learning,
    IReadOnlyList<ControlRecord> Controls,
    IReadOnlyList<string> Errors,
    DateTimeOffset? NextUpdate,
    GoldBot.Execution.ProtectionStatus? Protection = null,
    FeedStatus? Feed = null,
    GoldBot.Market.Bar? LastBar = null,
    DateTimeOffset? Heartbeat = null,
    IReadOnlyList<WriteFailureStatus>? WriteFailures = null,
    MarketRegimeStatus? MarketRegime = null,
    IReadOnlyList<StatusOrder>? WorkingOrders = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DollarFilterStatusDocument? DollarFilter = null);

/// <summary>status.json "account".</summary>
public sealed record StatusAccount(decimal Balance, decimal DailyPnl, int OpenPositions, int DailyTrades);

/// <summary>status.json "risk": whether entries are allowed and why not, and the loss limits' headroom (USD).</summary>
/// <param name="DailyLossRemaining">USD the account may still lose today before the daily loss limit.</param>
/// <param name="MaxLossFloor">The trailing maximum loss floor, USD of balance.</param>
/// <param name="DailyLossLimit">The daily loss limit itself, USD (<c>Risk:DailyLossLimit</c>).</param>
/// <param name="MaxLossLimit">The maximum loss limit itself, USD (<c>Risk:MaxLossLimit</c>: the floor trails this far below the highest end-of-day balance).</param>
public sealed record StatusRisk(bool CanTrade, string? BlockedBy, int ConsecutiveLosses, decimal DailyLossRemaining, decimal MaxLossFloor, bool EmergencyStop, bool Paused,
    decimal DailyLossLimit = 0, decimal MaxLossLimit = 0);

/// <summary>status.json "working_orders" entry: an order working at the broker. Prices in points, null when the type has none.</summary>
/// <param name="Id">Broker order id.</param>
/// <param name="Tag">Client tag: the trade's tag and the order's role (<c>…-stop</c>, <c>…-tp1</c>); empty for an order placed by hand.</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Type"><c>market</c>, <c>limit</c> or <c>stop</c>.</param>
/// <param name="Quantity">Contracts still to fill.</param>
public sealed record StatusOrder(long Id, string Tag, string Side, string Type, int Quantity, decimal? LimitPrice, decimal? StopPrice)
{
    /// <summary>Maps the executor's view of an order.</summary>
    public static StatusOrder From(GoldBot.Execution.WorkingOrder o) =>
        new(o.OrderId, o.Tag, o.Side.ToString().ToLowerInvariant(), o.Type.ToString().ToLowerInvariant(), o.Quantity, o.LimitPrice, o.StopPrice);
}

/// <summary>status.json "active_positions" entry.</summary>
public sealed record StatusPosition(string Symbol, string Side, int Quantity, decimal Entry, decimal UnrealizedPnl, decimal? Stop, decimal Target);

/// <summary>
/// status.json "learning": enabled patterns, the default size per trade in effect
/// (<c>current_position_size</c>, contracts; set by ADJUST_RISK.txt; the risk rules may size a trade
/// smaller), the win rate of the last 20 trades, the trade count, and results per pattern and per
/// <c>pattern|condition:value</c>; <c>adaptation</c>: what the learning system changed (policy, size multiplier, disabled
/// patterns and cells with their reasons).
/// </summary>
public sealed record StatusLearning(
    IReadOnlyList<string> PatternsEnabled,
    int CurrentPositionSize,
    [property: System.Text.Json.Serialization.JsonPropertyName("win_rate_last_20")] double WinRateLast20,
    int TotalTrades,
    IReadOnlyDictionary<string, GoldBot.Learning.PatternStats> Patterns,
    IReadOnlyDictionary<string, GoldBot.Learning.PatternStats> Conditions,
    LearningStatus? Adaptation = null);
