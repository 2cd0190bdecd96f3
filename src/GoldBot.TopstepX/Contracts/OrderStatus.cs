namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Order status (§7.5); 7 and 8 exist in the swagger only.</summary>
public enum OrderStatus
{
    /// <summary>None (0).</summary>
    None = 0,
    /// <summary>Working (1).</summary>
    Open = 1,
    /// <summary>Filled (2).</summary>
    Filled = 2,
    /// <summary>Cancelled (3).</summary>
    Cancelled = 3,
    /// <summary>Expired (4).</summary>
    Expired = 4,
    /// <summary>Rejected (5).</summary>
    Rejected = 5,
    /// <summary>Pending (6).</summary>
    Pending = 6,
    /// <summary>Cancel requested, not yet confirmed (7).</summary>
    PendingCancellation = 7,
    /// <summary>Suspended bracket child (8).</summary>
    Suspended = 8,
}
