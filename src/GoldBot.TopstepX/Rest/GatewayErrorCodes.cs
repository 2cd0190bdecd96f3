using System.Collections.Frozen;

namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Names of each endpoint's <c>errorCode</c> values (swagger enums quoted in <c>research/topstepx-api.md</c>
/// §2 and §3). The same integer means different things on different endpoints, so the lookup is per endpoint.
/// </summary>
public static class GatewayErrorCodes
{
    private static readonly FrozenDictionary<string, string[]> Names = new Dictionary<string, string[]>
    {
        [GatewayEndpoints.LoginKey] =
        [
            "Success", "UserNotFound", "PasswordVerificationFailed", "InvalidCredentials", "AppNotFound",
            "AppVerificationFailed", "InvalidDevice", "AgreementsNotSigned", "UnknownError", "ApiSubscriptionNotFound",
            "ApiKeyAuthenticationDisabled",
        ],
        [GatewayEndpoints.Validate] = ["Success", "InvalidSession", "SessionNotFound", "ExpiredToken", "UnknownError"],
        [GatewayEndpoints.AccountSearch] = ["Success"],
        [GatewayEndpoints.ContractSearch] = ["Success"],
        [GatewayEndpoints.ContractAvailable] = ["Success"],
        [GatewayEndpoints.ContractSearchById] = ["Success", "ContractNotFound"],
        [GatewayEndpoints.RetrieveBars] = ["Success", "ContractNotFound", "UnitInvalid", "UnitNumberInvalid", "LimitInvalid"],
        [GatewayEndpoints.OrderPlace] =
        [
            "Success", "AccountNotFound", "OrderRejected", "InsufficientFunds", "AccountViolation", "OutsideTradingHours",
            "OrderPending", "UnknownError", "ContractNotFound", "ContractNotActive", "AccountRejected",
        ],
        [GatewayEndpoints.OrderModify] =
            ["Success", "AccountNotFound", "OrderNotFound", "Rejected", "Pending", "UnknownError", "AccountRejected", "ContractNotFound"],
        [GatewayEndpoints.OrderCancel] =
            ["Success", "AccountNotFound", "OrderNotFound", "Rejected", "Pending", "UnknownError", "AccountRejected"],
        [GatewayEndpoints.OrderSearch] = ["Success", "AccountNotFound"],
        [GatewayEndpoints.OrderSearchOpen] = ["Success", "AccountNotFound"],
        [GatewayEndpoints.PositionSearchOpen] = ["Success", "AccountNotFound"],
        [GatewayEndpoints.PositionCloseContract] =
        [
            "Success", "AccountNotFound", "PositionNotFound", "ContractNotFound", "ContractNotActive", "OrderRejected",
            "OrderPending", "UnknownError", "AccountRejected",
        ],
        [GatewayEndpoints.PositionPartialCloseContract] =
        [
            "Success", "AccountNotFound", "PositionNotFound", "ContractNotFound", "ContractNotActive", "InvalidCloseSize",
            "OrderRejected", "OrderPending", "UnknownError", "AccountRejected",
        ],
        [GatewayEndpoints.TradeSearch] = ["Success", "AccountNotFound"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The endpoint's name for <paramref name="code"/>, or <c>Code{n}</c> when the endpoint or code is unknown.</summary>
    public static string Describe(string endpoint, int code) =>
        Names.TryGetValue(endpoint, out var names) && code >= 0 && code < names.Length ? names[code] : $"Code{code}";
}
