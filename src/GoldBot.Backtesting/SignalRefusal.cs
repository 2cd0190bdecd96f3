namespace GoldBot.Backtesting;

/// <summary>A signal the backtest did not trade, with the reason the daemon would write to signals.log.</summary>
/// <param name="Time">Close of the bar that produced the signal, UTC.</param>
/// <param name="Pattern">Pattern name, e.g. <c>order_block</c>.</param>
/// <param name="Side"><c>long</c> or <c>short</c>.</param>
/// <param name="Score">Quality score 1–10.</param>
/// <param name="ByStrategy">True when the strategy itself did not want it (<see cref="Strategy.TradeSignal.Rejection"/>: score, trend, stop width, a filter); false when the risk manager refused a signal the strategy wanted.</param>
/// <param name="Reason">The refusal text (<see cref="Risk.RiskDecision.Reason"/>).</param>
public sealed record SignalRefusal(DateTimeOffset Time, string Pattern, string Side, int Score, bool ByStrategy, string Reason);
