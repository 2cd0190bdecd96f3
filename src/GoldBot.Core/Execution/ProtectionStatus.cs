namespace GoldBot.Execution;

/// <summary>
/// The protection supervisor's state (status.json <c>protection</c>): whether the position is covered by
/// exactly one working stop of its size, the last invariant that failed, how many repairs were made and how
/// long positions went without a full stop during the current CME trading day (market time).
/// </summary>
/// <param name="State"><c>flat</c>, <c>protected</c>, <c>naked</c> (no working stop covers the whole position), <c>repairing</c> (covered, but an order is being fixed) or <c>flattening</c>.</param>
/// <param name="LastViolation">The last failed check, or null.</param>
/// <param name="LastViolationTime">When it failed, UTC.</param>
/// <param name="Repairs">Orders placed, changed or cancelled to restore an invariant, since start.</param>
/// <param name="Violations">Failed checks since start (each counted when it begins).</param>
/// <param name="SecondsNakedToday">Seconds of market time today with an open position not covered by a full working stop.</param>
public sealed record ProtectionStatus(string State, string? LastViolation, DateTimeOffset? LastViolationTime, int Repairs, int Violations, double SecondsNakedToday);
