using GoldBot.GatewaySimulator.Faults;

namespace GoldBot.Chaos;

/// <summary>A fault the chaos driver switches on at <paramref name="At"/> (and, for a window, off again at <paramref name="Until"/>).</summary>
/// <param name="At">Market time (UTC) the fault starts.</param>
/// <param name="Kind">What kind of fault, for the campaign's counts (e.g. <c>refused_cancel</c>, <c>hub_outage</c>).</param>
/// <param name="On">What to post to the simulator's <c>/admin/faults</c> at <paramref name="At"/>.</param>
/// <param name="Until">End of a window fault, UTC, or null for a fault that ends by itself (a count, a duration the simulator keeps).</param>
/// <param name="Off">What to post at <paramref name="Until"/>, or null.</param>
public sealed record ScheduledFault(DateTimeOffset At, string Kind, FaultRequest On, DateTimeOffset? Until = null, FaultRequest? Off = null)
{
    /// <summary>True while the fault is in force at <paramref name="now"/> (count faults: for a minute after they are armed).</summary>
    public bool Active(DateTimeOffset now) => now >= At && now < (Until ?? At + TimeSpan.FromMinutes(1));
}
