using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Engine;

/// <summary>
/// The trading configuration of a backtest: the same option records the daemon binds from
/// <c>config/appsettings.json</c> (<c>Strategy</c>, <c>Risk</c>, <c>Execution</c>) and the contract.
/// The starting balance is <see cref="RiskOptions.StartingBalance"/> (USD), so the risk rules and
/// the account start from the same figure.
/// </summary>
public sealed record BacktestSettings
{
    /// <summary>Order-block strategy parameters (used when no other signal source is given).</summary>
    public StrategyOptions Strategy { get; init; } = new();

    /// <summary>Risk limits and sizing, including the starting balance.</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>The learning system's policy and bounds (the same class as the daemon's, its book in memory).</summary>
    public Learning.LearningOptions Learning { get; init; } = new();

    /// <summary>
    /// Closed trades the learning system has learned from before the run, oldest first, all closed before its first bar (the
    /// walk-forward passes a fold's in-sample trades to its out-of-sample run, as the daemon keeps its history across restarts);
    /// null for none.
    /// </summary>
    public IReadOnlyList<Execution.TradeRecord>? LearningHistory { get; init; }

    /// <summary>Costs, slippage and the limit-fill rule of the simulated broker (see <see cref="FillModelOptions"/>).</summary>
    public FillModelOptions Fills { get; init; } = new();

    /// <summary>The contract traded (tick size, tick value).</summary>
    public ContractSpec Contract { get; init; } = ContractSpec.BuiltIn["MGC"];

    /// <summary>Bars of a dollar proxy for the dollar filter (<c>Strategy:DollarFilter</c>), or null for none.</summary>
    public IntermarketBars? Intermarket { get; init; }

    /// <summary>Account balance at the start, USD (<see cref="RiskOptions.StartingBalance"/>).</summary>
    public decimal StartingBalance => Risk.StartingBalance;
}
