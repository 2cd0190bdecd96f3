namespace GoldBot.GatewaySimulator.Engine;

/// <summary>ProjectX <c>OrderStatus</c> (research/topstepx-api.md §7.5; 7 and 8 from the swagger only).</summary>
public enum OrderStatus
{
    /// <summary>Not set.</summary>
    None = 0,
    /// <summary>Working (also used while partially filled).</summary>
    Open = 1,
    /// <summary>Completely filled.</summary>
    Filled = 2,
    /// <summary>Cancelled by the user, by OCO or because the position went flat.</summary>
    Cancelled = 3,
    /// <summary>Expired.</summary>
    Expired = 4,
    /// <summary>Rejected at placement (created, but never working).</summary>
    Rejected = 5,
    /// <summary>Pending.</summary>
    Pending = 6,
    /// <summary>Cancellation requested.</summary>
    PendingCancellation = 7,
    /// <summary>Suspended bracket child.</summary>
    Suspended = 8,
}
