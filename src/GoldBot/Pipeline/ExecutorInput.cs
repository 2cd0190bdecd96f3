using GoldBot.Execution;
using GoldBot.Risk;

namespace GoldBot.Pipeline;

/// <summary>Messages to the order executor service: commands from risk, events from the broker, answers to its calls, clock ticks.</summary>
public abstract record ExecutorInput;

/// <summary>Open a trade according to an approved plan.</summary>
/// <param name="Plan">The plan.</param>
public sealed record EnterTrade(TradePlan Plan) : ExecutorInput;

/// <summary>Cancel working orders, close the position and verify the account flat.</summary>
/// <param name="Reason">Exit reason recorded on the trade (eod_flatten, daily_loss_limit, emergency_stop, flatten_all, end_of_data…).</param>
/// <param name="FinishWhenFlat">
/// End the run with this outcome once the broker shows the account flat (<see cref="Hosting.RunOutcome.EmergencyStop"/> for an
/// emergency stop, <see cref="Hosting.RunOutcome.Completed"/> for a shutdown that flattens), or null to keep running.
/// </param>
public sealed record FlattenPosition(string Reason, Hosting.RunOutcome? FinishWhenFlat) : ExecutorInput;

/// <summary>Events reported together by the broker.</summary>
/// <param name="Events">The events, in order.</param>
public sealed record BrokerEventsReceived(IReadOnlyList<BrokerEvent> Events) : ExecutorInput;

/// <summary>The answer of one of the executor's broker calls that completed later.</summary>
/// <param name="Completion">The answer.</param>
public sealed record BrokerCallFinished(BrokerCallCompletion Completion) : ExecutorInput;

/// <summary>A closed bar, passed on by the risk manager before it acts on the bar: the open trade's exit rule and a Mode B entry follow it.</summary>
/// <param name="Bar">The source bar (points, open time UTC).</param>
/// <param name="CloseTime">Its close, UTC.</param>
public sealed record ExecutorBar(Market.Bar Bar, DateTimeOffset CloseTime) : ExecutorInput;

/// <summary>A clock tick passed on by the risk manager (gateway modes, every second of market time).</summary>
/// <param name="LastPrice">Latest trade or quote price, points, or null when none is known.</param>
public sealed record ExecutorTick(decimal? LastPrice) : ExecutorInput;

/// <summary>
/// The broker's events (the user hub) stopped or flow again: while stopped the executor checks the broker's position every
/// second; when they flow again it reads the account, because events missed meanwhile are not replayed.
/// </summary>
/// <param name="Flowing">True on (re)connect, false when the connection was lost.</param>
/// <param name="Reason">For the log.</param>
public sealed record UserEventsChanged(bool Flowing, string Reason) : ExecutorInput;

/// <summary>Start-up: read the broker's account and adopt (or flatten) what it holds before any entry.</summary>
/// <param name="LastPrice">Latest traded price, points, or null when unknown.</param>
/// <param name="Resume">The open trade the state store saved, resumed when the broker still holds it; null when none.</param>
public sealed record ExecutorStart(decimal? LastPrice, OpenTradeState? Resume = null) : ExecutorInput;
