namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// Faults to switch on, as posted to <c>POST /admin/faults</c> or set in configuration. Every field is
/// optional; a null field leaves that fault unchanged. Example:
/// <c>{"failNextResponses":{"count":2,"status":429},"rejectNextOrder":{"errorCode":2,"errorMessage":"Invalid symbol"}}</c>.
/// </summary>
public sealed class FaultRequest
{
    /// <summary>True: abort every open hub connection now.</summary>
    public bool? DropHubConnections { get; set; }

    /// <summary>Refuse hub connections (HTTP 503 before the WebSocket upgrade) for this many seconds of wall time from now.</summary>
    public double? RefuseHubConnectionsSeconds { get; set; }

    /// <summary>The next <c>count</c> REST responses get HTTP <c>status</c> (429 or 500) instead of being served.</summary>
    public FailResponses? FailNextResponses { get; set; }

    /// <summary>Delay REST responses by this many milliseconds (0 switches it off).</summary>
    public int? DelayMilliseconds { get; set; }

    /// <summary>How many responses <see cref="DelayMilliseconds"/> applies to; null = until switched off.</summary>
    public int? DelayCount { get; set; }

    /// <summary>True: every token issued so far is expired now (the next request with one gets 401).</summary>
    public bool? ExpireTokens { get; set; }

    /// <summary>Reject the next <c>Order/place</c> with this errorCode and message (errorCode 2 also creates the rejected order and returns its id).</summary>
    public RejectOrder? RejectNextOrder { get; set; }

    /// <summary>Fill the next <c>orders</c> placed orders in <c>pieces</c> pieces each.</summary>
    public PartialFills? PartialFills { get; set; }

    /// <summary>Send every user-hub event twice.</summary>
    public bool? DuplicateUserEvents { get; set; }

    /// <summary>Send the user-hub events of each change in reverse order (e.g. the fill before the order's creation).</summary>
    public bool? OutOfOrderUserEvents { get; set; }

    /// <summary>True: switch every fault off first, then apply the other fields.</summary>
    public bool? Clear { get; set; }
}

/// <summary>Forced HTTP failures.</summary>
/// <param name="Count">How many responses.</param>
/// <param name="Status">HTTP status, 429 or 500.</param>
public sealed record FailResponses(int Count, int Status);

/// <summary>A forced order rejection.</summary>
/// <param name="ErrorCode">Order/place errorCode (see <see cref="Engine.PlaceOrderError"/>).</param>
/// <param name="ErrorMessage">errorMessage to return.</param>
public sealed record RejectOrder(int ErrorCode, string? ErrorMessage);

/// <summary>Forced partial fills.</summary>
/// <param name="Pieces">Pieces per order (≥ 1).</param>
/// <param name="Orders">How many orders (default 1).</param>
public sealed record PartialFills(int Pieces, int Orders = 1);
