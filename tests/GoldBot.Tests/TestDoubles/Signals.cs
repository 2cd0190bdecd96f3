using GoldBot.Smc;
using GoldBot.Strategy;

namespace GoldBot.Tests.TestDoubles;

/// <summary>Trade signals for risk and execution tests: only time, direction, stop and rejection vary.</summary>
internal static class Signals
{
    public static readonly MarketConditions Conditions = new("new_york", 25, 1.2, "10:00", "discount");

    public static TradeSignal Long(DateTimeOffset time, int stopTicks = 20, decimal reference = 2000m, string? rejection = null) =>
        Make(time, +1, stopTicks, reference, rejection);

    public static TradeSignal Short(DateTimeOffset time, int stopTicks = 20, decimal reference = 2000m) =>
        Make(time, -1, stopTicks, reference, null);

    private static TradeSignal Make(DateTimeOffset time, int direction, int stopTicks, decimal reference, string? rejection) =>
        new(time, "order_block", direction, 8, new OrderBlockScore(2, 2, 2, 1, 1), reference + 1, reference - 1, reference,
            stopTicks, direction, Conditions, rejection);
}
