using GoldBot.Configuration;
using GoldBot.MarketData;

namespace GoldBot.Intermarket;

/// <summary>
/// Reads a dollar proxy's bars file the one way both the backtest (<c>--intermarket FILE</c>) and the replay
/// (<c>Strategy:DollarFilter:ProxyBarsFile</c>) do: the bars reader with <c>Replay:BadBarPolicy</c>, fractional volumes rounded
/// and zero-volume filler rows dropped (Dukascopy's DXY), refused when more than <c>Replay:MaxSkippedRowsPercent</c> of its rows
/// are bad or when no bar is left.
/// </summary>
public static class DollarProxyFile
{
    /// <summary>Reads <paramref name="path"/>; offset-less stamps are read in <paramref name="zone"/> (null: from the file name, else UTC).</summary>
    /// <exception cref="BarFileException">The file is missing, unreadable, has too many bad rows or no bars (one line, naming the file).</exception>
    public static BarFile Read(string path, GoldBotSettings settings, BarTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var proxy = BarCsvReader.Read(path, settings.Replay.BadBarPolicy,
            options: new BarFileOptions { SourceTimeZone = zone, RoundFractionalVolume = true, DropZeroVolume = true });
        if (proxy.TooManyBadRows(settings.Replay.MaxSkippedRowsPercent) is { } refused)
            throw new BarFileException(refused);
        if (proxy.Bars.Count == 0)
            throw new BarFileException($"{proxy.Path} has no bars");
        return proxy;
    }
}
