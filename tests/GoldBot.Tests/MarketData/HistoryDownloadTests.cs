using GoldBot.Market;
using GoldBot.MarketData;

namespace GoldBot.Tests.MarketData;

/// <summary>Chunked, resumable history download into a bars file the replay reads back.</summary>
public sealed class HistoryDownloadTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(3);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-history-").FullName;
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _requests = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A gateway holding one bar every 3 minutes, returned newest first like ProjectX.</summary>
    private Task<IReadOnlyList<Bar>> Gateway(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        _requests.Add((from, to));
        var bars = new List<Bar>();
        for (var t = from; t < to; t += Period)
        {
            var price = 2000m + (decimal)(t - Start).TotalMinutes / 30;
            bars.Add(new Bar(t, price, price + 1, price - 1, price, 10));
        }
        bars.Reverse();
        return Task.FromResult<IReadOnlyList<Bar>>(bars);
    }

    [Fact]
    public async Task Downloads_in_chunks_and_the_file_reads_back_in_order()
    {
        var file = Path.Combine(_folder, "mgc.csv");
        var progress = new List<double>();
        var written = await HistoryDownload.RunAsync(new HistoryRequest(Period, Start, Start.AddHours(5), file, MaxBarsPerRequest: 40),
            Gateway, new SynchronousProgress(progress), CancellationToken.None);

        Assert.Equal(100, written);
        Assert.Equal([(Start, Start.AddHours(2)), (Start.AddHours(2), Start.AddHours(4)), (Start.AddHours(4), Start.AddHours(5))], _requests);
        Assert.Equal([0.4, 0.8, 1.0], progress);
        var back = BarCsvReader.Read(file);
        Assert.Equal(100, back.Bars.Count);
        Assert.Equal(Period, back.Period);
        Assert.Equal(new Bar(Start.AddMinutes(3), 2000.1m, 2001.1m, 1999.1m, 2000.1m, 10), back.Bars[1]);
    }

    [Fact]
    public async Task A_second_run_resumes_after_the_last_bar_without_duplicates()
    {
        var file = Path.Combine(_folder, "mgc.csv");
        await HistoryDownload.RunAsync(new HistoryRequest(Period, Start, Start.AddHours(1), file), Gateway, null, CancellationToken.None);
        _requests.Clear();

        var written = await HistoryDownload.RunAsync(new HistoryRequest(Period, Start, Start.AddHours(2), file), Gateway, null, CancellationToken.None);

        Assert.Equal(20, written);
        Assert.Equal([(Start.AddHours(1), Start.AddHours(2))], _requests);
        Assert.Equal(40, BarCsvReader.Read(file).Bars.Count);
    }

    private sealed class SynchronousProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value) => values.Add(value);
    }
}
