using GoldBot.Market;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Contracts a backtest can trade that the daemon cannot: spot prices traded as if they were a
/// futures contract. <c>XAUUSD</c> (spot gold, quoted to 2 decimals, e.g. the MetaTrader 5 file in
/// ../shared/data) is traded as an MGC-sized contract (10 troy oz: USD 10 per point) on its own
/// 0.01 grid: tick size 0.01, tick value USD 0.10, one micro equivalent. Its tick is
/// <see cref="ReferenceTickSize"/> ÷ 10, so tick distances configured for MGC are rescaled by
/// <see cref="TickScaling"/>.
/// </summary>
public static class SpotContracts
{
    /// <summary>The tick size (points) that the default configuration's tick distances are written for: MGC's 0.10.</summary>
    public const decimal ReferenceTickSize = 0.10m;

    /// <summary>The built-in spot contracts by symbol (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, ContractSpec> BuiltIn { get; } = new Dictionary<string, ContractSpec>(StringComparer.OrdinalIgnoreCase)
    {
        ["XAUUSD"] = new("XAUUSD", 0.01m, 0.10m, 1),
    };
}
