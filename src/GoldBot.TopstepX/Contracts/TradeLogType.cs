namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Aggressor side of a market trade (§9.2): 0 Buy, 1 Sell.</summary>
public enum TradeLogType
{
    /// <summary>Buyer was the aggressor (0).</summary>
    Buy = 0,
    /// <summary>Seller was the aggressor (1).</summary>
    Sell = 1,
}
