namespace GoldBot.Backtesting.Report;

/// <summary>One point of the equity or drawdown curve.</summary>
/// <param name="Time">Bar close, UTC.</param>
/// <param name="Value">Equity (USD) or drawdown below the running peak (USD, ≥ 0; the page draws it downwards).</param>
public readonly record struct ReportPoint(DateTimeOffset Time, decimal Value);
