namespace GoldBot.GatewaySimulator.Engine;

/// <summary>errorCode of <c>Order/modify</c> and (values 0–6) <c>Order/cancel</c> (swagger via research/topstepx-api.md §3).</summary>
public enum ModifyOrderError
{
    /// <summary>Success.</summary>
    Success = 0,
    /// <summary>No such account.</summary>
    AccountNotFound = 1,
    /// <summary>No such order on the account.</summary>
    OrderNotFound = 2,
    /// <summary>The order is not working, or the new values are invalid.</summary>
    Rejected = 3,
    /// <summary>Pending.</summary>
    Pending = 4,
    /// <summary>Unknown error.</summary>
    UnknownError = 5,
    /// <summary>Account rejected (live accounts).</summary>
    AccountRejected = 6,
    /// <summary>No such contract (modify only).</summary>
    ContractNotFound = 7,
}
