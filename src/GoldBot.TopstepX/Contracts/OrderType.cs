namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Order type (§7.5): 1 Limit, 2 Market, 3 StopLimit, 4 Stop, 5 TrailingStop, 6 JoinBid, 7 JoinAsk.</summary>
public enum OrderType
{
    /// <summary>Unknown (0).</summary>
    Unknown = 0,
    /// <summary>Limit order (1).</summary>
    Limit = 1,
    /// <summary>Market order (2).</summary>
    Market = 2,
    /// <summary>Stop-limit (3); whether it can be placed is UNCONFIRMED (§14.4).</summary>
    StopLimit = 3,
    /// <summary>Stop (market) order (4).</summary>
    Stop = 4,
    /// <summary>Trailing stop (5); <c>trailPrice</c> is an absolute level on place (§7.1).</summary>
    TrailingStop = 5,
    /// <summary>Join the best bid (6).</summary>
    JoinBid = 6,
    /// <summary>Join the best ask (7).</summary>
    JoinAsk = 7,
}
