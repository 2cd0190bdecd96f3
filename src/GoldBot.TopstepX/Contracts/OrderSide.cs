namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Order side (§7.5): 0 Bid = buy, 1 Ask = sell.</summary>
public enum OrderSide
{
    /// <summary>Buy (0).</summary>
    Bid = 0,
    /// <summary>Sell (1).</summary>
    Ask = 1,
}
