namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Gauges and counters of what the simulator has in flight, for an in-process driver that advances a driven clock only when the
/// simulator is settled: no request held on a fault, no user-event batch waiting on a delay, and the hub message count stable
/// (then <see cref="SimulatedGateway.BroadcastSyncAsync"/> marks the end of the event stream). Thread-safe.
/// </summary>
public sealed class SimulatorActivity
{
    private int _heldRequests;
    private long _hubMessagesSent;
    private int _delayedUserEventBatches;
    private int _dueUserEventBatches;

    /// <summary>
    /// REST requests the simulator is holding on a fault right now: waiting on a delay (<see cref="Faults.FaultRequest.DelayMilliseconds"/>)
    /// or an answer held late or until the client aborts (<see cref="Faults.FaultRequest.HoldResponses"/>).
    /// </summary>
    public int HeldRequests => Volatile.Read(ref _heldRequests);

    /// <summary>
    /// Hub messages sent since start on either hub (market and user), counted once per send (to a group, a caller or every connection)
    /// when the send has completed, whatever the number of receivers; includes quote snapshots and <c>SimulatorSync</c> markers.
    /// </summary>
    public long HubMessagesSent => Interlocked.Read(ref _hubMessagesSent);

    /// <summary>User-event batches (the events of one change) waiting on a delay timer or queued behind one (<see cref="Faults.FaultRequest.UserEventDelay"/>), not yet sent.</summary>
    public int DelayedUserEventBatches => Volatile.Read(ref _delayedUserEventBatches);

    /// <summary>
    /// Delayed user-event batches whose time has come and that are being sent: work in progress, unlike those still
    /// waiting on their timer (a driver that sees none can advance the clock; the others wait for it).
    /// </summary>
    public int DueUserEventBatches => Volatile.Read(ref _dueUserEventBatches);

    internal void BatchDue() => Interlocked.Increment(ref _dueUserEventBatches);

    internal void DueBatchSent() => Interlocked.Decrement(ref _dueUserEventBatches);

    internal void RequestHeld() => Interlocked.Increment(ref _heldRequests);

    internal void RequestReleased() => Interlocked.Decrement(ref _heldRequests);

    internal void HubMessageSent() => Interlocked.Increment(ref _hubMessagesSent);

    internal void BatchDelayed() => Interlocked.Increment(ref _delayedUserEventBatches);

    internal void BatchSent() => Interlocked.Decrement(ref _delayedUserEventBatches);
}
