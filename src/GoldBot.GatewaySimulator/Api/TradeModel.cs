using GoldBot.GatewaySimulator.Engine;

namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>HalfTradeModel</c> (research/topstepx-api.md §8.2) with the swagger's <c>commissions</c>.</summary>
public sealed record TradeModel(long Id, int AccountId, string ContractId, DateTimeOffset CreationTimestamp, decimal Price, decimal? ProfitAndLoss, decimal Fees, decimal Commissions, int Side, int Size, bool Voided, long OrderId)
{
    /// <summary>Maps an engine trade.</summary>
    public static TradeModel From(SimTrade t) => new(t.Id, t.AccountId, t.ContractId, t.CreationTimestamp, t.Price, t.ProfitAndLoss, t.Fees, t.Commissions, (int)t.Side, t.Size, t.Voided, t.OrderId);
}
