using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>3-minute bars from Tuesday 2 December 2025 09:00 CT (15:00 UTC), inside the default entry window.</summary>
internal static class HandMadeBars
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(3);

    public static readonly DateTimeOffset Start = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Bars from (open, high, low, close) rows, one every 3 minutes from <see cref="Start"/>.</summary>
    public static Bar[] From(params (decimal O, decimal H, decimal L, decimal C)[] rows) =>
        [.. rows.Select((r, i) => new Bar(Start + Period * i, r.O, r.H, r.L, r.C, 100))];

    /// <summary>
    /// A long signal at bar 0's close (stop 20 ticks), entry at bar 1's open 2000.0 + 1 tick = 2000.1,
    /// so the stop rests at 1998.1 and the single target (1 contract: tp1 at 1 R) at 2002.1; bar 1 touches
    /// neither; <paramref name="exitBar"/> is bar 2, then a quiet bar.
    /// </summary>
    public static Bar[] LongTrade((decimal O, decimal H, decimal L, decimal C) exitBar) => From(
        (2000.0m, 2000.5m, 1999.5m, 2000.0m),
        (2000.0m, 2000.5m, 1999.6m, 2000.2m),
        exitBar,
        (2001.0m, 2001.5m, 2000.5m, 2001.0m));
}
