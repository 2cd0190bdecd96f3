using System.Globalization;
using CsvHelper;
using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Backtesting.Output;

/// <summary>Writes trades.csv with CsvHelper: a header and one <see cref="TradeCsvRow"/> per trade, in the given order, invariant culture.</summary>
public static class TradesCsvWriter
{
    /// <summary>Writes <paramref name="trades"/> to <paramref name="writer"/>.</summary>
    /// <param name="excursions">MAE/MFE by trade id, when measured; trades without an entry get empty columns.</param>
    public static void Write(IEnumerable<TradeRecord> trades, TextWriter writer, IReadOnlyDictionary<string, TradeExcursion>? excursions = null)
    {
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(writer);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.WriteRecords(trades.Select(t => ToRow(t, excursions)));
    }

    /// <summary>Writes trades.csv to <paramref name="path"/> (UTF-8, replacing any existing file).</summary>
    public static void Write(IEnumerable<TradeRecord> trades, string path, IReadOnlyDictionary<string, TradeExcursion>? excursions = null)
    {
        using var writer = new StreamWriter(path);
        Write(trades, writer, excursions);
    }

    /// <summary>The trades.csv line of <paramref name="trade"/>.</summary>
    public static TradeCsvRow ToRow(TradeRecord trade, IReadOnlyDictionary<string, TradeExcursion>? excursions = null)
    {
        ArgumentNullException.ThrowIfNull(trade);
        TradeExcursion? excursion = excursions is not null && excursions.TryGetValue(trade.Id, out var e) ? e : null;
        var exitQuantity = trade.Exits.Sum(x => x.Quantity);
        return new TradeCsvRow
        {
            Id = trade.Id,
            TradingDay = CmeSession.TradingDayOf(trade.EntryTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EntryTimeUtc = Utc(trade.EntryTime),
            EntryTimeExchange = Exchange(trade.EntryTime),
            ExitTimeUtc = trade.ExitTime is { } x1 ? Utc(x1) : null,
            ExitTimeExchange = trade.ExitTime is { } x2 ? Exchange(x2) : null,
            Side = trade.Side,
            Pattern = trade.Pattern,
            Score = trade.PatternScore,
            Size = trade.Size,
            Entry = trade.Entry,
            ExpectedEntry = trade.ExpectedEntry,
            Stop = trade.Stop,
            Target = trade.Target,
            Exits = string.Join("; ", trade.Exits.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Price} x{x.Quantity} {x.Reason}"))),
            AverageExit = exitQuantity > 0 ? decimal.Round(trade.Exits.Sum(x => x.Price * x.Quantity) / exitQuantity, 4, MidpointRounding.AwayFromZero) : null,
            GrossPnL = trade.GrossPnL,
            Commission = trade.Commission,
            NetPnL = trade.PnL,
            RiskUsd = trade.RiskAmount,
            RMultiple = trade.RMultiple,
            ExitReason = trade.ExitReason,
            HoldMinutes = trade.HoldMinutes is { } h ? decimal.Round((decimal)h, 2, MidpointRounding.AwayFromZero) : null,
            MaeUsd = excursion?.AdverseUsd,
            MfeUsd = excursion?.FavorableUsd,
            BalanceAfter = trade.BalanceAfter,
        };
    }

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Exchange(DateTimeOffset time) => CmeSession.ToExchangeTime(time).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
