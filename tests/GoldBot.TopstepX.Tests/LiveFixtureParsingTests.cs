using System.Text.Json;
using System.Text.Json.Nodes;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Contracts.Wire;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Serialization;
using GoldBot.TopstepX.Tests.Support;

namespace GoldBot.TopstepX.Tests;

/// <summary>Every payload captured from the live gateway (shared/fixtures/projectx-live) parses through the client's own types.</summary>
public sealed class LiveFixtureParsingTests
{
    private static T Parse<T>(string file) =>
        StubGateway.Fixture(file).Deserialize<T>(GatewayJson.Options) ?? throw new InvalidOperationException(file);

    [Fact]
    public void Accounts_parse_with_ids_balances_and_flags()
    {
        var accounts = Parse<List<TradingAccount>>("accounts_search.json");

        Assert.Equal(2, accounts.Count);
        var practice = Assert.Single(accounts, a => a.Id == 26282486);
        Assert.Equal("PRAC-V2-645601-47191819", practice.Name);
        Assert.Equal(149831.92m, practice.Balance);
        Assert.True(practice.CanTrade && practice.IsVisible && practice.Simulated);
    }

    [Fact]
    public void Contracts_parse_including_tiny_tick_sizes()
    {
        var contracts = Parse<List<GatewayContract>>("contracts_available.json");

        Assert.Equal(51, contracts.Count);
        var mgc = Assert.Single(contracts, c => c.SymbolId == "F.US.MGC");
        Assert.Equal(("CON.F.US.MGC.Z26", "MGCZ6", 0.1m, 1m, true), (mgc.Id, mgc.Name, mgc.TickSize, mgc.TickValue, mgc.ActiveContract));
        Assert.Equal(0.0000005m, Assert.Single(contracts, c => c.SymbolId == "F.US.JY6").TickSize);
        Assert.All(contracts, c => Assert.True(c.TickSize > 0 && c.TickValue > 0, c.Id));
    }

    [Fact]
    public void Historical_orders_parse_with_bracket_links_and_defined_enums()
    {
        var orders = Parse<List<GatewayOrder>>("historical_orders_24h.json");

        Assert.Equal(82, orders.Count);
        Assert.All(orders, o =>
        {
            Assert.True(Enum.IsDefined(o.Status) && Enum.IsDefined(o.Type) && Enum.IsDefined(o.Side), o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.Zero, o.CreationTimestamp.Offset);
        });
        var takeProfit = Assert.Single(orders, o => o.Id == 3408995737);
        Assert.Equal((OrderStatus.Cancelled, OrderType.Limit, OrderSide.Ask, 30203.5m), (takeProfit.Status, takeProfit.Type, takeProfit.Side, takeProfit.LimitPrice!.Value));
        Assert.Equal(3408995735, takeProfit.ParentOrderId);
        Assert.Equal(3408995736, takeProfit.LinkedOrderId);
        Assert.EndsWith("-TP", takeProfit.CustomTag, StringComparison.Ordinal);
        var stopLoss = Assert.Single(orders, o => o.Id == 3408995736);
        Assert.Equal((OrderStatus.Filled, 30196.75m, 30196.25m), (stopLoss.Status, stopLoss.StopPrice!.Value, stopLoss.FilledPrice!.Value));
    }

    [Fact]
    public void Historical_trades_parse_with_null_pnl_on_opening_fills()
    {
        var trades = Parse<List<HalfTrade>>("historical_trades_24h.json");

        Assert.Equal(40, trades.Count);
        var opening = Assert.Single(trades, t => t.Id == 3005729736);
        Assert.Null(opening.ProfitAndLoss);
        Assert.Equal((29539m, 0.36m, OrderSide.Bid, 3424798597L), (opening.Price, opening.Fees, opening.Side, opening.OrderId));
        Assert.Equal(6.5m, Assert.Single(trades, t => t.Id == 3005729833).ProfitAndLoss);
    }

    [Fact]
    public void Empty_snapshots_parse_as_empty_lists()
    {
        Assert.Empty(Parse<List<GatewayOrder>>("open_orders.json"));
        Assert.Empty(Parse<List<GatewayPosition>>("open_positions.json"));
    }

    [Fact]
    public void Auth_envelopes_parse()
    {
        var login = StubGateway.Fixture("auth_login_key_envelope.json")["envelope"].Deserialize<LoginKeyResponse>(GatewayJson.Options)!;
        var validate = StubGateway.Fixture("auth_validate_envelope.json")["envelope"].Deserialize<ValidateResponse>(GatewayJson.Options)!;

        Assert.True(login.Success);
        Assert.Equal("[REDACTED]", login.Token);
        Assert.True(validate.Success);
        Assert.Equal("[REDACTED]", validate.NewToken);
    }

