using GoldBot.Execution;
using GoldBot.Risk;

namespace GoldBot.Pipeline;

/// <summary>Messages to the order executor service: commands from risk and events from the broker.</summary>
public abstract record ExecutorInput;

/// <summary>Open a trade according to an approved plan.</summary>
/// <param name="Plan">The plan.</param>
public sealed record EnterTrade(TradePlan Plan) : ExecutorInput;

/// <summary>Cancel working orders and close the position.</summary>
/// <param name="Reason">Exit reason recorded on the trade (eod_flatten, daily_loss_limit, emergency_stop, flatten_all, end_of_data…).</param>
/// <param name="StopWhenFlat">Stop the daemon once flat (emergency stop).</param>
public sealed record FlattenPosition(string Reason, bool StopWhenFlat) : ExecutorInput;

/// <summary>An event reported by the broker.</summary>
/// <param name="Event">The event.</param>
public sealed record BrokerEventReceived(BrokerEvent Event) : ExecutorInput;
