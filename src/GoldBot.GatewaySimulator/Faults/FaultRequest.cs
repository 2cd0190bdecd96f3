namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// Faults to switch on, as posted to <c>POST /admin/faults</c> or set in configuration (<c>GatewaySimulator:Faults</c>).
/// Every field is optional; a null field leaves that fault unchanged; a count replaces the pending count (0 switches it off).
/// Example: <c>{"failNextResponses":{"count":2,"status":429},"rejectNextOrder":{"errorCode":2,"errorMessage":"Invalid symbol"}}</c>.
/// <para>Durations run on the simulator's clock (<see cref="Hosting.GatewaySimulatorOptions.ServiceClock"/>: the driven clock in
/// driven mode, otherwise <see cref="Hosting.GatewaySimulatorOptions.WallClock"/>), except <see cref="QuietMarket"/>, which is a
/// window of market time. Every random choice comes from one <see cref="System.Random"/> seeded with <see cref="Seed"/>.</para>
/// <para>Counted faults are consumed only by requests that would otherwise have been executed (a cancel of an order that is not
/// working, a modify with an invalid price or a close without a position answer as usual and leave the count unchanged).</para>
/// </summary>
public sealed class FaultRequest
{
    /// <summary>True: abort every open hub connection now.</summary>
    public bool? DropHubConnections { get; set; }

    /// <summary>Refuse hub connections (HTTP 503 before the WebSocket upgrade) for this many seconds on the simulator's clock from now.</summary>
    public double? RefuseHubConnectionsSeconds { get; set; }

    /// <summary>The next <c>count</c> REST responses get HTTP <c>status</c> (429 or 500) instead of being served.</summary>
    public FailResponses? FailNextResponses { get; set; }

    /// <summary>
    /// Delay REST requests by this many milliseconds on the simulator's clock before they are executed (0 switches it off);
    /// a client that gives up first aborts the request and it is never executed. Counted in <see cref="Hosting.SimulatorActivity.HeldRequests"/>.
    /// </summary>
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

    /// <summary>Reseeds the random source of every random fault (user-event delays, event order). Not reset by <see cref="Clear"/>; default seed 0.</summary>
    public int? Seed { get; set; }

    /// <summary>(a) Deliver each change's user-hub events a random time later than the REST state changes (uniform in [min, max] ms on the simulator's clock).</summary>
    public UserEventDelay? UserEventDelay { get; set; }

    /// <summary>
    /// (b) Per change, a coin decides whether each fill's <c>GatewayUserTrade</c> comes before its <c>GatewayUserOrder</c> update
    /// (heads) or after it (tails, the normal order). False switches it off.
    /// </summary>
    public bool? ShuffleOrderAndTradeEvents { get; set; }

    /// <summary>
    /// (c) The next N <c>Order/cancel</c> requests for a working order fill it instead (a limit at its limit price, a stop or trailing stop
    /// at its stop price, a market order at the last price; with the usual order, trade, position and account events) and answer
    /// errorCode 3 (Rejected) saying the order is filled.
    /// </summary>
    public int? RefuseNextCancelsAsFilled { get; set; }

    /// <summary>(d) The next N <c>Order/modify</c> requests answer errorCode 3 (Rejected) and leave the order unchanged.</summary>
    public int? RefuseNextModifies { get; set; }

    /// <summary>(d) The next N <c>Order/place</c> requests of a Stop (type 4) answer errorCode 2 (OrderRejected); no order is created.</summary>
    public int? RefuseNextStops { get; set; }

    /// <summary>(d) The next N <c>Position/closeContract</c> requests answer errorCode 5 (OrderRejected) and leave the position open.</summary>
    public int? RefuseNextCloses { get; set; }

    /// <summary>(e) The next filled orders fill only part of their size and the rest is cancelled.</summary>
    public PartialFillThenCancel? PartialFillThenCancel { get; set; }

    /// <summary>(f) The next REST requests (optionally on one path) are executed, then answered late or never.</summary>
    public HoldResponses? HoldResponses { get; set; }

    /// <summary>(g) An HTTP 5xx burst on one endpoint, for a number of requests or a time on the simulator's clock, optionally executing the requests first.</summary>
    public FailEndpoint? FailEndpoint { get; set; }

    /// <summary>(h) A window of market time without trades, quotes, depth or price-driven fills.</summary>
    public QuietMarket? QuietMarket { get; set; }

    /// <summary>(i) Abort every hub connection right after the next successful <c>Position/closeContract</c> requests, optionally refusing reconnects.</summary>
    public HubDropOnClose? DropHubsOnClose { get; set; }

    /// <summary>
    /// (j) Shift the <c>timestamp</c> (and the quote's <c>lastUpdated</c>) of published <c>GatewayTrade</c>, <c>GatewayQuote</c> and
    /// <c>GatewayDepth</c> events by this many milliseconds (negative: earlier); 0 switches it off.
    /// </summary>
    public int? MarketTimestampOffsetMilliseconds { get; set; }

