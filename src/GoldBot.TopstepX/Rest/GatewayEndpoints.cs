namespace GoldBot.TopstepX.Rest;

/// <summary>REST paths of the ProjectX Gateway (§2–§8); every one is a POST with a JSON body.</summary>
public static class GatewayEndpoints
{
    /// <summary>Login with the API key.</summary>
    public const string LoginKey = "/api/Auth/loginKey";
    /// <summary>Refresh the session token.</summary>
    public const string Validate = "/api/Auth/validate";
    /// <summary>List accounts.</summary>
    public const string AccountSearch = "/api/Account/search";
    /// <summary>Search contracts by text (≤ 20 results).</summary>
    public const string ContractSearch = "/api/Contract/search";
    /// <summary>One contract by id.</summary>
    public const string ContractSearchById = "/api/Contract/searchById";
    /// <summary>Every available contract.</summary>
    public const string ContractAvailable = "/api/Contract/available";
    /// <summary>Historical bars (own rate limit).</summary>
    public const string RetrieveBars = "/api/History/retrieveBars";
    /// <summary>Place an order.</summary>
    public const string OrderPlace = "/api/Order/place";
    /// <summary>Modify a working order.</summary>
    public const string OrderModify = "/api/Order/modify";
    /// <summary>Cancel a working order.</summary>
    public const string OrderCancel = "/api/Order/cancel";
    /// <summary>Orders in a time window.</summary>
    public const string OrderSearch = "/api/Order/search";
    /// <summary>Working orders.</summary>
    public const string OrderSearchOpen = "/api/Order/searchOpen";
    /// <summary>Open positions.</summary>
    public const string PositionSearchOpen = "/api/Position/searchOpen";
    /// <summary>Close a whole position at market.</summary>
    public const string PositionCloseContract = "/api/Position/closeContract";
    /// <summary>Close part of a position at market.</summary>
    public const string PositionPartialCloseContract = "/api/Position/partialCloseContract";
    /// <summary>Half-turn fills in a time window.</summary>
    public const string TradeSearch = "/api/Trade/search";
}
