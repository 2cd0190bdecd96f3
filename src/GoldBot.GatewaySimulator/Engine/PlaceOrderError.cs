namespace GoldBot.GatewaySimulator.Engine;

/// <summary>errorCode of <c>Order/place</c> (swagger via research/topstepx-api.md §3).</summary>
public enum PlaceOrderError
{
    /// <summary>Success.</summary>
    Success = 0,
    /// <summary>No such account.</summary>
    AccountNotFound = 1,
    /// <summary>Every validation failure; read errorMessage.</summary>
    OrderRejected = 2,
    /// <summary>Balance not above zero.</summary>
    InsufficientFunds = 3,
    /// <summary>The account cannot trade (<c>canTrade</c> false).</summary>
    AccountViolation = 4,
    /// <summary>Outside trading hours.</summary>
    OutsideTradingHours = 5,
    /// <summary>Order pending.</summary>
    OrderPending = 6,
    /// <summary>Unknown error.</summary>
    UnknownError = 7,
    /// <summary>No such contract.</summary>
    ContractNotFound = 8,
    /// <summary>The contract has expired.</summary>
    ContractNotActive = 9,
    /// <summary>Account rejected.</summary>
    AccountRejected = 10,
}
