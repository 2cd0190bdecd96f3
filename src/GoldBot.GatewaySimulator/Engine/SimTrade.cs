namespace GoldBot.GatewaySimulator.Engine;

/// <summary>One half-turn fill (<c>HalfTradeModel</c>, research/topstepx-api.md §8.2).</summary>
/// <param name="Id">Trade id; ids increase.</param>
/// <param name="AccountId">Owning account.</param>
/// <param name="ContractId">ProjectX contract id.</param>
/// <param name="CreationTimestamp">Market time (UTC) of the fill.</param>
/// <param name="Price">Fill price, in points.</param>
/// <param name="ProfitAndLoss">Realised gross P&amp;L in USD of the closing part of this fill; null for a purely opening fill.</param>
/// <param name="Fees">Exchange and platform fees in USD: fee per contract side × size.</param>
/// <param name="Commissions">Commissions in USD: commission per contract side × size (the live gateway sends it beside fees).</param>
/// <param name="Side">Buy (Bid) or sell (Ask).</param>
/// <param name="Size">Contracts filled.</param>
/// <param name="Voided">Always false in the simulator.</param>
/// <param name="OrderId">The order that filled.</param>
public sealed record SimTrade(long Id, int AccountId, string ContractId, DateTimeOffset CreationTimestamp, decimal Price, decimal? ProfitAndLoss, decimal Fees, decimal Commissions, OrderSide Side, int Size, bool Voided, long OrderId);
