using System.Globalization;
using GoldBot.Market;
using GoldBot.Smc;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Baselines;

/// <summary>Builds the <see cref="TradeSignal"/> of a baseline: not scored, no zone, conditions with session, ATR and time only.</summary>
internal static class BaselineSignal
{
    public static TradeSignal Create(string pattern, DateTimeOffset time, int direction, decimal close, int stopTicks, double atrTicks, string? rejection)
    {
        var conditions = new MarketConditions(TradingSession.Of(time), Math.Round(atrTicks, 1), 0,
            CmeSession.ExchangeTimeOfDay(time).ToString("HH:mm", CultureInfo.InvariantCulture), "unknown");
        return new TradeSignal(time, pattern, direction, 1, default(OrderBlockScore), close, close, close, stopTicks, direction, conditions, rejection);
    }
}
