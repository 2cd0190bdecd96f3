namespace GoldBot.GatewaySimulator.Engine;

/// <summary>errorCode of <c>Position/partialCloseContract</c> (swagger via research/topstepx-api.md §3).</summary>
public enum PartialCloseError
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
    /// <summary>Size not in [1, position size].</summary>
    InvalidCloseSize = 5,
    /// <summary>The closing order was rejected (no market price).</summary>
    OrderRejected = 6,
}
