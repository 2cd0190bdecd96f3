using GoldBot.Market;

namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// Whether CME Globex trades MGC/MES at an instant: Sunday to Friday 17:00–16:00 America/Chicago with the
/// daily 16:00–17:00 CT break (CME contract specifications, research/topstepx-api.md §10). Exchange holidays and
/// early closes are not modelled.
/// </summary>
public static class GlobexHours
{
    private static readonly TimeOnly Close = new(16, 0);

    /// <summary>True when the market is open at <paramref name="utc"/>.</summary>
    public static bool IsOpen(DateTimeOffset utc)
    {
        var local = CmeSession.ToExchangeTime(utc);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (time >= Close && time < CmeSession.TradingDayStart)
            return false;
        return local.DayOfWeek switch
        {
            DayOfWeek.Saturday => false,
            DayOfWeek.Sunday => time >= CmeSession.TradingDayStart,
            DayOfWeek.Friday => time < Close,
            _ => true,
        };
    }
}
