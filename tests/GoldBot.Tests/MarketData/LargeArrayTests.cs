using System.Globalization;
using System.Runtime.InteropServices;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>
/// <see cref="LargeArray.Uninitialized{T}"/>: arrays of the length asked, that hold what is written to them; on Linux a large
/// one's whole 2 MB blocks carry the kernel's huge-page advice (<c>hg</c> in <c>/proc/self/smaps</c>'s VmFlags).
/// </summary>
public sealed class LargeArrayTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(3 * LargeArray.MinimumBytes / sizeof(long))]
    public void Gives_an_array_of_the_length_asked_that_holds_what_is_written(int length)
    {
        var array = LargeArray.Uninitialized<long>(length);

        Assert.Equal(length, array.Length);
        for (var i = 0; i < length; i++)
            array[i] = i * 7L;
        for (var i = 0; i < length; i++)
            Assert.Equal(i * 7L, array[i]);
    }

    [Fact]
    public void A_negative_length_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LargeArray.Uninitialized<long>(-1));

    [Fact]
    public void On_linux_every_whole_2_mb_block_of_a_large_array_is_advised_for_huge_pages()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/sys/kernel/mm/transparent_hugepage"))
            return; // the advice exists only on Linux kernels with transparent huge pages

        var array = LargeArray.Uninitialized<byte>(LargeArray.MinimumBytes + 12345);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var start = (ulong)handle.AddrOfPinnedObject();
            var first = (start + LargeArray.HugePageBytes - 1) & ~(ulong)(LargeArray.HugePageBytes - 1);
            var end = (start + (ulong)array.Length) & ~(ulong)(LargeArray.HugePageBytes - 1);
            var covering = Mappings().Where(m => m.Start < end && m.End > first).ToList();

            Assert.True(end - first >= 3 * (ulong)LargeArray.HugePageBytes);
            Assert.True(covering.Min(m => m.Start) <= first && covering.Max(m => m.End) >= end, "the blocks are mapped");
            Assert.All(covering, m => Assert.Contains("hg", m.Flags));
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary>The process's mappings from /proc/self/smaps: address range and VmFlags.</summary>
    private static IEnumerable<(ulong Start, ulong End, string[] Flags)> Mappings()
    {
        ulong start = 0, end = 0;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                yield return (start, end, line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            var dash = line.IndexOf('-', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var s)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var e))
                (start, end) = (s, e);
        }
    }
}
