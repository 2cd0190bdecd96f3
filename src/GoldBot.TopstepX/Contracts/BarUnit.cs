namespace GoldBot.TopstepX.Contracts;

// ProjectX enums travel as numbers. A value the gateway adds later deserialises to its integer
// (Enum.IsDefined is false) instead of failing the message: treat undefined values as unknown.
/// <summary>Bar unit of History/retrieveBars (§6); a 5-minute bar is Minute with unitNumber 5.</summary>
public enum BarUnit
{
    /// <summary>Unspecified (0).</summary>
    Unspecified = 0,
    /// <summary>Seconds (1).</summary>
    Second = 1,
    /// <summary>Minutes (2).</summary>
    Minute = 2,
    /// <summary>Hours (3).</summary>
    Hour = 3,
    /// <summary>Days (4); alignment (session vs UTC midnight) is UNCONFIRMED (§6).</summary>
    Day = 4,
    /// <summary>Weeks (5).</summary>
    Week = 5,
    /// <summary>Months (6).</summary>
    Month = 6,
    /// <summary>Ticks (7); whether it works is UNCONFIRMED (§6).</summary>
    Tick = 7,
}
