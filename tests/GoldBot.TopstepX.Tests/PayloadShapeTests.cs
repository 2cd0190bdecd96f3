using System.Text.Json;
using GoldBot.TopstepX.Contracts;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Serialization;

namespace GoldBot.TopstepX.Tests;

/// <summary>The payload variations the live gateway sends beyond its documentation (fixtures README).</summary>
public sealed class PayloadShapeTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Order_ids_sent_as_strings_parse()
    {
        var message = GatewayPayloadParser.ParseUserEvent<GatewayOrder>(Json(
            """{"action":1,"data":{"id":"3425270858","accountId":"26282486","contractId":"CON.F.US.MGC.Z26","creationTimestamp":"2026-08-19T20:49:25Z","status":1,"type":1,"side":0,"size":2,"limitPrice":2650.1,"fillVolume":0}}"""));

        Assert.Equal((3425270858L, 26282486L, 2650.1m), (message.Data.Id, message.Data.AccountId, message.Data.LimitPrice!.Value));
    }

    [Fact]
    public void Bare_user_entities_parse_without_an_action()
    {
        var message = GatewayPayloadParser.ParseUserEvent<GatewayPosition>(Json(
            """{"id":456,"accountId":123,"contractId":"CON.F.US.EP.U25","creationTimestamp":"2024-07-21T13:45:00Z","type":1,"size":2,"averagePrice":2100.25}"""));

        Assert.Null(message.Action);
        Assert.Equal((PositionType.Long, 2, 2100.25m), (message.Data.Type, message.Data.Size, message.Data.AveragePrice));
    }

    [Fact]
    public void Unknown_enum_values_are_kept_not_rejected()
    {
        var order = JsonSerializer.Deserialize<GatewayOrder>(
            """{"id":1,"accountId":2,"contractId":"c","creationTimestamp":"2026-01-01T00:00:00Z","status":42,"type":99,"side":1,"size":1}""", GatewayJson.Options)!;

        Assert.Equal(42, (int)order.Status);
        Assert.False(Enum.IsDefined(order.Status));
        Assert.Equal(99, (int)order.Type);
        Assert.False(order.IsWorking);
    }

    [Fact]
    public void Timestamps_without_offset_are_read_as_utc()
    {
        var trade = JsonSerializer.Deserialize<MarketTrade>("""{"price":1,"timestamp":"2026-08-19T20:51:30.052","type":0,"volume":1}""", GatewayJson.Options)!;

        Assert.Equal(new DateTimeOffset(2026, 8, 19, 20, 51, 30, 52, TimeSpan.Zero), trade.Timestamp);
    }

    [Fact]
    public void Market_payloads_accept_an_object_or_an_array()
    {
        const string one = """{"symbolId":"F.US.MGC","price":2650.3,"timestamp":"2026-08-19T20:51:30Z","type":0,"volume":3}""";

        Assert.Single(GatewayPayloadParser.ParseMarketTrades(Json(one)));
        Assert.Equal(2, GatewayPayloadParser.ParseMarketTrades(Json($"[{one},{one}]")).Count);
        Assert.Equal(2, GatewayPayloadParser.ParseDepth(Json("""[{"timestamp":"2026-08-19T20:51:30Z","type":6,"price":0,"volume":0,"currentVolume":0},{"timestamp":"2026-08-19T20:51:30Z","type":2,"price":2650,"volume":5,"currentVolume":5}]""")).Count);
        Assert.Throws<JsonException>(() => GatewayPayloadParser.ParseMarketTrades(Json("42")));
    }

    [Fact]
    public void Quote_book_keeps_the_last_known_values_of_partial_quotes()
    {
        var book = new QuoteBook();
        book.Merge("CON.F.US.MGC.Z26", new GatewayQuote { Symbol = "F.US.MGC", LastPrice = 2650.0m, BestBid = 2649.9m, BestAsk = 2650.1m, Volume = 1200 });

        var merged = book.Merge("CON.F.US.MGC.Z26", new GatewayQuote { Symbol = "F.US.MGC", BestBid = 2650.0m });

        Assert.Equal((2650.0m, 2650.0m, 2650.1m, 1200L), (merged.LastPrice!.Value, merged.BestBid!.Value, merged.BestAsk!.Value, merged.Volume!.Value));
        Assert.Same(merged, book.Get("CON.F.US.MGC.Z26"));
        Assert.Null(book.Get("CON.F.US.MES.U26"));
    }
}
