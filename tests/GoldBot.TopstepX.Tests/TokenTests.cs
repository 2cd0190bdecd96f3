using System.Net;
using System.Text.Json.Nodes;
using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>Session token: login once, refresh through Auth/validate before exp, re-login on 401, never logged.</summary>
public sealed class TokenTests
{
    [Fact]
    public void Jwt_expiry_is_read_from_the_payload()
    {
        var exp = new DateTimeOffset(2026, 8, 20, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(exp, JwtExpiry.Read(FakeJwt.Create(exp)));
        Assert.Null(JwtExpiry.Read("not-a-jwt"));
        Assert.Null(JwtExpiry.Read("a.%%%.c"));
    }

    [Fact]
    public async Task One_login_serves_many_requests_with_the_bearer_token()
    {
        using var fixture = new ClientFixture();

        await fixture.Client.SearchOpenOrdersAsync(1);
        await fixture.Client.SearchOpenPositionsAsync(1);

        Assert.Equal(1, fixture.Gateway.Logins);
        var login = fixture.Gateway.To(GatewayEndpoints.LoginKey).Single().Json!;
        Assert.Equal(("tester", "secret-api-key-123"), ((string)login["userName"]!, (string)login["apiKey"]!));
        Assert.All(fixture.Gateway.Requests.Where(r => r.Path != GatewayEndpoints.LoginKey), r => Assert.Equal(fixture.Gateway.IssuedTokens[0], r.Token));
    }

    [Fact]
    public async Task Token_is_refreshed_through_validate_once_inside_the_margin()
    {
        using var fixture = new ClientFixture();
        var refreshed = FakeJwt.Create(fixture.Time.GetUtcNow().AddHours(48), "validated");
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path == GatewayEndpoints.Validate
            ? StubGateway.Ok(new JsonObject { ["newToken"] = refreshed })
            : StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }));
        await fixture.Client.SearchOpenOrdersAsync(1);
        var first = fixture.Gateway.IssuedTokens[0];

        fixture.Time.Advance(TimeSpan.FromHours(22.9));
        await fixture.Client.SearchOpenOrdersAsync(1);
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.Validate));

        fixture.Time.Advance(TimeSpan.FromHours(0.2));
        await fixture.Client.SearchOpenOrdersAsync(1);

        var validate = Assert.Single(fixture.Gateway.To(GatewayEndpoints.Validate));
        Assert.Equal(first, validate.Token);
        Assert.Equal(refreshed, fixture.Gateway.To(GatewayEndpoints.OrderSearchOpen).Last().Token);
        Assert.Equal(1, fixture.Gateway.Logins);
        Assert.Equal(JwtExpiry.Read(refreshed), fixture.Client.Tokens.ExpiresAt);
    }

    [Fact]
    public async Task A_token_living_less_than_the_margin_is_refreshed_halfway_not_per_request()
    {
        var time = new ManualTimeProvider();
        var logins = 0;
        var validates = 0;
        using var provider = new TokenProvider(
            _ => Task.FromResult(FakeJwt.Create(time.GetUtcNow().AddMinutes(30), "login-" + Interlocked.Increment(ref logins))),
            (_, _) => Task.FromResult<string?>(FakeJwt.Create(time.GetUtcNow().AddMinutes(30), "validated-" + Interlocked.Increment(ref validates))),
            time,
            TimeSpan.FromMinutes(60),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        async Task<string> TenCallsAsync()
        {
            var token = "";
            for (var i = 0; i < 10; i++)
                token = await provider.GetTokenAsync(CancellationToken.None);
            return token;
        }

        Assert.Equal("login-1", FakeJwt.Subject(await TenCallsAsync()));
        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal("login-1", FakeJwt.Subject(await TenCallsAsync()));
        Assert.Equal(0, validates);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("validated-1", FakeJwt.Subject(await TenCallsAsync()));
        Assert.Equal(1, validates);
        Assert.Equal(time.GetUtcNow().AddMinutes(30), provider.ExpiresAt);

        time.Advance(TimeSpan.FromMinutes(14));
        await TenCallsAsync();
        Assert.Equal(1, validates);
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("validated-2", FakeJwt.Subject(await TenCallsAsync()));
        Assert.Equal((1, 2), (logins, validates));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_by_a_login_not_a_validate()
    {
        using var fixture = new ClientFixture();
        await fixture.Client.SearchOpenOrdersAsync(1);

        fixture.Time.Advance(TimeSpan.FromHours(25));
        await fixture.Client.SearchOpenOrdersAsync(1);

        Assert.Equal(2, fixture.Gateway.Logins);
        Assert.Empty(fixture.Gateway.To(GatewayEndpoints.Validate));
    }

    [Fact]
    public async Task Http_401_logs_in_again_and_retries_the_request_once()
    {
        using var fixture = new ClientFixture();
        var rejectedOnce = 0;
        fixture.Gateway.Respond = (request, _) => Task.FromResult(
            request.Token == fixture.Gateway.IssuedTokens[0] && Interlocked.Exchange(ref rejectedOnce, 1) == 0
                ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
                : StubGateway.Ok(new JsonObject { ["positions"] = new JsonArray() }));

        var positions = await fixture.Client.SearchOpenPositionsAsync(1);

        Assert.Empty(positions);
        Assert.Equal(2, fixture.Gateway.Logins);
        var sent = fixture.Gateway.To(GatewayEndpoints.PositionSearchOpen).ToList();
        Assert.Equal([fixture.Gateway.IssuedTokens[0], fixture.Gateway.IssuedTokens[1]], sent.Select(r => r.Token));
    }

    [Fact]
    public async Task Concurrent_401s_share_one_login()
    {
        using var fixture = new ClientFixture();
        await fixture.Client.SearchOpenOrdersAsync(1);
        var stale = fixture.Gateway.IssuedTokens[0];
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Token == stale
            ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
            : StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Client.SearchOpenOrdersAsync(1)));

        Assert.Equal(2, fixture.Gateway.Logins);
    }

    [Fact]
    public async Task Neither_the_api_key_nor_a_token_reaches_the_logs_or_ToString()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (request, _) => Task.FromResult(request.Path == GatewayEndpoints.Validate
            ? StubGateway.Ok(new JsonObject { ["newToken"] = FakeJwt.Create(fixture.Time.GetUtcNow().AddHours(30)) })
            : StubGateway.Ok(new JsonObject { ["orders"] = new JsonArray() }));
        await fixture.Client.SearchOpenOrdersAsync(1);
        fixture.Time.Advance(TimeSpan.FromHours(23.5));
        await fixture.Client.SearchOpenOrdersAsync(1);

        var secrets = fixture.Gateway.IssuedTokens.Append(fixture.Options.ApiKey).ToList();
        Assert.NotEmpty(fixture.Logger.Lines);
        Assert.All(fixture.Logger.Lines, line => Assert.DoesNotContain(secrets, s => line.Contains(s, StringComparison.Ordinal)));
        Assert.DoesNotContain(fixture.Options.ApiKey, fixture.Options.ToString(), StringComparison.Ordinal);
        Assert.Contains("<redacted>", fixture.Options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_report_every_problem_at_once()
    {
        var options = new TopstepXOptions { UserName = "", ApiKey = "", RequestsPerWindow = 250, RequestTimeout = TimeSpan.Zero };

        var errors = options.Errors();

        Assert.Contains(errors, e => e.StartsWith("UserName", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("ApiKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RequestsPerWindow", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("RequestTimeout", StringComparison.Ordinal));
        Assert.Empty(ClientFixture.TestOptions().Errors());
    }
}
