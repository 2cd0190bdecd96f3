namespace GoldBot.GatewaySimulator.Engine;

/// <summary>A trading account as the gateway reports it (<c>TradingAccountModel</c>, research/topstepx-api.md §4).</summary>
/// <param name="Id">Account id.</param>
/// <param name="Name">Free-text name, e.g. <c>PRAC-V2-…</c>.</param>
/// <param name="Balance">Cash balance in USD: start balance plus realised P&amp;L minus fees and commissions.</param>
/// <param name="CanTrade">False blocks new orders (errorCode 4 AccountViolation).</param>
/// <param name="IsVisible">Visible in the platform.</param>
/// <param name="Simulated">True for Practice, Combine and XFA accounts.</param>
/// <param name="AutoOcoBrackets">True when the account is in Auto OCO Brackets mode; false (Position Brackets) rejects orders that carry brackets.</param>
public sealed record SimAccount(int Id, string Name, decimal Balance, bool CanTrade, bool IsVisible, bool Simulated, bool AutoOcoBrackets);
