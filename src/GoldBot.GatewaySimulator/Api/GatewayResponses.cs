namespace GoldBot.GatewaySimulator.Api;

/// <summary>The bare envelope every response carries: success, an endpoint-specific errorCode, errorMessage (research/topstepx-api.md §3).</summary>
public sealed record EnvelopeResponse(bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Auth/loginKey</c> response.</summary>
public sealed record LoginResponse(string? Token, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Auth/validate</c> response.</summary>
public sealed record ValidateResponse(bool Success, int ErrorCode, string? ErrorMessage, string? NewToken);

/// <summary><c>Account/search</c> response.</summary>
public sealed record AccountsResponse(IReadOnlyList<AccountModel> Accounts, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Contract/search</c> and <c>Contract/available</c> response.</summary>
public sealed record ContractsResponse(IReadOnlyList<ContractModel> Contracts, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Contract/searchById</c> response (the newer docs' singular <c>contract</c>).</summary>
public sealed record ContractResponse(ContractModel? Contract, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>History/retrieveBars</c> response, newest bar first.</summary>
public sealed record BarsResponse(IReadOnlyList<BarModel> Bars, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Order/place</c> response; <c>orderId</c> can be set on a rejection.</summary>
public sealed record PlaceOrderResponse(long? OrderId, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Order/search</c> and <c>Order/searchOpen</c> response.</summary>
public sealed record OrdersResponse(IReadOnlyList<OrderModel> Orders, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Order/searchById</c> response; errorCode 1 OrderNotFound.</summary>
public sealed record OrderResponse(OrderModel? Order, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Position/searchOpen</c> response.</summary>
public sealed record PositionsResponse(IReadOnlyList<PositionModel> Positions, bool Success, int ErrorCode, string? ErrorMessage);

/// <summary><c>Trade/search</c> response.</summary>
public sealed record TradesResponse(IReadOnlyList<TradeModel> Trades, bool Success, int ErrorCode, string? ErrorMessage);
