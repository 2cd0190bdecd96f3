using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>ContractModel</c> (research/topstepx-api.md §5.1); tick size in points, tick value in USD.</summary>
public sealed record ContractModel(string Id, string Name, string Description, decimal TickSize, decimal TickValue, bool ActiveContract, string SymbolId)
{
    /// <summary>Maps a listed contract.</summary>
    public static ContractModel From(SimContract c) => new(c.Id, c.Name, c.Description, c.Spec.TickSize, c.Spec.TickValue, c.Active, c.SymbolId);
}
