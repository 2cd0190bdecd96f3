using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoldBot.MarketData;

/// <summary>
/// Arrays of tens of megabytes that a run fills once (a bars file's bars, a backtest's equity curve), allocated so that Linux
/// can back them with 2 MB pages instead of 4 KB ones: the array is pinned and its whole 2 MB blocks are marked
/// <c>MADV_HUGEPAGE</c> (madvise(2); distributions set <c>/sys/kernel/mm/transparent_hugepage/enabled</c> to <c>madvise</c>
/// or <c>always</c>), so filling 88 MB takes 44 page faults instead of 22,500. On this project's 2-core VM a 4 KB fault costs
/// about 10 µs: a 1,000,000-bar file's bars copy was loaded 0.43–0.52 s after the start of <c>goldbot backtest</c> instead of
/// 0.91–1.09 s (docs/performance.md, "Fresh memory in 2 MB pages"). On other systems, or when the kernel declines, it is an
/// ordinary array: the advice never changes what the array holds.
/// </summary>
public static class LargeArray
{
    /// <summary>Arrays smaller than this (bytes) get no advice: they hold at most three whole 2 MB blocks.</summary>
    public const int MinimumBytes = 8 << 20;

    /// <summary>The size of a transparent huge page on x64 and most arm64 kernels, bytes.</summary>
    public const int HugePageBytes = 2 << 20;

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE, <asm-generic/mman-common.h>

    /// <summary>
    /// An array of <paramref name="length"/> elements whose contents are undefined (the caller writes every element before
    /// reading it); on Linux, when it is at least <see cref="MinimumBytes"/>, pinned and advised as above.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static T[] Uninitialized<T>(int length) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = (long)length * Unsafe.SizeOf<T>();
        if (bytes < MinimumBytes || !OperatingSystem.IsLinux())
            return GC.AllocateUninitializedArray<T>(length);
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        try
        {
            var start = (long)handle.AddrOfPinnedObject();
            var first = (start + HugePageBytes - 1) & -HugePageBytes;
            var end = (start + bytes) & -HugePageBytes;
            _ = Madvise((nint)first, (nuint)(end - first), MadviseHugePage); // a refusal (EINVAL without THP) leaves 4 KB pages
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without madvise: an ordinary array.
        }
        finally
        {
            handle.Free();
        }
        return array;
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(nint address, nuint length, int advice);
}
