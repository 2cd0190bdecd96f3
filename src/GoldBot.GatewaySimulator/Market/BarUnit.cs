namespace GoldBot.GatewaySimulator.Market;

/// <summary>ProjectX bar unit of <c>History/retrieveBars</c> (research/topstepx-api.md §6).</summary>
public enum BarUnit
{
    /// <summary>Not set (invalid).</summary>
    Unspecified = 0,
    /// <summary>Seconds.</summary>
    Second = 1,
    /// <summary>Minutes.</summary>
    Minute = 2,
    /// <summary>Hours.</summary>
    Hour = 3,
    /// <summary>Days (CME trading days, 17:00 CT to 17:00 CT).</summary>
    Day = 4,
    /// <summary>Weeks (trading days Monday to Friday).</summary>
    Week = 5,
    /// <summary>Months (by the trading day's calendar month).</summary>
    Month = 6,
    /// <summary>Ticks (in the swagger; not served by the simulator, errorCode 2).</summary>
    Tick = 7,
}
