using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using GoldBot.Market;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Contracts.Wire;
using GoldBot.TopstepX.Serialization;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Typed client of the ProjectX Gateway REST API (TopstepX; <c>research/topstepx-api.md</c> §2–§8).
/// Every call is rate limited (<see cref="RequestThrottle"/>), authenticated with the session token of
/// <see cref="Tokens"/> (re-login and one retry on HTTP 401), and bounded by
/// <see cref="TopstepXOptions.RequestTimeout"/> per attempt (counted from when the rate limiter releases it).
/// Queries (searches, history, contract lookups, validate) are retried with exponential backoff and jitter
/// on HTTP 429, 5xx, network errors and timeouts, honouring Retry-After. Money-moving commands are sent once
/// (retried on HTTP 429 only: the gateway refused before acting); after a timeout, a 5xx or a lost answer their
/// outcome is reported as unknown, never as a rejection, and the caller learns it from the gateway's order state
/// before anything is sent again (§12.2).
/// Queries that the gateway refuses throw <see cref="GatewayException"/>; commands return typed results.
/// </summary>
public sealed class ProjectXClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TopstepXOptions _options;
    private readonly TimeProvider _time;
    private readonly TimeProvider _gatewayTime;
    private readonly ILogger _logger;
    private readonly RequestThrottle _throttle;
    private readonly TokenProvider _tokens;
    private readonly ResiliencePipeline<HttpResponseMessage> _queryPipeline;
    private readonly ResiliencePipeline<HttpResponseMessage> _commandPipeline;
    private readonly ResiliencePipeline _attemptTimeout;
    private int _inFlight;
    private int _barsQueued;
    private int _cancelling;

    /// <summary>Creates the client. The <paramref name="http"/> client is not owned (not disposed here).</summary>
    /// <param name="gatewayTime">
    /// The clock of the gateway's own timestamps, for order-search windows: the wall clock live (default),
    /// market time against the gateway simulator, which stamps orders with the time of its replayed bars.
    /// Tokens, timeouts and rate limits always use <paramref name="time"/>.
    /// </param>
    /// <param name="retryTime">
    /// The clock of the backoff between retries (default <paramref name="time"/>). An in-process run on a virtual
    /// clock waits out backoffs on the wall clock, so a retry never waits for virtual time to be advanced.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid (every problem listed).</exception>
    public ProjectXClient(HttpClient http, TopstepXOptions options, TimeProvider time, ILogger<ProjectXClient> logger, TimeProvider? gatewayTime = null,
        TimeProvider? retryTime = null)
    {
        _gatewayTime = gatewayTime ?? time;
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        var errors = options.Errors();
        if (errors.Count > 0)
            throw new ArgumentException("invalid TopstepX options: " + string.Join("; ", errors), nameof(options));
        _throttle = new RequestThrottle(options, time);
        _tokens = new TokenProvider(LoginAsync, ValidateAsync, time, options.TokenRefreshMargin, logger);
        _queryPipeline = BuildPipeline(retryUnknownOutcomes: true, retryTime ?? time);
        _commandPipeline = BuildPipeline(retryUnknownOutcomes: false, retryTime ?? time);
        _attemptTimeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>The session token source, shared with the hubs so every connect uses the current token.</summary>
    public TokenProvider Tokens => _tokens;

    /// <summary>Requests currently waiting for the client-wide rate limiter.</summary>
    public long QueuedRequests => _throttle.QueuedRequests;

    /// <summary>History/retrieveBars requests currently waiting for either rate limiter (the bars limit or the client-wide one).</summary>
    public int QueuedBarsRequests => Volatile.Read(ref _barsQueued);

    /// <summary>Accounts of the profile (Account/search, §4).</summary>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<TradingAccount>> SearchAccountsAsync(bool onlyActiveAccounts = true, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<AccountSearchRequest, AccountSearchResponse>(GatewayEndpoints.AccountSearch, new(onlyActiveAccounts), cancellationToken).ConfigureAwait(false);
        return response.Accounts ?? [];
    }

    /// <summary>Contracts matching <paramref name="searchText"/> (Contract/search, at most 20, §5.1).</summary>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayContract>> SearchContractsAsync(string searchText, bool live = false, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<ContractSearchRequest, ContractResponse>(GatewayEndpoints.ContractSearch, new(searchText, live), cancellationToken).ConfigureAwait(false);
        return response.Contracts ?? [];
    }

    /// <summary>One contract by id, expired ones included (Contract/searchById; reads <c>contract</c> or <c>contracts[]</c>).</summary>
    /// <exception cref="GatewayException">Unknown contract (<c>ContractNotFound</c>) or another refusal.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<GatewayContract> GetContractByIdAsync(string contractId, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<ContractSearchByIdRequest, ContractResponse>(GatewayEndpoints.ContractSearchById, new(contractId), cancellationToken).ConfigureAwait(false);
        return response.Contract
            ?? response.Contracts?.FirstOrDefault(c => string.Equals(c.Id, contractId, StringComparison.OrdinalIgnoreCase))
            ?? throw new GatewayException(GatewayEndpoints.ContractSearchById, 1, "ContractNotFound", $"no contract {contractId} in the answer");
    }

    /// <summary>Every available contract (Contract/available, §5.1).</summary>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayContract>> GetAvailableContractsAsync(bool live = false, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<ContractAvailableRequest, ContractResponse>(GatewayEndpoints.ContractAvailable, new(live), cancellationToken).ConfigureAwait(false);
        return response.Contracts ?? [];
    }

    /// <summary>
    /// The active contract of a product given by CME code ("MGC") or ProjectX symbolId ("F.US.MGC"):
    /// the single contract with that <c>symbolId</c> and <c>activeContract</c> (§5.2: never match on the
    /// CME code or name). Looks in Contract/available, then (none found, or the endpoint refused) in Contract/search.
    /// </summary>
    /// <returns>The contract, with id, name, tick size (points) and tick value (USD).</returns>
    /// <exception cref="GatewayException">No active contract (<c>ContractNotFound</c>) or several (<c>AmbiguousContract</c>, e.g. during a roll).</exception>
    public async Task<GatewayContract> ResolveContractAsync(string symbol, CancellationToken cancellationToken = default)
    {
        var symbolId = CmeSymbolMap.ToSymbolId(symbol);
        List<GatewayContract> candidates;
        try
        {
            candidates = Active(await GetAvailableContractsAsync(false, cancellationToken).ConfigureAwait(false), symbolId);
        }
        catch (GatewayException ex)
        {
            // Contract/available is missing from older swagger versions (§5.1): fall back to Contract/search.
            _logger.LogWarning("Contract/available failed ({Error}); resolving {Symbol} through Contract/search", ex.ErrorName, symbol);
            candidates = [];
        }
        if (candidates.Count == 0)
        {
            var root = symbolId[(symbolId.LastIndexOf('.') + 1)..];
            candidates = Active(await SearchContractsAsync(root, false, cancellationToken).ConfigureAwait(false), symbolId);
        }
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new GatewayException(GatewayEndpoints.ContractAvailable, 1, "ContractNotFound", $"no active contract with symbolId {symbolId} (from '{symbol}')"),
            _ => throw new GatewayException(GatewayEndpoints.ContractAvailable, -1, "AmbiguousContract",
                $"{candidates.Count} active contracts with symbolId {symbolId}: {string.Join(", ", candidates.Select(c => c.Id))}"),
        };

        static List<GatewayContract> Active(IReadOnlyList<GatewayContract> contracts, string symbolId) =>
            contracts.Where(c => c.ActiveContract && string.Equals(c.SymbolId, symbolId, StringComparison.OrdinalIgnoreCase))
                .DistinctBy(c => c.Id)
                .ToList();
    }

    /// <summary>
    /// Historical bars of <paramref name="contractId"/> between <paramref name="start"/> and <paramref name="end"/>
    /// (History/retrieveBars, §6; own rate limit), returned oldest first (the gateway sends newest first).
    /// </summary>
    /// <param name="limit">Most bars to return (gateway maximum 20,000; it keeps the latest).</param>
    /// <param name="includePartialBar">Include the still-forming bar (flag it out of signal logic).</param>
    /// <param name="live">Live vs sim data subscription; false for Practice/Combine (meaning UNCONFIRMED).</param>
    /// <exception cref="ArgumentOutOfRangeException">Bad unit number or limit.</exception>
    /// <exception cref="GatewayException">The gateway refused (ContractNotFound, UnitInvalid, …).</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayBar>> RetrieveBarsAsync(
        string contractId,
        DateTimeOffset start,
        DateTimeOffset end,
        BarUnit unit,
        int unitNumber,
        int limit = 20_000,
        bool includePartialBar = false,
        bool live = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 20_000);
        var request = new RetrieveBarsRequest(contractId, live, start.ToUniversalTime(), end.ToUniversalTime(), unit, unitNumber, limit, includePartialBar);
        var response = await QueryAsync<RetrieveBarsRequest, RetrieveBarsResponse>(GatewayEndpoints.RetrieveBars, request, cancellationToken).ConfigureAwait(false);
        var bars = (response.Bars ?? []).ToArray();
        Array.Sort(bars, static (a, b) => a.Time.CompareTo(b.Time));
        return bars;
    }

    /// <summary>
    /// Closed bars of <paramref name="period"/> (whole minutes, or whole hours from 60 minutes) between
    /// <paramref name="start"/> and <paramref name="end"/>, oldest first, as GoldBot bars (open time UTC,
    /// prices in points): <see cref="RetrieveBarsAsync"/> with the unit chosen from the period.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not a whole number of minutes, or the limit is out of range.</exception>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<Bar>> RetrieveClosedBarsAsync(string contractId, TimeSpan period, DateTimeOffset start, DateTimeOffset end, int limit = 20_000,
        CancellationToken cancellationToken = default)
    {
        if (period <= TimeSpan.Zero || period.Ticks % TimeSpan.TicksPerMinute != 0)
            throw new ArgumentOutOfRangeException(nameof(period), period, "bar period must be a whole number of minutes");
        var (unit, number) = period.Ticks % TimeSpan.TicksPerHour == 0 ? (BarUnit.Hour, (int)period.TotalHours) : (BarUnit.Minute, (int)period.TotalMinutes);
        var bars = await RetrieveBarsAsync(contractId, start, end, unit, number, limit, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. bars.Select(b => new Bar(b.Time, b.Open, b.High, b.Low, b.Close, b.Volume))];
    }

    /// <summary>Orders created from <paramref name="start"/> (Order/search, §7.4).</summary>
    /// <exception cref="GatewayException">The gateway refused (AccountNotFound).</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayOrder>> SearchOrdersAsync(long accountId, DateTimeOffset start, DateTimeOffset? end = null, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<TimeWindowRequest, OrderSearchResponse>(GatewayEndpoints.OrderSearch, new(accountId, start.ToUniversalTime(), end?.ToUniversalTime()), cancellationToken).ConfigureAwait(false);
        return response.Orders ?? [];
    }

    /// <summary>Working orders (Order/searchOpen; suspended bracket children are not included, §7.4).</summary>
    /// <exception cref="GatewayException">The gateway refused (AccountNotFound).</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayOrder>> SearchOpenOrdersAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<AccountRequest, OrderSearchResponse>(GatewayEndpoints.OrderSearchOpen, new(accountId), cancellationToken).ConfigureAwait(false);
        return response.Orders ?? [];
    }

    /// <summary>Open positions (Position/searchOpen, §8.1): the source of truth for position state.</summary>
    /// <exception cref="GatewayException">The gateway refused (AccountNotFound).</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<GatewayPosition>> SearchOpenPositionsAsync(long accountId, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<AccountRequest, PositionSearchResponse>(GatewayEndpoints.PositionSearchOpen, new(accountId), cancellationToken).ConfigureAwait(false);
        return response.Positions ?? [];
    }

    /// <summary>Half-turn fills from <paramref name="start"/> (Trade/search, §8.2).</summary>
    /// <exception cref="GatewayException">The gateway refused (AccountNotFound).</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<IReadOnlyList<HalfTrade>> SearchTradesAsync(long accountId, DateTimeOffset start, DateTimeOffset? end = null, CancellationToken cancellationToken = default)
    {
        var response = await QueryAsync<TimeWindowRequest, TradeSearchResponse>(GatewayEndpoints.TradeSearch, new(accountId, start.ToUniversalTime(), end?.ToUniversalTime()), cancellationToken).ConfigureAwait(false);
        return response.Trades ?? [];
    }

    /// <summary>
    /// Places an order (Order/place, §7.1), once: a refusal (any <c>success:false</c>, with or without an order
    /// id) is a rejected <see cref="PlaceOrderResult"/>; HTTP 429 is retried (the gateway refused before acting);
    /// a timeout, a 5xx or a lost answer makes the outcome unknown (<see cref="PlaceOrderResult.OutcomeUnknown"/>):
    /// the order may exist, so it is never sent again blindly; the caller finds it by its
    /// <see cref="PlaceOrderRequest.CustomTag"/> (<see cref="FindOrderByTagAsync"/>; §12.2). A tag is generated when none is given.
    /// </summary>
    /// <exception cref="ArgumentException">Size not positive or no contract.</exception>
    public async Task<PlaceOrderResult> PlaceOrderAsync(PlaceOrderRequest order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentOutOfRangeException.ThrowIfLessThan(order.Size, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.ContractId);
        order = order with { CustomTag = string.IsNullOrWhiteSpace(order.CustomTag) ? NewCustomTag() : order.CustomTag };
        var tag = order.CustomTag!;
        try
        {
            var response = await CommandAsync<PlaceOrderRequest, PlaceOrderResponse>(GatewayEndpoints.OrderPlace, order, cancellationToken).ConfigureAwait(false);
            var placed = new PlaceOrderResult(response.Success, response.OrderId, tag, response.ErrorCode,
                GatewayErrorCodes.Describe(GatewayEndpoints.OrderPlace, response.ErrorCode), response.ErrorMessage);
            // Accepted without an id: it exists, but which order it is must be learned from its tag.
            return placed.Accepted && placed.OrderId is null ? placed with { OutcomeUnknown = true, ErrorMessage = "accepted without an order id" } : placed;
        }
        catch (GatewayException ex) when (ex.HttpStatus is >= 400 and < 500)
        {
            return new PlaceOrderResult(false, null, tag, ex.ErrorCode, ex.ErrorName, ex.Message);
        }
        catch (Exception ex) when (ex is GatewayUnavailableException or GatewayException)
        {
            // No answer, or one that cannot be read: the order may exist.
            _logger.LogWarning("Order/place outcome unknown for tag {CustomTag} ({Reason})", tag, ex.Message);
            return new PlaceOrderResult(false, null, tag, -1, "OutcomeUnknown", ex.Message, OutcomeUnknown: true);
        }
    }

    /// <summary>
    /// The order placed with <paramref name="customTag"/>: working orders first (Order/searchOpen), then orders
    /// created since <paramref name="since"/> (Order/search). Null when neither lists it.
    /// </summary>
    /// <exception cref="GatewayException">The gateway refused.</exception>
    /// <exception cref="GatewayUnavailableException">No answer after every retry.</exception>
    public async Task<GatewayOrder?> FindOrderByTagAsync(long accountId, string customTag, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var open = await SearchOpenOrdersAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (open.FirstOrDefault(o => string.Equals(o.CustomTag, customTag, StringComparison.Ordinal)) is { } working)
            return working;
        var recent = await SearchOrdersAsync(accountId, since, null, cancellationToken).ConfigureAwait(false);
        return recent.FirstOrDefault(o => string.Equals(o.CustomTag, customTag, StringComparison.Ordinal));
    }

    /// <summary>
    /// Changes a working order (Order/modify, §7.2), once; send every intended value (omitted-field semantics
    /// are UNCONFIRMED). A timeout or 5xx makes the outcome unknown (<see cref="OrderCommandResult.OutcomeUnknown"/>).
    /// </summary>
    public async Task<OrderCommandResult> ModifyOrderAsync(long accountId, long orderId, int? size, decimal? limitPrice, decimal? stopPrice, decimal? trailPrice = null, CancellationToken cancellationToken = default) =>
        await SendCommandAsync(GatewayEndpoints.OrderModify, new ModifyOrderRequest(accountId, orderId, size, limitPrice, stopPrice, trailPrice), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Cancels a working order (Order/cancel, §7.3; simulated accounts only per the newer docs), once. A refusal
    /// may mean the order has just filled; a timeout or 5xx makes the outcome unknown.
    /// </summary>
    public async Task<OrderCommandResult> CancelOrderAsync(long accountId, long orderId, CancellationToken cancellationToken = default) =>
        await SendCommandAsync(GatewayEndpoints.OrderCancel, new CancelOrderRequest(accountId, orderId), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Closes the whole position in <paramref name="contractId"/> at market (Position/closeContract, §8.1): the gateway
    /// sizes it from what it holds. Sent once; an unknown outcome is reported as such (read Position/searchOpen before acting again).
    /// </summary>
    public Task<OrderCommandResult> ClosePositionAsync(long accountId, string contractId, CancellationToken cancellationToken = default) =>
        SendCommandAsync(GatewayEndpoints.PositionCloseContract, new CloseContractRequest(accountId, contractId), cancellationToken);

    /// <summary>Closes <paramref name="size"/> contracts of the position at market (Position/partialCloseContract, §8.1). Sent once; an unknown outcome is reported as such.</summary>
    public Task<OrderCommandResult> PartialClosePositionAsync(long accountId, string contractId, int size, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return SendCommandAsync(GatewayEndpoints.PositionPartialCloseContract, new PartialCloseContractRequest(accountId, contractId, size), cancellationToken);
    }

    /// <summary>Requests this client sent and has not yet had an answer to (the gateway is working on them, or holds them).</summary>
    public int RequestsInFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Requests in flight whose timeout has fired and whose cancellation has not yet been handled: counted from inside the
    /// timer (the client's clock) until the attempt has ended, so a driver of a virtual clock sees that the timeout is still
    /// at work (from then on the request's caller is).
    /// </summary>
    public int RequestsCancelling => Volatile.Read(ref _cancelling);

    /// <inheritdoc />
    public void Dispose()
    {
        _throttle.Dispose();
        _tokens.Dispose();
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync<LoginKeyRequest, LoginKeyResponse>(
            GatewayEndpoints.LoginKey, new LoginKeyRequest(_options.UserName, _options.ApiKey), _queryPipeline, authenticated: false, null, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(GatewayEndpoints.LoginKey, response);
        return string.IsNullOrEmpty(response.Token)
            ? throw new GatewayException(GatewayEndpoints.LoginKey, -1, "MissingToken", "login succeeded without a token")
            : response.Token;
    }

    private async Task<string?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var response = await SendAsync<object?, ValidateResponse>(GatewayEndpoints.Validate, null, _queryPipeline, authenticated: false, token, cancellationToken).ConfigureAwait(false);
        if (!response.Success || string.IsNullOrEmpty(response.NewToken))
        {
            _logger.LogWarning("Auth/validate refused: {ErrorName} ({ErrorCode})", GatewayErrorCodes.Describe(GatewayEndpoints.Validate, response.ErrorCode), response.ErrorCode);
            return null;
        }
        return response.NewToken;
    }

    private async Task<TResponse> QueryAsync<TRequest, TResponse>(string endpoint, TRequest body, CancellationToken cancellationToken)
        where TResponse : GatewayResponse
    {
        var response = await SendAsync<TRequest, TResponse>(endpoint, body, _queryPipeline, authenticated: true, null, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(endpoint, response);
        return response;
    }

    private Task<TResponse> CommandAsync<TRequest, TResponse>(string endpoint, TRequest body, CancellationToken cancellationToken)
        where TResponse : GatewayResponse =>
        SendAsync<TRequest, TResponse>(endpoint, body, _commandPipeline, authenticated: true, null, cancellationToken);

    private static void EnsureSuccess(string endpoint, GatewayResponse response)
    {
        if (!response.Success)
            throw new GatewayException(endpoint, response.ErrorCode, GatewayErrorCodes.Describe(endpoint, response.ErrorCode), response.ErrorMessage);
    }

    private async Task<TResponse> SendAsync<TRequest, TResponse>(
        string endpoint,
        TRequest body,
        ResiliencePipeline<HttpResponseMessage> pipeline,
        bool authenticated,
        string? explicitToken,
        CancellationToken cancellationToken)
        where TResponse : GatewayResponse
    {
        var payload = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, GatewayJson.Options);
        var attempt = new Attempt(this, endpoint, payload, authenticated, explicitToken);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(static (state, token) => new ValueTask<HttpResponseMessage>(state.SendAsync(token)), attempt, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTransportFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new GatewayUnavailableException(endpoint, null, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
                throw new GatewayUnavailableException(endpoint, status, null);
            if (!response.IsSuccessStatusCode)
                throw new GatewayException(endpoint, -1, "Http" + status.ToString(CultureInfo.InvariantCulture), response.ReasonPhrase, status);
            try
            {
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (stream.ConfigureAwait(false))
                {
                    return await JsonSerializer.DeserializeAsync<TResponse>(stream, GatewayJson.Options, cancellationToken).ConfigureAwait(false)
                        ?? throw new GatewayException(endpoint, -1, "EmptyResponse", "the gateway answered with an empty body", status);
                }
            }
            catch (JsonException ex)
            {
                throw new GatewayException(endpoint, -1, "InvalidResponse", ex.Message, status);
            }
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Attempt attempt, CancellationToken cancellationToken)
    {
        var token = attempt.ExplicitToken;
        if (attempt.Authenticated)
            token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var response = await PostAsync(attempt, token, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !attempt.Authenticated)
            return response;

        response.Dispose();
        token = await _tokens.RenewAfterRejectionAsync(token!, cancellationToken).ConfigureAwait(false);
        return await PostAsync(attempt, token, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> PostAsync(Attempt attempt, string? token, CancellationToken cancellationToken)
    {
        var bars = attempt.Endpoint == GatewayEndpoints.RetrieveBars;
        if (bars)
            Interlocked.Increment(ref _barsQueued);
        try
        {
            await _throttle.AcquireAsync(bars, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (bars)
                Interlocked.Decrement(ref _barsQueued);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.ApiBaseUrl, attempt.Endpoint));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (attempt.Payload is not null)
        {
            request.Content = new ByteArrayContent(attempt.Payload);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        // The timeout starts after the rate limiter let the request go: waiting in its queue is not a gateway timeout.
        Interlocked.Increment(ref _inFlight);
        var cancelled = new StrongBox<int>();
        HttpResponseMessage response;
        try
        {
            response = await _attemptTimeout.ExecuteAsync(
                static async (state, token) =>
                {
                    // Runs synchronously inside the timer that cancels the attempt.
                    await using var registration = token.Register(static s =>
                    {
                        var (client, flag) = ((ProjectXClient, StrongBox<int>))s!;
                        if (Interlocked.Exchange(ref flag.Value, 1) == 0)
                            Interlocked.Increment(ref client._cancelling);
                    }, (state.Client, state.Cancelled)).ConfigureAwait(false);
                    return await state.Client._http.SendAsync(state.Request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                (Client: this, Request: request, Cancelled: cancelled),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            if (Interlocked.Exchange(ref cancelled.Value, 2) == 1)
                Interlocked.Decrement(ref _cancelling);
        }
        _logger.LogDebug("POST {Endpoint} -> HTTP {Status}", attempt.Endpoint, (int)response.StatusCode);
        return response;
    }

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(bool retryUnknownOutcomes, TimeProvider retryTime)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = retryTime };
        if (_options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, retryUnknownOutcomes, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
                OnRetry = args =>
                {
                    _logger.LogWarning("Gateway request failed ({Outcome}); retry {Attempt} in {Delay}",
                        args.Outcome.Result is { } r ? "HTTP " + ((int)r.StatusCode).ToString(CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool retryUnknownOutcomes, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
            return false;
        if (outcome.Result is { } response)
            return response.StatusCode == HttpStatusCode.TooManyRequests || (retryUnknownOutcomes && (int)response.StatusCode >= 500);
        return retryUnknownOutcomes && outcome.Exception is { } error && IsTransportFailure(error);
    }

    // Our per-attempt timeout, a network failure, or the HttpClient's own Timeout (a TaskCanceledException over a TimeoutException).
    private static bool IsTransportFailure(Exception error) =>
        error is TimeoutRejectedException or HttpRequestException or TaskCanceledException { InnerException: TimeoutException };

    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private async Task<OrderCommandResult> SendCommandAsync<TRequest>(string endpoint, TRequest body, CancellationToken cancellationToken)
    {
        try
        {
            var response = await CommandAsync<TRequest, GatewayResponse>(endpoint, body, cancellationToken).ConfigureAwait(false);
            return new OrderCommandResult(response.Success, response.ErrorCode, GatewayErrorCodes.Describe(endpoint, response.ErrorCode), response.ErrorMessage);
        }
        catch (GatewayException ex) when (ex.HttpStatus is >= 400 and < 500)
        {
            return new OrderCommandResult(false, ex.ErrorCode, ex.ErrorName, ex.Message);
        }
        catch (Exception ex) when (ex is GatewayUnavailableException or GatewayException)
        {
            _logger.LogWarning("{Endpoint} outcome unknown ({Reason})", endpoint, ex.Message);
            return new OrderCommandResult(false, -1, "OutcomeUnknown", ex.Message, OutcomeUnknown: true);
        }
    }

    private string NewCustomTag() =>
        string.Create(CultureInfo.InvariantCulture, $"goldbot-{_time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid():N}")[..40];

    /// <summary>One logical request; each Polly attempt re-sends it with the current token.</summary>
    private sealed record Attempt(ProjectXClient Client, string Endpoint, byte[]? Payload, bool Authenticated, string? ExplicitToken)
    {
        public Task<HttpResponseMessage> SendAsync(CancellationToken cancellationToken) => Client.SendOnceAsync(this, cancellationToken);

        public override string ToString() => $"Attempt {{ Endpoint = {Endpoint} }}";
    }
}
