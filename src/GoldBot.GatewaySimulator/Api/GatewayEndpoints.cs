using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Hubs;
using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Api;

/// <summary>
/// The ProjectX REST endpoints under <c>/api</c>: POST with JSON bodies, the envelope
/// <c>{success, errorCode, errorMessage, …}</c> and the endpoint-specific error codes of research/topstepx-api.md §3.
/// Business failures answer HTTP 200 with <c>success: false</c>, as the gateway does. An order command (place, modify,
/// cancel, close) that reached the gateway runs to the end even when its client goes away meanwhile, as on an exchange.
/// </summary>
public static class GatewayEndpoints
{
    /// <summary>Maps every REST endpoint.</summary>
    public static void MapGatewayEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        api.MapGet("/Status/ping", () => Results.Text("pong"));

        api.MapPost("/Auth/loginKey", (LoginKeyRequest? body, GatewaySimulatorOptions options, TokenService tokens) =>
        {
            if (body is null || string.IsNullOrEmpty(body.UserName) || string.IsNullOrEmpty(body.ApiKey))
                return Results.BadRequest(new { title = "One or more validation errors occurred.", status = 400 });
            var user = options.EffectiveUsers.FirstOrDefault(u => string.Equals(u.UserName, body.UserName, StringComparison.OrdinalIgnoreCase));
            if (user is null || user.ApiKey != body.ApiKey)
                return Results.Json(new LoginResponse(null, false, 3, "Invalid credentials"));
            return Results.Json(new LoginResponse(tokens.Issue(user.UserName), true, 0, null));
        });

        api.MapPost("/Auth/validate", (HttpContext http, TokenService tokens) =>
            Results.Json(new ValidateResponse(true, 0, null, tokens.Issue((string)http.Items[GatewayMiddleware.UserKey]!))));

        api.MapPost("/Account/search", async (AccountSearchRequest? body, SimulatedGateway gw, CancellationToken ct) =>
        {
            var accounts = await gw.ReadAsync(g => g.Engine.Accounts.Select(AccountModel.From).ToList(), ct);
            return new AccountsResponse(accounts, true, 0, null);
        });

        api.MapPost("/Contract/search", (ContractSearchRequest? body, SimulatedGateway gw) =>
        {
            var text = body?.SearchText ?? "";
            var found = gw.Engine.Contracts.Values
                .Where(c => c.Active && (c.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || c.SymbolId.Contains(text, StringComparison.OrdinalIgnoreCase)
                    || c.Description.Contains(text, StringComparison.OrdinalIgnoreCase) || c.Id.Contains(text, StringComparison.OrdinalIgnoreCase)))
                .Take(20).Select(ContractModel.From).ToList();
            return new ContractsResponse(found, true, 0, null);
        });

        api.MapPost("/Contract/searchById", (ContractByIdRequest? body, SimulatedGateway gw) =>
            gw.Engine.Contracts.TryGetValue(body?.ContractId ?? "", out var c)
                ? new ContractResponse(ContractModel.From(c), true, 0, null)
                : new ContractResponse(null, false, 1, "Contract not found"));

        api.MapPost("/Contract/available", (ContractAvailableRequest? body, SimulatedGateway gw) =>
            new ContractsResponse(gw.Engine.Contracts.Values.Where(c => c.Active).Select(ContractModel.From).ToList(), true, 0, null));

        api.MapPost("/History/retrieveBars", async (RetrieveBarsRequest body, SimulatedGateway gw, CancellationToken ct) =>
        {
            if (!gw.Engine.Contracts.ContainsKey(body.ContractId ?? ""))
                return new BarsResponse([], false, 1, "Contract not found");
            return await gw.ReadAsync(g =>
            {
                var own = g.Replay.ContractId == body.ContractId;
                var proxy = g.Proxy is { } p && p.Contract.Id == body.ContractId ? p : null;
                IEnumerable<GoldBot.Market.Bar> closed = own ? g.Replay.ClosedBars : proxy is not null ? g.Replay.ClosedBars.Select(proxy.BarFor) : [];
                GoldBot.Market.Bar? partial = own ? g.Replay.PartialBar : proxy is not null && g.Replay.PartialBar is { } bar ? proxy.BarFor(bar) : null;
                var (code, message, bars) = HistoryQuery.Run(closed, partial, g.Replay.Period, g.Clock.GetUtcNow(),
                    body.StartTime, body.EndTime, body.Unit, body.UnitNumber, body.Limit, body.IncludePartialBar);
                return new BarsResponse(bars.Select(BarModel.From).ToList(), code == 0, code, message);
            }, ct);
        });

