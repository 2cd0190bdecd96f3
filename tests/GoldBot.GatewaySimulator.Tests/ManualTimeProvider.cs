namespace GoldBot.GatewaySimulator.Tests;

/// <summary>A wall clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not available here).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
