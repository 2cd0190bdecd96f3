using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoldBot.MarketData;
using GoldBot.Tests;

namespace GoldBot.GatewaySimulator.Tests;

public sealed class RestEndpointTests
{
    private static readonly object Since = new { accountId = TestGateway.AccountId, startTimestamp = "2020-01-01T00:00:00Z" };

    private static void AssertEnvelope(JsonElement body, bool success, int errorCode)
    {
        Assert.Equal(success, body.GetProperty("success").GetBoolean());
        Assert.Equal(errorCode, body.GetProperty("errorCode").GetInt32());
        Assert.True(body.TryGetProperty("errorMessage", out var message));
        Assert.Equal(success, message.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Login_issues_a_jwt_with_exp_and_bad_credentials_get_success_false_with_http_200()
    {
        await using var gw = await TestGateway.StartAsync(login: false);

        var ok = await gw.PostAsync("api/Auth/loginKey", new { userName = "GoldBot", apiKey = "sim-api-key" });
        AssertEnvelope(ok, true, 0);
        var payload = ok.GetProperty("token").GetString()!.Split('.')[1];
        var json = JsonDocument.Parse(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        Assert.Equal(gw.Wall.GetUtcNow().AddHours(24).ToUnixTimeSeconds(), json.GetProperty("exp").GetInt64());

        var bad = await gw.PostAsync("api/Auth/loginKey", new { userName = "goldbot", apiKey = "wrong" });
        AssertEnvelope(bad, false, 3);
        Assert.Equal(JsonValueKind.Null, bad.GetProperty("token").ValueKind);

        using var missing = await gw.PostRawAsync("api/Auth/loginKey", new { userName = "goldbot" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_get_401_and_validate_returns_a_new_token()
    {
        await using var gw = await TestGateway.StartAsync();

        var validated = await gw.PostAsync("api/Auth/validate", new { });
        AssertEnvelope(validated, true, 0);
        Assert.NotEqual(gw.Token, validated.GetProperty("newToken").GetString());

        gw.Http.DefaultRequestHeaders.Authorization = null;
        using var none = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        gw.Http.DefaultRequestHeaders.Authorization = new("Bearer", gw.Token[..^2] + "xx");
        using var forged = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task A_token_expires_after_24_hours_of_wall_time()
    {
        await using var gw = await TestGateway.StartAsync();
        gw.Wall.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        AssertEnvelope(await gw.PostAsync("api/Account/search", new { onlyActiveAccounts = true }), true, 0);

        gw.Wall.Advance(TimeSpan.FromSeconds(1));
        using var expired = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Accounts_and_contracts_carry_the_projectx_fields()
    {
        await using var gw = await TestGateway.StartAsync();

        var accounts = await gw.PostAsync("api/Account/search", new { onlyActiveAccounts = true });
        AssertEnvelope(accounts, true, 0);
        var account = Assert.Single(accounts.GetProperty("accounts").EnumerateArray());
        Assert.Equal((1001, 50000m, true, true), (account.GetProperty("id").GetInt32(), account.GetProperty("balance").GetDecimal(), account.GetProperty("canTrade").GetBoolean(), account.GetProperty("simulated").GetBoolean()));

        var search = await gw.PostAsync("api/Contract/search", new { searchText = "MGC", live = false });
        AssertEnvelope(search, true, 0);
        var mgc = Assert.Single(search.GetProperty("contracts").EnumerateArray());
        Assert.Equal(("CON.F.US.MGC.G26", "MGCG6", "F.US.MGC", 0.1m, 1m, true),
            (mgc.GetProperty("id").GetString(), mgc.GetProperty("name").GetString(), mgc.GetProperty("symbolId").GetString(),
             mgc.GetProperty("tickSize").GetDecimal(), mgc.GetProperty("tickValue").GetDecimal(), mgc.GetProperty("activeContract").GetBoolean()));

        var available = await gw.PostAsync("api/Contract/available", new { live = false });
        Assert.Contains(available.GetProperty("contracts").EnumerateArray(), c => c.GetProperty("id").GetString() == "CON.F.US.MES.H26" && c.GetProperty("tickValue").GetDecimal() == 1.25m);

        var expired = await gw.PostAsync("api/Contract/searchById", new { contractId = "CON.F.US.MGC.Z25" });
        AssertEnvelope(expired, true, 0);
        Assert.False(expired.GetProperty("contract").GetProperty("activeContract").GetBoolean());
        AssertEnvelope(await gw.PostAsync("api/Contract/searchById", new { contractId = "CON.F.US.NOPE.Z25" }), false, 1);
    }

    [Fact]
    public async Task History_returns_played_bars_aggregated_newest_first()
    {
        await using var gw = await TestGateway.StartAsync();
        var file = BarCsvReader.Read(SharedData.MgcBars).Bars;

        var bars = await gw.PostAsync("api/History/retrieveBars", new
        {
            contractId = TestGateway.Mgc, live = false, startTime = "2025-11-01T00:00:00Z", endTime = "2026-02-01T00:00:00Z",
            unit = 2, unitNumber = 3, limit = 5, includePartialBar = false,
        });

        AssertEnvelope(bars, true, 0);
        var list = bars.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal(5, list.Count);
        Assert.Equal(file[499].OpenTime, list[0].GetProperty("t").GetDateTimeOffset());
        Assert.Equal((file[499].Open, file[499].High, file[499].Low, file[499].Close, file[499].Volume),
            (list[0].GetProperty("o").GetDecimal(), list[0].GetProperty("h").GetDecimal(), list[0].GetProperty("l").GetDecimal(), list[0].GetProperty("c").GetDecimal(), list[0].GetProperty("v").GetInt64()));
        Assert.Equal(file[495].OpenTime, list[4].GetProperty("t").GetDateTimeOffset());

        var badUnit = await gw.PostAsync("api/History/retrieveBars", new
        {
            contractId = TestGateway.Mgc, live = false, startTime = "2025-11-01T00:00:00Z", endTime = "2026-02-01T00:00:00Z",
            unit = 9, unitNumber = 3, limit = 5, includePartialBar = false,
        });
        AssertEnvelope(badUnit, false, 2);
    }

    [Fact]
    public async Task Orders_positions_and_trades_round_trip_through_the_endpoints()
    {
        await using var gw = await TestGateway.StartAsync();

        var limit = await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 1, side = 0, size = 1, limitPrice = 1000.0m, customTag = "far" });
        AssertEnvelope(limit, true, 0);
        var limitId = limit.GetProperty("orderId").GetInt64();
        var open = await gw.PostAsync("api/Order/searchOpen", new { accountId = 1001 });
        AssertEnvelope(open, true, 0);
        Assert.Equal("far", Assert.Single(open.GetProperty("orders").EnumerateArray()).GetProperty("customTag").GetString());

        var byId = await gw.PostAsync("api/Order/searchById", new { accountId = 1001, orderId = limitId });
        AssertEnvelope(byId, true, 0);
        Assert.Equal(1000.0m, byId.GetProperty("order").GetProperty("limitPrice").GetDecimal());
        AssertEnvelope(await gw.PostAsync("api/Order/searchById", new { accountId = 1001, orderId = 5 }), false, 1);
        AssertEnvelope(await gw.PostAsync("api/Order/modify", new { accountId = 1001, orderId = limitId, limitPrice = 1000.1m }), true, 0);
        AssertEnvelope(await gw.PostAsync("api/Order/modify", new { accountId = 1001, orderId = 1, limitPrice = 1000.1m }), false, 2);
        AssertEnvelope(await gw.PostAsync("api/Order/cancel", new { accountId = 1001, orderId = limitId }), true, 0);
        AssertEnvelope(await gw.PostAsync("api/Order/cancel", new { accountId = 1001, orderId = limitId }), false, 3);

        AssertEnvelope(await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 2, side = 0, size = 3 }), true, 0);
        var positions = await gw.PostAsync("api/Position/searchOpen", new { accountId = 1001 });
        AssertEnvelope(positions, true, 0);
        var position = Assert.Single(positions.GetProperty("positions").EnumerateArray());
        Assert.Equal((1, 3), (position.GetProperty("type").GetInt32(), position.GetProperty("size").GetInt32()));

        AssertEnvelope(await gw.PostAsync("api/Position/partialCloseContract", new { accountId = 1001, contractId = TestGateway.Mgc, size = 5 }), false, 5);
        AssertEnvelope(await gw.PostAsync("api/Position/partialCloseContract", new { accountId = 1001, contractId = TestGateway.Mgc, size = 1 }), true, 0);
        AssertEnvelope(await gw.PostAsync("api/Position/closeContract", new { accountId = 1001, contractId = TestGateway.Mgc }), true, 0);
        AssertEnvelope(await gw.PostAsync("api/Position/closeContract", new { accountId = 1001, contractId = TestGateway.Mgc }), false, 2);

        var orders = await gw.PostAsync("api/Order/search", Since);
        AssertEnvelope(orders, true, 0);
        Assert.Equal(4, orders.GetProperty("orders").GetArrayLength());
        var trades = await gw.PostAsync("api/Trade/search", Since);
        AssertEnvelope(trades, true, 0);
        var rows = trades.GetProperty("trades").EnumerateArray().ToList();
        Assert.Equal([3, 1, 2], rows.Select(t => t.GetProperty("size").GetInt32()).ToArray());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("profitAndLoss").ValueKind);
        Assert.Equal(0m, rows[1].GetProperty("profitAndLoss").GetDecimal());
        Assert.Equal(6 * 0.62m, rows.Sum(t => t.GetProperty("fees").GetDecimal()));

        var state = await gw.StateAsync();
        Assert.Equal(50_000m - 6 * 0.62m, state.GetProperty("accounts")[0].GetProperty("balance").GetDecimal());
        Assert.Equal(0, state.GetProperty("positions").GetArrayLength());

        AssertEnvelope(await gw.PostAsync("api/Trade/search", new { accountId = 77, startTimestamp = "2020-01-01T00:00:00Z" }), false, 1);
        AssertEnvelope(await gw.PostAsync("api/Order/searchOpen", new { accountId = 77 }), false, 1);
        AssertEnvelope(await gw.PostAsync("api/Position/searchOpen", new { accountId = 77 }), false, 1);
        AssertEnvelope(await gw.PlaceAsync(new { accountId = 77, contractId = TestGateway.Mgc, type = 2, side = 0, size = 1 }), false, 1);
    }

    [Fact]
    public async Task Bracket_entry_fills_over_replayed_bars_and_the_state_matches_the_trades()
    {
        await using var gw = await TestGateway.StartAsync();
        var entry = await gw.PlaceAsync(new
        {
            accountId = 1001, contractId = TestGateway.Mgc, type = 2, side = 0, size = 1, customTag = "b1",
            stopLossBracket = new { ticks = 40, type = 4 }, takeProfitBracket = new { ticks = 40, type = 1 },
        });
        AssertEnvelope(entry, true, 0);

        for (var i = 0; i < 200; i++)
        {
            await gw.AdvanceAsync(1);
            var s = await gw.StateAsync();
            if (s.GetProperty("positions").GetArrayLength() == 0)
                break;
        }

        var state = await gw.StateAsync();
        var orders = state.GetProperty("orders").EnumerateArray().ToList();
        Assert.Equal(3, orders.Count);
        var legs = orders.Skip(1).ToList();
        Assert.Equal(1, legs.Count(o => o.GetProperty("status").GetInt32() == 2));
        Assert.Equal(1, legs.Count(o => o.GetProperty("status").GetInt32() == 3));
        var trades = state.GetProperty("trades").EnumerateArray().ToList();
        var pnl = trades[1].GetProperty("profitAndLoss").GetDecimal();
        Assert.Equal(40m, Math.Abs(pnl));
        Assert.Equal(50_000m + pnl - 1.24m, state.GetProperty("accounts")[0].GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Position_brackets_account_gets_error_2_with_an_order_id()
    {
        await using var gw = await TestGateway.StartAsync(o => o.Accounts.Add(new Hosting.SimulatorAccountOptions { Id = 1001, Name = "TC", AutoOcoBrackets = false }));

        var r = await gw.PlaceAsync(new { accountId = 1001, contractId = TestGateway.Mgc, type = 2, side = 0, size = 1, stopLossBracket = new { ticks = 40, type = 4 } });

        AssertEnvelope(r, false, 2);
        Assert.Equal(JsonValueKind.Number, r.GetProperty("orderId").ValueKind);
    }

    [Fact]
    public async Task Overall_rate_limit_answers_429_after_200_requests()
    {
        await using var gw = await TestGateway.StartAsync(); // the login was request 1
        for (var i = 1; i < 200; i++)
        {
            using var ok = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task History_rate_limit_answers_429_after_30_requests()
    {
        await using var gw = await TestGateway.StartAsync();
        var query = new { contractId = TestGateway.Mgc, live = false, startTime = "2025-11-01T00:00:00Z", endTime = "2026-02-01T00:00:00Z", unit = 2, unitNumber = 3, limit = 1, includePartialBar = false };
        for (var i = 0; i < 30; i++)
        {
            using var ok = await gw.PostRawAsync("api/History/retrieveBars", query);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await gw.PostRawAsync("api/History/retrieveBars", query);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        using var others = await gw.PostRawAsync("api/Account/search", new { onlyActiveAccounts = true });
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);
    }
}
