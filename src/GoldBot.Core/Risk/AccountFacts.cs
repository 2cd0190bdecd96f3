namespace GoldBot.Risk;

/// <summary>What the gateway says about the account at start-up, for <see cref="RiskStateRecovery"/>. Money in USD.</summary>
/// <param name="Balance">The account's balance now (ProjectX <c>Account/search</c>).</param>
/// <param name="DayRealizedPnL">Realised P&amp;L of the current trading day after fees and commissions (ProjectX <c>Trade/search</c> since 17:00 CT).</param>
/// <param name="HasHistory">True when the account has traded before (any fill in the look-back of <c>Trade/search</c>); false for a fresh account.</param>
public sealed record AccountFacts(decimal Balance, decimal DayRealizedPnL, bool HasHistory);
