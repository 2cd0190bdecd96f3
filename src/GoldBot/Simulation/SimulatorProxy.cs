using GoldBot.Configuration;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.Strategy;
using GoldBot.TopstepX.Rest;

namespace GoldBot.Simulation;

/// <summary>
/// The in-process simulator's dollar proxy for a daemon configuration (the chaos campaign): when <c>Strategy:DollarFilter</c> is on with
/// a <c>ProxySymbol</c> the simulator can price (6E → <c>CON.F.US.EU6.H26</c>, M6E → <c>CON.F.US.M6E.H26</c>;
/// <see cref="SimContract.ProxySpecs"/>), that contract, so the filter's second subscription meets the same faults as gold.
/// </summary>
public static class SimulatorProxy
{
    /// <summary>The simulator's proxy contract id for <paramref name="settings"/>, or null when the filter is off or its proxy is not one the simulator knows.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static string? ContractIdFor(GoldBotSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Strategy.DollarFilter is not { Mode: not DollarFilterMode.Off, ProxySymbol: { Length: > 0 } symbol } || string.IsNullOrWhiteSpace(symbol))
            return null;
        var symbolId = CmeSymbolMap.ToSymbolId(symbol);
        var root = symbolId[(symbolId.LastIndexOf('.') + 1)..];
        return SimContract.ProxySpecs.ContainsKey(root) ? $"CON.F.US.{root}.H26" : null;
    }
}