    [Fact]
    public async Task Captured_bars_come_back_oldest_first_through_the_client()
    {
        using var fixture = new ClientFixture();
        fixture.Gateway.Respond = (_, _) => Task.FromResult(StubGateway.Ok(new JsonObject { ["bars"] = StubGateway.Fixture("history_bars_1m_2h.json") }));
        var raw = StubGateway.Fixture("history_bars_1m_2h.json").AsArray();

        var bars = await fixture.Client.RetrieveBarsAsync("CON.F.US.MNQ.U26", fixture.Time.GetUtcNow().AddHours(-2), fixture.Time.GetUtcNow(), BarUnit.Minute, 1);

        Assert.Equal(120, bars.Count);
        Assert.True(bars.Zip(bars.Skip(1)).All(p => p.First.Time < p.Second.Time));
        var newestOnWire = raw[0]!;
        Assert.Equal(DateTimeOffset.Parse((string)newestOnWire["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture), bars[^1].Time);
        Assert.Equal(((decimal)newestOnWire["open"]!, (decimal)newestOnWire["close"]!, (long)newestOnWire["volume"]!), (bars[^1].Open, bars[^1].Close, bars[^1].Volume));
        var sent = fixture.Gateway.To("/api/History/retrieveBars").Single().Json!;
        Assert.Equal((2, 1, 20000, false), ((int)sent["unit"]!, (int)sent["unitNumber"]!, (int)sent["limit"]!, (bool)sent["includePartialBar"]!));
    }

    [Fact]
    public void Wire_bar_names_parse_too()
    {
        var bar = JsonSerializer.Deserialize<GatewayBar>("""{"t":"2024-12-20T14:00:00+00:00","o":2208.1,"h":2217.0,"l":2206.7,"c":2210.1,"v":87}""", GatewayJson.Options);

        Assert.Equal(new GatewayBar(new DateTimeOffset(2024, 12, 20, 14, 0, 0, TimeSpan.Zero), 2208.1m, 2217.0m, 2206.7m, 2210.1m, 87), bar);
    }

    [Fact]
    public void Every_stream_sample_parses_through_the_hub_parsers()
    {
        var samples = StubGateway.Fixture("stream_event_samples.json")["samples"]!.AsArray();
        var parsed = 0;
        foreach (var sample in samples)
        {
            var source = (string)sample!["source"]!;
            var raw = sample["raw_payload"];
            if (raw is null || source is not ("projectx_user_stream" or "projectx_market_stream"))
                continue;
            var kind = (string)sample["event_type"]!;
            var payload = JsonSerializer.SerializeToElement(source == "projectx_market_stream" ? raw["payload"] : raw);
            switch (kind)
            {
                case "account":
                    var account = GatewayPayloadParser.ParseUserEvent<TradingAccount>(payload);
                    Assert.Equal((1, 26282486L, 149848.64m), (account.Action!.Value, account.Data.Id, account.Data.Balance));
                    break;
                case "order":
                    var order = GatewayPayloadParser.ParseUserEvent<GatewayOrder>(payload);
                    Assert.Equal((3425270858L, OrderStatus.Rejected, OrderType.Market, OrderSide.Ask), (order.Data.Id, order.Data.Status, order.Data.Type, order.Data.Side));
                    Assert.Null(order.Data.FilledPrice);
                    break;
                case "position":
                    var position = GatewayPayloadParser.ParseUserEvent<GatewayPosition>(payload);
                    Assert.Equal((2, PositionType.Undefined, 0), (position.Action!.Value, position.Data.Type, position.Data.Size));
                    Assert.True(position.Data.IsFlat);
                    break;
                case "trade":
                    var trade = GatewayPayloadParser.ParseUserEvent<HalfTrade>(payload);
                    Assert.Equal((0, -49m, 0.36m, 0.25m), (trade.Action!.Value, trade.Data.ProfitAndLoss!.Value, trade.Data.Fees, trade.Data.Commissions!.Value));
                    break;
                case "quote":
                    var quote = Assert.Single(GatewayPayloadParser.ParseQuotes(payload));
                    Assert.Equal(("F.US.MNQ", "CON.F.US.MNQ.U26", 29547m, 29547.5m), (quote.Symbol, quote.Contract, quote.BestBid!.Value, quote.BestAsk!.Value));
                    Assert.Null(quote.LastPrice);
                    break;
                case "market_trade":
                    var print = Assert.Single(GatewayPayloadParser.ParseMarketTrades(payload));
                    Assert.Equal(("CON.F.US.MES.U26", 7730.5m, TradeLogType.Sell, 1L), (print.ContractId, print.Price, print.Type, print.Volume));
                    break;
                case "depth":
                    var depth = Assert.Single(GatewayPayloadParser.ParseDepth(payload));
                    Assert.Equal((DomType.BestBid, 29547m, 2L, 0L), (depth.Type, depth.Price, depth.Volume, depth.CurrentVolume));
                    break;
                default:
                    Assert.Fail("unexpected stream sample " + kind);
                    break;
            }
            parsed++;
        }
        Assert.Equal(7, parsed);
    }
}
