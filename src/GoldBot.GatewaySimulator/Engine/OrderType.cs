namespace GoldBot.GatewaySimulator.Engine;

/// <summary>ProjectX <c>OrderType</c> (research/topstepx-api.md §7.5, realtime page and swagger).</summary>
public enum OrderType
{
    /// <summary>Not set.</summary>
    Unknown = 0,
    /// <summary>Limit order at <c>limitPrice</c>.</summary>
    Limit = 1,
    /// <summary>Market order, filled at the last trade price.</summary>
    Market = 2,
    /// <summary>Stop-limit; in the enum but not placeable in the simulator (UNCONFIRMED on the gateway).</summary>
    StopLimit = 3,
    /// <summary>Stop (market) order triggered at <c>stopPrice</c>.</summary>
    Stop = 4,
    /// <summary>Trailing stop; the distance in ticks is fixed at placement from <c>trailPrice</c>.</summary>
    TrailingStop = 5,
    /// <summary>Join the best bid (not simulated).</summary>
    JoinBid = 6,
    /// <summary>Join the best ask (not simulated).</summary>
    JoinAsk = 7,
}
