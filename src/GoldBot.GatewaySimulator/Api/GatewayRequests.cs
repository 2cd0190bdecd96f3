namespace GoldBot.GatewaySimulator.Api;

/// <summary><c>Auth/loginKey</c> body.</summary>
public sealed record LoginKeyRequest(string? UserName, string? ApiKey);

/// <summary><c>Account/search</c> body.</summary>
public sealed record AccountSearchRequest(bool OnlyActiveAccounts);

/// <summary><c>Contract/search</c> body.</summary>
public sealed record ContractSearchRequest(string? SearchText, bool Live);

/// <summary><c>Contract/searchById</c> body.</summary>
public sealed record ContractByIdRequest(string? ContractId);

/// <summary><c>Contract/available</c> body.</summary>
public sealed record ContractAvailableRequest(bool Live);

/// <summary><c>History/retrieveBars</c> body (all fields required by the gateway).</summary>
public sealed record RetrieveBarsRequest(string? ContractId, bool Live, DateTimeOffset StartTime, DateTimeOffset EndTime, int Unit, int UnitNumber, int Limit, bool IncludePartialBar);

/// <summary>A bracket leg in a request: ticks from the fill and an order type.</summary>
public sealed record BracketRequest(int Ticks, int Type);

/// <summary><c>Order/place</c> body.</summary>
public sealed record PlaceOrderRequest(int AccountId, string? ContractId, int Type, int Side, int Size, decimal? LimitPrice, decimal? StopPrice, decimal? TrailPrice,
    string? CustomTag, long? LinkedOrderId, BracketRequest? StopLossBracket, BracketRequest? TakeProfitBracket);

/// <summary><c>Order/modify</c> body.</summary>
public sealed record ModifyOrderRequest(int AccountId, long OrderId, int? Size, decimal? LimitPrice, decimal? StopPrice, decimal? TrailPrice);

/// <summary><c>Order/cancel</c> body.</summary>
public sealed record CancelOrderRequest(int AccountId, long OrderId);

/// <summary><c>Order/search</c> and <c>Trade/search</c> body.</summary>
public sealed record TimeWindowRequest(int AccountId, DateTimeOffset StartTimestamp, DateTimeOffset? EndTimestamp);

/// <summary><c>Order/searchById</c> body (swagger only, research/topstepx-api.md §7.4).</summary>
public sealed record OrderByIdRequest(int AccountId, long OrderId);

/// <summary><c>Order/searchOpen</c> and <c>Position/searchOpen</c> body.</summary>
public sealed record AccountRequest(int AccountId);

/// <summary><c>Position/closeContract</c> body.</summary>
public sealed record CloseContractRequest(int AccountId, string? ContractId);

/// <summary><c>Position/partialCloseContract</c> body.</summary>
public sealed record PartialCloseContractRequest(int AccountId, string? ContractId, int Size);
