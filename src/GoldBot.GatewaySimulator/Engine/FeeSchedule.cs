namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// Fees and commissions charged per contract per side (one half-turn), in USD, by contract root.
/// Default MGC fee 0.62 per side = TopstepX's 1.24 round trip (research/topstepx-api.md §10, community constant);
/// MES 0.37 per side = 0.74 round trip. The live gateway reports <c>commissions</c> beside <c>fees</c>
/// (fixtures/projectx-live/README.md item 6); commissions default to 0 here.
/// </summary>
/// <param name="FeesPerSide">USD per contract side, keyed by root (e.g. MGC).</param>
/// <param name="CommissionsPerSide">USD per contract side, keyed by root.</param>
public sealed record FeeSchedule(IReadOnlyDictionary<string, decimal> FeesPerSide, IReadOnlyDictionary<string, decimal> CommissionsPerSide)
{
    /// <summary>MGC 0.62 and MES 0.37 fees per side, no commissions.</summary>
    public static FeeSchedule Default { get; } = new(
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { ["MGC"] = 0.62m, ["MES"] = 0.37m },
        new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Fee in USD for <paramref name="contracts"/> contracts of <paramref name="root"/> on one side; 0 for an unknown root.</summary>
    public decimal Fee(string root, int contracts) => FeesPerSide.GetValueOrDefault(root) * contracts;

    /// <summary>Commission in USD for <paramref name="contracts"/> contracts of <paramref name="root"/> on one side; 0 for an unknown root.</summary>
    public decimal Commission(string root, int contracts) => CommissionsPerSide.GetValueOrDefault(root) * contracts;
}
