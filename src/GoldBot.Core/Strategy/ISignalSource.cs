using GoldBot.Market;

namespace GoldBot.Strategy;

/// <summary>
/// Turns closed source bars into trade signals. The order-block strategy is the one GoldBot
/// trades; backtest baselines (EMA crossover, random entries) implement it too, so every source
/// goes through the same risk manager, sizing, bracket and executor.
/// </summary>
public interface ISignalSource
{
    /// <summary>
    /// Processes one closed source bar (prices in points, open time UTC) and appends the signals
    /// found at its close to <paramref name="signals"/>; signals the source does not want carry a
    /// <see cref="TradeSignal.Rejection"/>. Must not allocate when no signal is found.
    /// </summary>
    void OnBar(in Bar bar, ICollection<TradeSignal> signals);
}
