using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>A range of history to download into a bars file.</summary>
/// <param name="Period">Bar length.</param>
/// <param name="From">Open time of the first bar wanted, UTC.</param>
/// <param name="To">End of the range (exclusive), UTC.</param>
/// <param name="OutputFile">CSV written in <see cref="BarCsvWriter"/>'s layout; an existing file is continued after its last bar.</param>
/// <param name="MaxBarsPerRequest">Bars per request (ProjectX: at most 20,000, <c>research/topstepx-api.md</c> §6).</param>
public sealed record HistoryRequest(TimeSpan Period, DateTimeOffset From, DateTimeOffset To, string OutputFile, int MaxBarsPerRequest = 20_000);

/// <summary>
/// Downloads bars in chunks into a CSV the replay reads, resumable: when the output file already
/// holds bars, the download continues after the last one; each chunk is flushed before the next
/// request, so an interrupted download loses at most one chunk. Requests go one at a time through
/// <c>fetch</c>, whose client enforces the gateway's rate limits.
/// </summary>
public static class HistoryDownload
{
    /// <summary>Fetches one chunk: closed bars with open time in [from, to), any order.</summary>
    public delegate Task<IReadOnlyList<Bar>> FetchChunk(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Runs the download; returns the number of bars written by this call.</summary>
    /// <param name="progress">Receives the fraction of the range done, 0–1, after each chunk.</param>
    /// <exception cref="ArgumentException">The range is empty or the period not positive.</exception>
    /// <exception cref="BarFileException">The existing output file cannot be read back.</exception>
    public static async Task<long> RunAsync(HistoryRequest request, FetchChunk fetch, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fetch);
        if (request.Period <= TimeSpan.Zero || request.To <= request.From || request.MaxBarsPerRequest < 1)
            throw new ArgumentException("history range must be non-empty, with a positive period and chunk size", nameof(request));

        var cursor = request.From;
        if (File.Exists(request.OutputFile) && new FileInfo(request.OutputFile).Length > 0)
        {
            var existing = BarCsvReader.Read(request.OutputFile);
            if (existing.Bars.Count > 0)
                cursor = Max(cursor, existing.Bars[^1].OpenTime + request.Period);
        }

        var chunk = request.Period * request.MaxBarsPerRequest;
        var written = 0L;
        using var writer = new BarCsvWriter(request.OutputFile);
        while (cursor < request.To)
        {
            var end = cursor + chunk < request.To ? cursor + chunk : request.To;
            var bars = await fetch(cursor, end, cancellationToken);
            foreach (var bar in bars.Where(b => b.OpenTime >= cursor && b.OpenTime < end).OrderBy(b => b.OpenTime))
            {
                writer.Write(bar);
                written++;
            }
            writer.Flush();
            cursor = end;
            progress?.Report((cursor - request.From) / (request.To - request.From));
        }
        return written;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
