namespace GoldBot.Tests.TestDoubles;

/// <summary>A clock that says what the test sets, so no test depends on the wall clock.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>The instant <see cref="GetUtcNow"/> returns.</summary>
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
