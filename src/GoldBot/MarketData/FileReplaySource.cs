using System.Runtime.CompilerServices;
using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>Replays the bars of a CSV file already read and validated by <see cref="BarCsvReader"/>.</summary>
public sealed class FileReplaySource(BarFile file) : IMarketDataSource
{
    /// <inheritdoc/>
    public TimeSpan Period => file.Period;

    /// <inheritdoc/>
    public bool IsReplay => true;

    /// <inheritdoc/>
    public string Description => $"{file.Path} ({file.Bars.Count} bars of {file.Period.TotalMinutes:0.##} min, {file.Bars[0].OpenTime:yyyy-MM-dd} → {file.Bars[^1].OpenTime:yyyy-MM-dd})";

    /// <inheritdoc/>
    public async IAsyncEnumerable<Bar> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var bar in file.Bars)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return bar;
        }
        await Task.CompletedTask;
    }
}
