namespace GoldBot.Execution;

/// <summary>
/// What the executor does with a position it did not open (found at start-up, or appearing from an order it
/// does not know): protect it with a stop <paramref name="StopTicks"/> from its average price (a working
/// exit stop already there is kept), or flatten it.
/// </summary>
/// <param name="StopTicks">Stop distance from the average price, ticks, &gt; 0.</param>
/// <param name="Flatten">True to close such a position instead of adopting it.</param>
public sealed record AdoptionPolicy(int StopTicks = 100, bool Flatten = false);
