namespace GoldBot.GatewaySimulator.Engine;

/// <summary>errorCode of <c>Position/closeContract</c> (swagger via research/topstepx-api.md §3).</summary>
public enum ClosePositionError
{
    /// <summary>Success.</summary>
    Success = 0,
    /// <summary>No such account.</summary>
    AccountNotFound = 1,
    /// <summary>No open position in the contract.</summary>
    PositionNotFound = 2,
    /// <summary>No such contract.</summary>
    ContractNotFound = 3,
    /// <summary>Expired contract.</summary>
    ContractNotActive = 4,
    /// <summary>The closing order was rejected (no market price).</summary>
    OrderRejected = 5,
}
