using System.Globalization;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>
/// A cache of validated bars files: <see cref="Read"/> gives exactly what <see cref="BarCsvReader.Read(string, BadBarPolicy, bool, decimal?, BarFileOptions?)"/>
/// gives (the same bars with the same decimal scales and UTC offsets, the same bad rows with their lines and reasons, period,
/// counts), but a file read before with the same options is loaded from a binary copy in <see cref="Folder"/> instead of
/// parsed and validated again (about 1.5 µs per row for a CSV, 1.2 µs for a gzipped one; the copy loads in a fraction of that).
/// <para>One cache file per bars file and reader options, named by a hash of the two. It holds a key, the bars file as read, and
/// an XxHash128 of that content. The key is: this format's version; the module version ids of the reader's assemblies
/// (GoldBot.Data and GoldBot.Core, which hold the parsing and <see cref="BarValidator"/>: any rebuilt reader or rule invalidates
/// every copy); the reader options (bad-row policy, time column required, tick grid, the stamps' clock with its time-zone
/// rules, volume rounding, zero-volume dropping); and the bars file's length and XxHash128 of its whole content (the
/// compressed bytes of a <c>.csv.gz</c>). The source is hashed on every read (about 10 ms for 54 MB), so a file that was
/// changed, touched or replaced by another of the same length is never served from a stale copy. A copy whose key differs, whose
/// content does not match its hash, or which is cut short or unreadable is ignored and written again from the CSV.</para>
/// <para>A file that the CSV reader refuses (missing, unreadable, a bad row under <see cref="BadBarPolicy.Reject"/>, …) is not
/// cached: its error comes from the CSV reader every time. Copies are written to a temporary name and renamed into place, so a
/// concurrent reader sees a whole old copy or a whole new one. A cache folder that cannot be written costs only the copy: the
/// bars are still returned, and the outcome says why nothing was written. A source that changes while it is read is not cached.</para>
/// </summary>
public sealed class BarFileCache
{
    /// <summary>Version of the cache file layout; a copy of another version is ignored.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "GBBARS\r\n"u8.ToArray();

    private const int ChunkBytes = 1 << 18; // read and hashed while it is in the core's cache

