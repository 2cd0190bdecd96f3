namespace GoldBot.GatewaySimulator.Engine;

/// <summary>A change inside the matching engine, to be published on the user hub in the order raised.</summary>
public abstract record EngineEvent(EventAction Action);

/// <summary>An order was created or changed.</summary>
/// <param name="Order">The order after the change.</param>
public sealed record OrderChanged(SimOrder Order, EventAction Action) : EngineEvent(Action);

/// <summary>A position was opened, changed or closed (a closed position has type Undefined and size 0).</summary>
/// <param name="Position">The position after the change.</param>
public sealed record PositionChanged(SimPosition Position, EventAction Action) : EngineEvent(Action);

/// <summary>A half-turn trade was recorded.</summary>
/// <param name="Trade">The new trade.</param>
public sealed record TradeRecorded(SimTrade Trade) : EngineEvent(EventAction.Created);

/// <summary>An account's balance or state changed.</summary>
/// <param name="Account">The account after the change.</param>
public sealed record AccountChanged(SimAccount Account) : EngineEvent(EventAction.Updated);
