using GoldBot.GatewaySimulator.Faults;
using GoldBot.Market;

namespace GoldBot.Chaos;

/// <summary>
/// A seeded random schedule of gateway faults over some trading days (the list of a busy exchange): user
/// events late or reordered, cancels refused because the order just filled, refused modifies, stops and closes,
/// partial fills whose rest is cancelled, answers held past the client's timeout or never sent, 5xx bursts on one
/// endpoint (carried out or not), quiet markets without prints, hub outages (drops, refused reconnects of up to two
/// minutes, drops during a flatten), prints stamped off the receiver's clock, expired tokens, 429 bursts, and a market hub
/// that stays connected but goes silent. Each day
/// gets 3 to 8 faults between 07:30 and 15:30 CT, and often the two that caught the daemon before: a quiet market and
/// a market-hub outage around the 15:05–15:10 CT flatten. Same seed, same schedule.
/// </summary>
public static class FaultSchedule
{
    private static readonly string[] Endpoints =
        ["/api/Order/place", "/api/Order/cancel", "/api/Order/modify", "/api/Position/closeContract", "/api/Position/searchOpen", "/api/Order/searchOpen", "/api/Trade/search"];

    /// <summary>Every kind of fault the schedule draws, by name.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "user_event_delay", "reordered_user_events", "duplicate_user_events", "refused_cancel", "refused_modify", "refused_stop", "refused_close",
        "partial_fill_cancelled", "answer_late", "answer_never", "endpoint_5xx", "quiet_market", "hub_outage", "hub_drop_on_close",
        "print_clock_skew", "expired_tokens", "http_429",
    ];

    /// <summary>Kinds added after the first campaigns, drawn from their own random source so that older seeds keep their schedules.</summary>
    public static IReadOnlyList<string> LaterKinds { get; } = ["silent_market_hub"];

    /// <summary>Draws the schedule for <paramref name="days"/> (CME trading days) from <paramref name="random"/>, and the <see cref="LaterKinds"/> from <paramref name="later"/>.</summary>
    public static IReadOnlyList<ScheduledFault> Build(Random random, IReadOnlyList<DateOnly> days, Random? later = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(days);
        var faults = new List<ScheduledFault>();
        foreach (var day in days)
        {
            if (later is not null && later.NextDouble() < 0.5)
                faults.Add(Draw(later, CmeSession.AtExchangeTime(day, new TimeOnly(7, 30)).AddSeconds(later.Next(8 * 3600)), "silent_market_hub"));
            var count = 3 + random.Next(6);
            for (var i = 0; i < count; i++)
            {
                var at = CmeSession.AtExchangeTime(day, new TimeOnly(7, 30)).AddSeconds(random.Next(8 * 3600));
                faults.Add(Draw(random, at, Kinds[random.Next(Kinds.Count)]));
            }
            if (random.NextDouble() < 0.4)
                faults.Add(Draw(random, CmeSession.AtExchangeTime(day, new TimeOnly(14, 45)).AddSeconds(random.Next(900)), "quiet_market"));
            if (random.NextDouble() < 0.4)
                faults.Add(Draw(random, CmeSession.AtExchangeTime(day, new TimeOnly(14, 58)).AddSeconds(random.Next(600)), "hub_outage"));
        }
        return [.. faults.OrderBy(f => f.At)];
    }

    private static ScheduledFault Draw(Random random, DateTimeOffset at, string kind)
    {
        TimeSpan Seconds(int min, int max) => TimeSpan.FromSeconds(min + random.Next(max - min + 1));
        switch (kind)
        {
            case "user_event_delay":
            {
                var until = at + Seconds(60, 1800);
                return new(at, kind, new FaultRequest { UserEventDelay = new UserEventDelay(0, 200 + random.Next(2800)) }, until,
                    new FaultRequest { UserEventDelay = new UserEventDelay(0, 0) });
            }
            case "reordered_user_events":
            {
                var until = at + Seconds(60, 1800);
                return new(at, kind, new FaultRequest { ShuffleOrderAndTradeEvents = true }, until, new FaultRequest { ShuffleOrderAndTradeEvents = false });
            }
            case "duplicate_user_events":
            {
                var until = at + Seconds(60, 1800);
                return new(at, kind, new FaultRequest { DuplicateUserEvents = true }, until, new FaultRequest { DuplicateUserEvents = false });
            }
            case "refused_cancel":
                return new(at, kind, new FaultRequest { RefuseNextCancelsAsFilled = 1 + random.Next(2) });
            case "refused_modify":
                return new(at, kind, new FaultRequest { RefuseNextModifies = 1 + random.Next(3) });
            case "refused_stop":
                return new(at, kind, new FaultRequest { RefuseNextStops = 1 + random.Next(3) });
            case "refused_close":
                return new(at, kind, new FaultRequest { RefuseNextCloses = 1 + random.Next(3) });
            case "partial_fill_cancelled":
                return new(at, kind, new FaultRequest { PartialFillThenCancel = new PartialFillThenCancel(1, 1) });
            case "answer_late":
                return new(at, kind, new FaultRequest { HoldResponses = new HoldResponses(1 + random.Next(2), Endpoints[random.Next(Endpoints.Length)], 1_000 + random.Next(25_000)) });
            case "answer_never":
                return new(at, kind, new FaultRequest { HoldResponses = new HoldResponses(1, Endpoints[random.Next(Endpoints.Length)]) });
            case "endpoint_5xx":
                return new(at, kind, new FaultRequest
                {
                    FailEndpoint = new FailEndpoint(Endpoints[random.Next(Endpoints.Length)], random.Next(2) == 0 ? 500 : 503,
                        Seconds: 1 + random.Next(15), Execute: random.Next(2) == 0),
                });
            case "quiet_market":
            {
                var until = at + Seconds(300, 1800);
                return new(at, kind, new FaultRequest { QuietMarket = new QuietMarket(at, until) }, until);
            }
            case "hub_outage":
                return new(at, kind, new FaultRequest { DropHubConnections = true, RefuseHubConnectionsSeconds = 5 + random.Next(116) });
            case "hub_drop_on_close":
                return new(at, kind, new FaultRequest { DropHubsOnClose = new HubDropOnClose(1, random.Next(61)) });
            case "print_clock_skew":
            {
                var until = at + Seconds(300, 3600);
                return new(at, kind, new FaultRequest { MarketTimestampOffsetMilliseconds = random.Next(-3000, 3001) }, until,
                    new FaultRequest { MarketTimestampOffsetMilliseconds = 0 });
            }
            case "silent_market_hub":
                return new(at, kind, new FaultRequest { SilenceMarketHub = true });
            case "expired_tokens":
                return new(at, kind, new FaultRequest { ExpireTokens = true });
            case "http_429":
                return new(at, kind, new FaultRequest { FailNextResponses = new FailResponses(1 + random.Next(3), 429) });
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fault kind of the schedule");
        }
    }
}
