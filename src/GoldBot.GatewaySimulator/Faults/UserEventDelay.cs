namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// User-hub events delivered later than the REST state changes: each change's events (one REST command, or one replayed point)
/// wait a delay drawn uniformly from [<paramref name="MinMilliseconds"/>, <paramref name="MaxMilliseconds"/>] ms (whole milliseconds,
/// seeded random) on the simulator's clock, then go out together in their order. Changes with different delays may arrive reordered;
/// a delay of 0 sends at once. <c>{"minMilliseconds":0,"maxMilliseconds":0}</c> switches the fault off.
/// </summary>
/// <param name="MinMilliseconds">Shortest delay, ms (≥ 0).</param>
/// <param name="MaxMilliseconds">Longest delay, ms (≥ min).</param>
public sealed record UserEventDelay(int MinMilliseconds, int MaxMilliseconds);
