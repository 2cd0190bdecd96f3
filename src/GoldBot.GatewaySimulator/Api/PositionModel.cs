using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>PositionModel</c> (research/topstepx-api.md §8.1): type 1 long, 2 short; size always positive.</summary>
public sealed record PositionModel(long Id, int AccountId, string ContractId, string ContractDisplayName, DateTimeOffset CreationTimestamp, int Type, int Size, decimal AveragePrice)
{
    /// <summary>Maps an engine position.</summary>
    public static PositionModel From(SimPosition p) => new(p.Id, p.AccountId, p.ContractId, p.ContractDisplayName, p.CreationTimestamp, (int)p.Type, p.Size, p.AveragePrice);
}