    /// <summary>A cache in <paramref name="folder"/> (created when the first copy is written).</summary>
    public BarFileCache(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>Folder of the cache files.</summary>
    public string Folder { get; }

    /// <summary>
    /// The default folder: <c>$XDG_CACHE_HOME/goldbot/bars</c>, else <c>~/.cache/goldbot/bars</c> (per user, outside the
    /// repository and outside the data folder, which may be shared or read-only).
    /// </summary>
    public static string DefaultFolder
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(root))
                root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "goldbot", "bars");
        }
    }

    /// <summary>Reads a bars file as <see cref="BarCsvReader.Read(string, BadBarPolicy, bool, decimal?, BarFileOptions?)"/> does, through the cache.</summary>
    /// <returns>The bars file, and what was done with the cache in one line: <c>loaded from F</c>, <c>written to F</c>,
    /// <c>not written to F: why</c>, or null when the source could not be hashed (the CSV reader then gave the result or the error).</returns>
    /// <exception cref="BarFileException">As <see cref="BarCsvReader.Read(string, BadBarPolicy, bool, decimal?, BarFileOptions?)"/>.</exception>
    public (BarFile File, string? Outcome) Read(string path, BadBarPolicy policy = BadBarPolicy.Skip, bool requireTime = true, decimal? tickSize = null,
        BarFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= BarFileOptions.Default;
        var full = Path.GetFullPath(path);
        var optionsKey = OptionsKey(policy, requireTime, tickSize, options);
        var copy = Path.Combine(Folder, Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(full + "\n" + optionsKey))) + ".bars");
        // The source is hashed on another core while the copy is decoded; the copy is used only if its key is the source's.
        string? key = null, copyKey = null;
        BarFile? cached = null;
        Parallel.Invoke(() => key = TryKey(full, optionsKey), () => (copyKey, cached) = TryLoad(copy, full));
        if (key is null)
            return (BarCsvReader.Read(full, policy, requireTime, tickSize, options), null); // missing or unreadable: the reader's error
        if (cached is not null && copyKey == key)
            return (cached, $"loaded from {copy}");
        var file = BarCsvReader.Read(full, policy, requireTime, tickSize, options);
        if (TryKey(full, optionsKey) != key)
            return (file, $"not written to {copy}: {full} changed while it was read");
        try
        {
            Save(copy, key, file);
            return (file, $"written to {copy}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (file, $"not written to {copy}: {e.Message}");
        }
    }

    /// <summary>Everything besides the source's content that decides what the reader gives.</summary>
    private static string OptionsKey(BadBarPolicy policy, bool requireTime, decimal? tickSize, BarFileOptions options)
    {
        var zone = options.SourceTimeZone;
        return string.Create(CultureInfo.InvariantCulture,
            $"policy={policy};time={requireTime};tick={tickSize?.ToString(CultureInfo.InvariantCulture) ?? "none"};"
            + $"clock={(zone is null ? "default" : $"{zone.Name}|{zone.Shift.Ticks}|{zone.Zone.ToSerializedString()}")};"
            + $"round={options.RoundFractionalVolume};dropzero={options.DropZeroVolume}");
    }

    /// <summary>The key a copy must carry (format, reader build, options, the source's length and content hash), or null when the source cannot be read.</summary>
    private static string? TryKey(string full, string optionsKey)
    {
        var hash = new XxHash128();
        long length = 0;
        try
        {
            using var source = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var buffer = new byte[ChunkBytes];
            int n;
            while ((n = source.Read(buffer)) > 0)
            {
                hash.Append(buffer.AsSpan(0, n));
                length += n;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"format={FormatVersion};reader={typeof(BarCsvReader).Module.ModuleVersionId:N},{typeof(BarValidator).Module.ModuleVersionId:N};"
            + $"runtime={RuntimeInformation.FrameworkDescription}|{RuntimeInformation.ProcessArchitecture}|{Unsafe.SizeOf<Bar>()};{optionsKey};"
            + $"length={length};xxh128={Convert.ToHexStringLower(hash.GetCurrentHash())}");
    }

    /// <summary>The key and bars file held by <paramref name="copy"/>; null for both when there is none or it is damaged or unreadable.</summary>
    private static (string? Key, BarFile? File) TryLoad(string copy, string full)
    {
        try
        {
            if (!File.Exists(copy))
                return (null, null);
            using var stream = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Decode(stream, full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException or OverflowException)
        {
            return (null, null); // cut short (EndOfStreamException) or unreadable
        }
    }

    /// <summary>
    /// Layout: magic; key (length-prefixed UTF-8); head length (int32); head (has-time flag, period ticks, zero-volume rows dropped,
    /// bad rows with line and reason, bar count); the bars as they lie in memory (the key names the runtime, the bar's size and
    /// the build of GoldBot.Core that defines it, so the layout is the writer's); XxHash128 of head and bars.
    /// </summary>
    private static (string? Key, BarFile? File) Decode(Stream stream, string full)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            return (null, null);
        var key = reader.ReadString();
        var headLength = reader.ReadInt32();
        if (headLength < 0 || headLength > stream.Length - stream.Position)
            return (null, null);
        var head = reader.ReadBytes(headLength);
        var hash = new XxHash128();
        hash.Append(head);

        using var headReader = new BinaryReader(new MemoryStream(head, writable: false), Encoding.UTF8);
        var hasTime = headReader.ReadBoolean();
        var period = TimeSpan.FromTicks(headReader.ReadInt64());
        var zeroVolumeDropped = headReader.ReadInt32();
        var problemCount = headReader.ReadInt32();
        var problems = new List<BarProblem>(Math.Clamp(problemCount, 0, 1 << 16));
        for (var i = 0; i < problemCount; i++)
            problems.Add(new BarProblem(headReader.ReadInt64(), headReader.ReadString()));
        var barCount = headReader.ReadInt32();
        if (barCount <= 0 || (long)barCount * Unsafe.SizeOf<Bar>() + 16 != stream.Length - stream.Position)
            return (null, null);

        var bars = LargeArray.Uninitialized<Bar>(barCount);
        // Hashed in one call once read: in a command's first second the hash's inner loop gets optimized code during one long call
        // sooner than across hundreds of short ones (88 MB in 25 ms against 40-80 ms in 256 KB pieces, docs/performance.md).
        var bytes = MemoryMarshal.AsBytes(bars.AsSpan());
        stream.ReadExactly(bytes);
        hash.Append(bytes);
        Span<byte> stored = stackalloc byte[16];
        stream.ReadExactly(stored);
        return hash.GetCurrentHash().AsSpan().SequenceEqual(stored) ? (key, new BarFile(full, bars, problems, hasTime, period, zeroVolumeDropped)) : (null, null);
    }

    private void Save(string copy, string key, BarFile file)
    {
        Directory.CreateDirectory(Folder);
        var temporary = $"{copy}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                var hash = new XxHash128();
                using var head = new MemoryStream();
                using (var headWriter = new BinaryWriter(head, Encoding.UTF8, leaveOpen: true))
                {
                    headWriter.Write(file.HasTime);
                    headWriter.Write(file.Period.Ticks);
                    headWriter.Write(file.ZeroVolumeDropped);
                    headWriter.Write(file.Problems.Count);
                    foreach (var problem in file.Problems)
                    {
                        headWriter.Write(problem.Line);
                        headWriter.Write(problem.Reason);
                    }
                    headWriter.Write(file.Bars.Count);
                }
                var headBytes = head.GetBuffer().AsSpan(0, (int)head.Length);
                writer.Write(Magic);
                writer.Write(key);
                writer.Write(headBytes.Length);
                writer.Write(headBytes);
                hash.Append(headBytes);

                var bars = file.Bars switch
                {
                    Bar[] array => array.AsSpan(),
                    List<Bar> list => CollectionsMarshal.AsSpan(list),
                    var other => other.ToArray().AsSpan(),
                };
                var bytes = MemoryMarshal.AsBytes(bars);
                for (var start = 0; start < bytes.Length; start += ChunkBytes)
                {
                    var chunk = bytes.Slice(start, Math.Min(ChunkBytes, bytes.Length - start));
                    hash.Append(chunk);
                    writer.Write(chunk);
                }
                writer.Write(hash.GetCurrentHash());
            }
            File.Move(temporary, copy, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left to delete once moved
        }
    }

}
