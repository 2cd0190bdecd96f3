using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Hubs;

namespace GoldBot.GatewaySimulator.Api;

/// <summary>
/// Test and operator endpoints under <c>/admin</c> (no token, no rate limit, no faults):
/// <c>POST /admin/advance?bars=N&amp;points=M</c> replays N bars (or M single trades) in step mode,
/// <c>POST /admin/faults</c> switches faults on (<see cref="FaultRequest"/>), <c>DELETE /admin/faults</c> switches them off,
/// <c>GET /admin/state</c> returns accounts, orders, positions and trades in the REST shapes.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps the admin endpoints.</summary>
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup("/admin");

        admin.MapPost("/advance", async (int? bars, int? points, SimulatedGateway gw, CancellationToken ct) =>
        {
            var played = await gw.AdvancePointsAsync(points ?? (bars ?? 1) * Market.PricePath.PointsPerBar, ct);
            return await gw.ReadAsync(g => new
            {
                played,
                marketTime = g.Clock.GetUtcNow(),
                lastPrice = g.Replay.LastPrice,
                nextBarIndex = g.Replay.NextBarIndex,
                finished = g.Replay.Finished,
            }, ct);
        });

        admin.MapPost("/faults", async (FaultRequest request, SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct) =>
            Results.Json(await ApplyAsync(request, gw, faults, tokens, hubs, ct)));

        admin.MapDelete("/faults", async (SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct) =>
            Results.Json(await ApplyAsync(new FaultRequest { Clear = true }, gw, faults, tokens, hubs, ct)));

        admin.MapGet("/state", async (SimulatedGateway gw, FaultState faults, HubConnectionRegistry hubs, CancellationToken ct) =>
            await gw.ReadAsync(g => new
            {
                marketTime = g.Clock.GetUtcNow(),
                contractId = g.Replay.ContractId,
                lastPrice = g.Replay.LastPrice,
                nextBarIndex = g.Replay.NextBarIndex,
                finished = g.Replay.Finished,
                hubConnections = hubs.Count,
                rateLimitRejections = faults.RateLimitRejections,
                faults = faults.Describe(),
                accounts = g.Engine.Accounts.Select(AccountModel.From).ToList(),
                orders = g.Engine.Orders.Select(OrderModel.From).ToList(),
                positions = g.Engine.Positions.Select(PositionModel.From).ToList(),
                trades = g.Engine.Trades.Select(TradeModel.From).ToList(),
            }, ct));
    }

    /// <summary>Applies a fault request to every layer; returns the transport faults now in force.</summary>
    internal static async Task<object> ApplyAsync(FaultRequest request, SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct)
    {
        faults.Apply(request);
        await gw.ExecuteAsync((engine, _) =>
        {
            if (request.Clear == true)
            {
                engine.RejectNextOrder = null;
                engine.PartialFillOrders = 0;
            }
            if (request.RejectNextOrder is { } reject)
                engine.RejectNextOrder = ((PlaceOrderError)reject.ErrorCode, reject.ErrorMessage ?? $"Order rejected ({(PlaceOrderError)reject.ErrorCode})");
            if (request.PartialFills is { } partial)
            {
                engine.PartialFillPieces = Math.Max(1, partial.Pieces);
                engine.PartialFillOrders = Math.Max(0, partial.Orders);
            }
            return 0;
        }, ct);
        if (request.ExpireTokens == true)
            tokens.ExpireAll();
        var dropped = request.DropHubConnections == true ? hubs.AbortAll() : 0;
        return new { dropped, faults = faults.Describe() };
    }
}
