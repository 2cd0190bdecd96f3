using GoldBot.Backtesting.Statistics;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;

namespace GoldBot.Backtesting;

/// <summary>What a backtest ran on.</summary>
/// <param name="Symbol">Contract symbol (CME code, e.g. MGC).</param>
/// <param name="Contract">Tick size, tick value and costs basis of the contract traded.</param>
/// <param name="BarPeriod">Length of the input bars.</param>
/// <param name="Start">Open time of the first bar, UTC.</param>
/// <param name="End">Close time of the last bar, UTC.</param>
/// <param name="Bars">Number of input bars.</param>
/// <param name="StartingBalance">Account balance at the start, USD.</param>
/// <param name="Description">Human-readable origin (file name, fold, baseline name).</param>
public sealed record BacktestRunInfo(
    string Symbol,
    ContractSpec Contract,
    TimeSpan BarPeriod,
    DateTimeOffset Start,
    DateTimeOffset End,
    long Bars,
    decimal StartingBalance,
    string Description);

/// <summary>Account equity at one bar close.</summary>
/// <param name="Time">Bar close, UTC.</param>
/// <param name="Equity">Balance plus open P&amp;L marked at the bar's close, USD.</param>
/// <param name="Drawdown">Peak equity so far minus <paramref name="Equity"/>, USD, ≥ 0.</param>
public readonly record struct EquityPoint(DateTimeOffset Time, decimal Equity, decimal Drawdown);

/// <summary>One CME trading day (17:00 to 17:00 America/Chicago, named by the date it ends on, as CME and Topstep do).</summary>
/// <param name="Date">Trading date (exchange calendar).</param>
/// <param name="StartEquity">Equity at the day's first bar open, USD.</param>
/// <param name="EndEquity">Equity at the day's last bar close, USD.</param>
/// <param name="LowestEquity">Lowest equity during the day, marked at each bar's worst price, USD.</param>
/// <param name="TradesClosed">Trades that went flat during the day.</param>
public sealed record TradingDay(DateOnly Date, decimal StartEquity, decimal EndEquity, decimal LowestEquity, int TradesClosed);

/// <summary>
/// Trades whose exit bar held both the stop and a target, so bar data cannot tell which came
/// first. The conservative fill model books the stop; the range says what the other order would give.
/// </summary>
/// <param name="Trades">Number of trades with at least one ambiguous exit bar.</param>
/// <param name="WorstCasePnL">Net P&amp;L of the run as booked (stop first), USD.</param>
/// <param name="BestCasePnL">Net P&amp;L of the run had every ambiguous bar hit the target first, USD.</param>
public sealed record ExitAmbiguity(int Trades, decimal WorstCasePnL, decimal BestCasePnL);

/// <summary>The outcome of one backtest: its trades, its days and its equity curve.</summary>
/// <param name="Run">What was run.</param>
/// <param name="Trades">Closed trades in entry order (an open trade at the end of data is flattened and included).</param>
/// <param name="Days">Every trading day with at least one bar, in order.</param>
/// <param name="Equity">Equity at every bar close (empty when the run was asked not to record it).</param>
/// <param name="BarsInMarket">Bars during which a position was open (time in market = BarsInMarket / Run.Bars).</param>
/// <param name="Ambiguity">Exits bar data cannot order.</param>
public sealed record BacktestResult(
    BacktestRunInfo Run,
    IReadOnlyList<TradeRecord> Trades,
    IReadOnlyList<TradingDay> Days,
    IReadOnlyList<EquityPoint> Equity,
    long BarsInMarket,
    ExitAmbiguity Ambiguity)
{
    /// <summary>Every signal not traded, in time order: the strategy's own rejections and the risk manager's refusals (empty for results stitched from other runs).</summary>
    public IReadOnlyList<SignalRefusal> Refusals { get; init; } = [];

    /// <summary>The risk manager's state after the last bar (balance, maximum-loss floor, halts), or null for results stitched from other runs.</summary>
    public RiskState? FinalRisk { get; init; }

    /// <summary>
    /// Maximum drawdown of the equity marked at every bar close: the points of <see cref="Equity"/>, measured as the run went,
    /// so it is there when the curve was not kept (<see cref="Engine.BacktestOptions.RecordEquity"/> false); null for a result
    /// put together without bar marks.
    /// </summary>
    public EquityDrawdown? BarDrawdown { get; init; }
}
