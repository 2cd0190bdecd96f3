namespace GoldBot.TopstepX.Realtime;

/// <summary>Market-hub streams of one contract (§9.1).</summary>
[Flags]
public enum MarketSubscriptions
{
    /// <summary>Nothing.</summary>
    None = 0,
    /// <summary><c>SubscribeContractQuotes</c> → <c>GatewayQuote</c>.</summary>
    Quotes = 1,
    /// <summary><c>SubscribeContractTrades</c> → <c>GatewayTrade</c>.</summary>
    Trades = 2,
    /// <summary><c>SubscribeContractMarketDepth</c> → <c>GatewayDepth</c>.</summary>
    Depth = 4,
    /// <summary>Quotes, trades and depth.</summary>
    All = Quotes | Trades | Depth,
}
