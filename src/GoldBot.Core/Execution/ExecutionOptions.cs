using System.ComponentModel.DataAnnotations;

namespace GoldBot.Execution;

/// <summary>
/// How orders are executed (configuration section <c>Execution</c>): the simulated broker's fill
/// model and costs (<see cref="FillModelOptions"/>), and the order executor's protection timings,
/// in seconds of market time. Defaults follow the issue that introduced them: a position may be
/// without its stop for at most 2 s before it is flattened; the account is reconciled with the
/// broker every 30 s (4 REST requests, well inside ProjectX's 200 per 60 s, <c>research/topstepx-api.md</c> §8.3), and
/// while the user hub is down its position every second (60 requests a minute, for as long as the outage lasts).
/// </summary>
public sealed record ExecutionOptions : FillModelOptions
{
    /// <summary>Longest a position may go without a working stop of its full size before it is flattened, seconds.</summary>
    [Range(0.1, 60)]
    public double ProtectionGraceSeconds { get; init; } = 2;

    /// <summary>Seconds between periodic reconciliations of positions and working orders with the broker (REST).</summary>
    [Range(1, 3600)]
    public double ReconcileIntervalSeconds { get; init; } = 30;

    /// <summary>Seconds between repeated attempts: a close during a flatten, its verification, a stop placement, a lookup of an uncertain order.</summary>
    [Range(0.1, 60)]
    public double RetrySeconds { get; init; } = 1;

    /// <summary>
    /// An order whose placement outcome is unknown and which the broker has not shown under its tag for this
    /// long is taken as never placed (it is still adopted if a fill of it appears later), seconds.
    /// </summary>
    [Range(1, 3600)]
    public double UncertainOrderSeconds { get; init; } = 10;

    /// <summary>
    /// While a flatten closes the position, its stop is kept at least this many ticks beyond the last trade (moved out
    /// before the close is sent, placed there when a new one is needed), so that the stop cannot fill in the same instant
    /// as the close and turn the position over; it still caps the loss if the close fails. Default 20 (2.00 points on MGC).
    /// </summary>
    [Range(1, 10_000)]
    public int FlattenStopTicks { get; init; } = 20;

    /// <summary>
    /// While the broker's event stream (the user hub) is down and the account holds a position or working orders, its
    /// position is read through REST this often (one request), and the whole account when it differs, seconds: a stop or
    /// target fill is noticed within this time rather than at the next periodic reconciliation.
    /// </summary>
    [Range(0.5, 60)]
    public double PositionCheckSeconds { get; init; } = 1;

    /// <summary>What a stop signal does to an open position in the gateway modes (sim, paper, live); default <see cref="ShutdownAction.KeepProtected"/>.</summary>
    public ShutdownAction OnShutdown { get; init; } = ShutdownAction.KeepProtected;

    /// <summary>Longest a <see cref="ShutdownAction.Flatten"/> shutdown waits for the account to be flat before it stops anyway, seconds of wall time.</summary>
    [Range(1, 600)]
    public double ShutdownFlattenSeconds { get; init; } = 30;
}
