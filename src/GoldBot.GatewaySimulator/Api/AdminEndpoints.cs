using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Hubs;

namespace GoldBot.GatewaySimulator.Api;

/// <summary>
/// Test and operator endpoints under <c>/admin</c> (no token, no rate limit, no faults):
/// <c>POST /admin/advance?bars=N&amp;points=M</c> replays N bars (or M single trades) in step or paced mode (409 in driven mode),
/// <c>GET /admin/clock</c> returns the market time and speed,
/// <c>POST /admin/faults</c> switches faults on (<see cref="FaultRequest"/>; 400 with every problem when invalid), <c>DELETE /admin/faults</c> switches them off,
/// <c>GET /admin/state</c> returns the clock, the faults, the activity gauges and accounts, orders, positions and trades in the REST shapes.
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
            if (gw.IsDriven)
                return Results.Json(new { error = "the simulator runs on a driven clock: its driver moves the market" }, statusCode: StatusCodes.Status409Conflict);
            var played = await gw.AdvancePointsAsync(points ?? (bars ?? 1) * Market.PricePath.PointsPerBar, ct);
            return Results.Json(await gw.ReadAsync(g => new
            {
                played,
                marketTime = g.Clock.GetUtcNow().ToUniversalTime(),
                lastPrice = g.Replay.LastPrice,
                nextBarIndex = g.Replay.NextBarIndex,
                finished = g.Replay.Finished,
            }, ct));
        });

        admin.MapGet("/clock", (SimulatedGateway gw, GatewaySimulatorOptions options) =>
            Results.Json(new { marketTime = gw.Clock.GetUtcNow().ToUniversalTime(), speed = gw.IsDriven ? 0 : options.Speed }));

        admin.MapPost("/faults", async (FaultRequest request, SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct) =>
        {
            var problems = request.Validate();
            if (problems.Count > 0)
                return Results.Json(new { problems }, statusCode: StatusCodes.Status400BadRequest);
            return Results.Json(await ApplyAsync(request, gw, faults, tokens, hubs, ct));
        });

        admin.MapDelete("/faults", async (SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct) =>
            Results.Json(await ApplyAsync(new FaultRequest { Clear = true }, gw, faults, tokens, hubs, ct)));

        admin.MapGet("/state", async (SimulatedGateway gw, FaultState faults, HubConnectionRegistry hubs, GatewaySimulatorOptions options, CancellationToken ct) =>
            await gw.ReadAsync(g => new
            {
                marketTime = g.Clock.GetUtcNow().ToUniversalTime(),
                speed = g.IsDriven ? 0 : options.Speed,
                driven = g.IsDriven,
                nextPointTime = g.NextPointTime,
                contractId = g.Replay.ContractId,
                lastPrice = g.Replay.LastPrice,
                nextBarIndex = g.Replay.NextBarIndex,
                finished = g.Replay.Finished,
                hubConnections = hubs.Count,
                rateLimitRejections = faults.RateLimitRejections,
                activity = new
                {
                    heldRequests = g.Activity.HeldRequests,
                    hubMessagesSent = g.Activity.HubMessagesSent,
                    delayedUserEventBatches = g.Activity.DelayedUserEventBatches,
                },
                faults = Describe(g, faults),
                accounts = g.Engine.Accounts.Select(AccountModel.From).ToList(),
                orders = g.Engine.Orders.Select(OrderModel.From).ToList(),
                positions = g.Engine.Positions.Select(PositionModel.From).ToList(),
                trades = g.Engine.Trades.Select(TradeModel.From).ToList(),
            }, ct));
    }

    /// <summary>Applies a (valid) fault request to every layer; returns how many hub connections were dropped and the faults now in force.</summary>
    internal static async Task<object> ApplyAsync(FaultRequest request, SimulatedGateway gw, FaultState faults, TokenService tokens, HubConnectionRegistry hubs, CancellationToken ct)
    {
        faults.Apply(request);
        var described = await gw.ExecuteAsync((engine, _) =>
        {
            EngineFaults.Apply(engine, request);
            return Describe(gw, faults);
        }, ct);
        if (request.ExpireTokens == true)
            tokens.ExpireAll();
        if (request.SilenceMarketHub == true)
            faults.Silence(hubs.ConnectionIds(HubConnectionRegistry.Market));
        var dropped = request.DropHubConnections == true ? hubs.AbortAll() : 0;
        return new { dropped, faults = described };
    }

    private static Dictionary<string, object?> Describe(SimulatedGateway g, FaultState faults)
    {
        var all = faults.Describe();
        EngineFaults.Describe(g.Engine, all);
        return all;
    }
}
