namespace GoldBot.Risk;

/// <summary>The risk manager's state as monitoring shows it (status.json "risk").</summary>
/// <param name="CanTrade">True when a new entry could be approved now (window, limits, controls).</param>
/// <param name="BlockedBy">Why not, when <paramref name="CanTrade"/> is false.</param>
/// <param name="ConsecutiveLosses">Losing trades in a row today.</param>
/// <param name="DailyPnL">Today's P&amp;L, realised plus open, USD.</param>
/// <param name="DailyLossRemaining">Daily loss limit minus today's loss, USD.</param>
/// <param name="DailyTrades">Trades opened today.</param>
/// <param name="MaxLossFloor">Balance below which the maximum loss limit is broken, USD.</param>
/// <param name="EmergencyStop">True once EMERGENCY_STOP.txt was seen.</param>
/// <param name="Paused">True while PAUSE_TRADING.txt exists.</param>
/// <param name="DefaultContracts">Contracts per trade currently in effect.</param>
/// <param name="TotalTrades">Trades taken since the start.</param>
/// <param name="TradingDay">The CME trading day (17:00–16:00 CT) the state belongs to.</param>
/// <param name="Balance">The account balance the rules apply to, USD (the gateway's account after a restart, before the executor's first report).</param>
public sealed record RiskStatus(
    bool CanTrade,
    string? BlockedBy,
    int ConsecutiveLosses,
    decimal DailyPnL,
    decimal DailyLossRemaining,
    int DailyTrades,
    decimal MaxLossFloor,
    bool EmergencyStop,
    bool Paused,
    int DefaultContracts,
    int TotalTrades,
    DateOnly TradingDay,
    decimal Balance);
