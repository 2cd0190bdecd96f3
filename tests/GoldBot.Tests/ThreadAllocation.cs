namespace GoldBot.Tests;

/// <summary>
/// Bytes allocated on the calling thread (<see cref="GC.GetAllocatedBytesForCurrentThread"/>) by a measured run, the fewest of
/// three runs. The counter once read 3,952 bytes in a full CI run, with other test classes allocating tens of megabytes in
/// parallel, where the same test read 0 in every run alone; an allocation of the measured code's own shows in every run, so
/// the fewest is still not 0 when the code allocates (one object per bar in <c>SmcEngine.OnBar</c> gave 225,168 bytes).
/// </summary>
internal static class ThreadAllocation
{
    /// <summary>The fewest bytes of three calls of <paramref name="run"/>, each returning the bytes it measured.</summary>
    public static long Fewest(Func<long> run) => Enumerable.Range(0, 3).Min(_ => run());

    /// <summary>Bytes allocated on this thread while <paramref name="action"/> runs.</summary>
    public static long During(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