        api.MapPost("/Order/place", async (PlaceOrderRequest body, SimulatedGateway gw, IHostApplicationLifetime life) =>
        {
            var command = new PlaceOrderCommand(body.AccountId, body.ContractId ?? "", body.Type, body.Side, body.Size, body.LimitPrice, body.StopPrice, body.TrailPrice,
                body.CustomTag, Leg(body.StopLossBracket), Leg(body.TakeProfitBracket));
            var result = await gw.ExecuteAsync((engine, events) => engine.Place(command, events), life.ApplicationStopping);
            return new PlaceOrderResponse(result.OrderId, result.Success, result.ErrorCode, result.ErrorMessage);
        });

        api.MapPost("/Order/modify", async (ModifyOrderRequest body, SimulatedGateway gw, IHostApplicationLifetime life) =>
            Envelope(await gw.ExecuteAsync((engine, events) => engine.Modify(body.AccountId, body.OrderId, body.Size, body.LimitPrice, body.StopPrice, body.TrailPrice, events), life.ApplicationStopping)));

        api.MapPost("/Order/cancel", async (CancelOrderRequest body, SimulatedGateway gw, IHostApplicationLifetime life) =>
            Envelope(await gw.ExecuteAsync((engine, events) => engine.Cancel(body.AccountId, body.OrderId, events), life.ApplicationStopping)));

        api.MapPost("/Order/search", async (TimeWindowRequest body, SimulatedGateway gw, CancellationToken ct) =>
            await gw.ReadAsync(g => g.Engine.Account(body.AccountId) is null
                ? new OrdersResponse([], false, 1, "Account not found")
                : new OrdersResponse(g.Engine.Orders.Where(o => o.AccountId == body.AccountId && o.CreationTimestamp >= body.StartTimestamp
                    && (body.EndTimestamp is null || o.CreationTimestamp <= body.EndTimestamp)).Select(OrderModel.From).ToList(), true, 0, null), ct));

        api.MapPost("/Order/searchById", async (OrderByIdRequest body, SimulatedGateway gw, CancellationToken ct) =>
            await gw.ReadAsync(g => g.Engine.Order(body.OrderId) is { } o && o.AccountId == body.AccountId
                ? new OrderResponse(OrderModel.From(o), true, 0, null)
                : new OrderResponse(null, false, 1, "Order not found"), ct));

        api.MapPost("/Order/searchOpen", async (AccountRequest body, SimulatedGateway gw, CancellationToken ct) =>
            await gw.ReadAsync(g => g.Engine.Account(body.AccountId) is null
                ? new OrdersResponse([], false, 1, "Account not found")
                : new OrdersResponse(g.Engine.Orders.Where(o => o.AccountId == body.AccountId && o.IsWorking).Select(OrderModel.From).ToList(), true, 0, null), ct));

        api.MapPost("/Position/searchOpen", async (AccountRequest body, SimulatedGateway gw, CancellationToken ct) =>
            await gw.ReadAsync(g => g.Engine.Account(body.AccountId) is null
                ? new PositionsResponse([], false, 1, "Account not found")
                : new PositionsResponse(g.Engine.Positions.Where(p => p.AccountId == body.AccountId).Select(PositionModel.From).ToList(), true, 0, null), ct));

        api.MapPost("/Position/closeContract", async (CloseContractRequest body, SimulatedGateway gw, FaultState faults, HubConnectionRegistry hubs, IHostApplicationLifetime life) =>
        {
            var result = await gw.ExecuteAsync((engine, events) => engine.ClosePosition(body.AccountId, body.ContractId ?? "", null, events), life.ApplicationStopping);
            if (result.Success && faults.TryTakeHubDropOnClose(out _))
                hubs.AbortAll();
            return Envelope(result);
        });

        api.MapPost("/Position/partialCloseContract", async (PartialCloseContractRequest body, SimulatedGateway gw, IHostApplicationLifetime life) =>
            Envelope(await gw.ExecuteAsync((engine, events) => engine.ClosePosition(body.AccountId, body.ContractId ?? "", body.Size, events), life.ApplicationStopping)));

        api.MapPost("/Trade/search", async (TimeWindowRequest body, SimulatedGateway gw, CancellationToken ct) =>
            await gw.ReadAsync(g => g.Engine.Account(body.AccountId) is null
                ? new TradesResponse([], false, 1, "Account not found")
                : new TradesResponse(g.Engine.Trades.Where(t => t.AccountId == body.AccountId && t.CreationTimestamp >= body.StartTimestamp
                    && (body.EndTimestamp is null || t.CreationTimestamp <= body.EndTimestamp)).Select(TradeModel.From).ToList(), true, 0, null), ct));
    }

    private static BracketLeg? Leg(BracketRequest? r) => r is null ? null : new BracketLeg(r.Ticks, (OrderType)r.Type);

    private static EnvelopeResponse Envelope(GatewayResult r) => new(r.Success, r.ErrorCode, r.ErrorMessage);
}
