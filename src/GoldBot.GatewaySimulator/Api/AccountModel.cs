using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>TradingAccountModel</c> (research/topstepx-api.md §4).</summary>
public sealed record AccountModel(int Id, string Name, decimal Balance, bool CanTrade, bool IsVisible, bool Simulated)
{
    /// <summary>Maps an engine account.</summary>
    public static AccountModel From(SimAccount a) => new(a.Id, a.Name, a.Balance, a.CanTrade, a.IsVisible, a.Simulated);
}