    /// <summary>
    /// (k) Every market-hub connection open now loses its subscriptions: it stays connected and answers keep-alives but
    /// receives no quote, trade or depth again (a silent feed). A new connection subscribes normally.
    /// </summary>
    public bool? SilenceMarketHub { get; set; }

    /// <summary>True: switch every fault off first, then apply the other fields.</summary>
    public bool? Clear { get; set; }

    /// <summary>Every problem of this request, one line each (field name and rule); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Count(string name, int? value)
        {
            if (value < 0) problems.Add($"{name}: {value} must be ≥ 0");
        }
        Count(nameof(DelayMilliseconds), DelayMilliseconds);
        Count(nameof(DelayCount), DelayCount);
        Count(nameof(RefuseNextCancelsAsFilled), RefuseNextCancelsAsFilled);
        Count(nameof(RefuseNextModifies), RefuseNextModifies);
        Count(nameof(RefuseNextStops), RefuseNextStops);
        Count(nameof(RefuseNextCloses), RefuseNextCloses);
        if (RefuseHubConnectionsSeconds is < 0 or double.NaN) problems.Add($"{nameof(RefuseHubConnectionsSeconds)}: {RefuseHubConnectionsSeconds} must be ≥ 0");
        if (FailNextResponses is { } fail && (fail.Count < 0 || fail.Status is < 400 or > 599))
            problems.Add($"{nameof(FailNextResponses)}: count {fail.Count} must be ≥ 0 and status {fail.Status} in [400, 599]");
        if (UserEventDelay is { } delay && (delay.MinMilliseconds < 0 || delay.MaxMilliseconds < delay.MinMilliseconds))
            problems.Add($"{nameof(UserEventDelay)}: need 0 ≤ minMilliseconds ({delay.MinMilliseconds}) ≤ maxMilliseconds ({delay.MaxMilliseconds})");
        if (PartialFills is { } pieces && (pieces.Pieces < 1 || pieces.Orders < 0 || pieces.TicksApart < 0))
            problems.Add($"{nameof(PartialFills)}: pieces {pieces.Pieces} must be ≥ 1, orders {pieces.Orders} ≥ 0 and ticksApart {pieces.TicksApart} ≥ 0");
        if (PartialFillThenCancel is { } partial && (partial.Orders < 0 || partial.Contracts < 1))
            problems.Add($"{nameof(PartialFillThenCancel)}: orders {partial.Orders} must be ≥ 0 and contracts {partial.Contracts} ≥ 1");
        if (HoldResponses is { } hold)
        {
            if (hold.Count < 0) problems.Add($"{nameof(HoldResponses)}: count {hold.Count} must be ≥ 0");
            if (hold.Milliseconds < 0) problems.Add($"{nameof(HoldResponses)}: milliseconds {hold.Milliseconds} must be ≥ 0 (null: never answered)");
            if (hold.Path is { } path && !path.StartsWith('/')) problems.Add($"{nameof(HoldResponses)}: path '{path}' must start with '/', e.g. /api/Order/place");
        }
        if (FailEndpoint is { } burst)
        {
            if (string.IsNullOrWhiteSpace(burst.Path) || !burst.Path.StartsWith('/')) problems.Add($"{nameof(FailEndpoint)}: path '{burst.Path}' must start with '/', e.g. /api/Order/place");
            if (burst.Status is < 400 or > 599) problems.Add($"{nameof(FailEndpoint)}: status {burst.Status} must be in [400, 599]");
            if (burst.Count is null && burst.Seconds is null) problems.Add($"{nameof(FailEndpoint)}: give count, seconds or both");
            if (burst.Count < 0) problems.Add($"{nameof(FailEndpoint)}: count {burst.Count} must be ≥ 0");
            if (burst.Seconds is <= 0 or double.NaN) problems.Add($"{nameof(FailEndpoint)}: seconds {burst.Seconds} must be positive");
        }
        if (QuietMarket is { } quiet)
        {
            if (quiet.Until is null && quiet.Seconds is null) problems.Add($"{nameof(QuietMarket)}: give until or seconds");
            if (quiet.Seconds is <= 0 or double.NaN) problems.Add($"{nameof(QuietMarket)}: seconds {quiet.Seconds} must be positive");
            if (quiet.From is { } from && quiet.Until is { } until && until <= from) problems.Add($"{nameof(QuietMarket)}: until {until:O} must be after from {from:O}");
        }
        if (DropHubsOnClose is { } drop && (drop.Count < 0 || drop.RefuseSeconds is < 0 or double.NaN))
            problems.Add($"{nameof(DropHubsOnClose)}: count {drop.Count} and refuseSeconds {drop.RefuseSeconds} must be ≥ 0");
        return problems;
    }
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
/// <param name="TicksApart">Each piece this many ticks worse than the one before (a buy higher, a sell lower), as a market
/// order that sweeps the book; 0 (default): every piece at the same price.</param>
public sealed record PartialFills(int Pieces, int Orders = 1, int TicksApart = 0);
