namespace GoldBot.GatewaySimulator.Engine;

/// <summary>ProjectX <c>OrderSide</c>: 0 Bid (buy), 1 Ask (sell) (research/topstepx-api.md §7.5).</summary>
public enum OrderSide
{
    /// <summary>Buy.</summary>
    Bid = 0,
    /// <summary>Sell.</summary>
    Ask = 1,
}
