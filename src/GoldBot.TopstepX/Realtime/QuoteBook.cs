using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime;

/// <summary>
/// Last known quote per contract. Live <c>GatewayQuote</c> messages are partial (fixtures README item 4):
/// each update overwrites only the fields it carries. Thread-safe.
/// </summary>
public sealed class QuoteBook
{
    private readonly Dictionary<string, GatewayQuote> _quotes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Merges <paramref name="update"/> into the contract's quote and returns the merged quote.</summary>
    public GatewayQuote Merge(string contractId, GatewayQuote update)
    {
        ArgumentNullException.ThrowIfNull(contractId);
        ArgumentNullException.ThrowIfNull(update);
        lock (_lock)
        {
            var merged = _quotes.TryGetValue(contractId, out var last)
                ? new GatewayQuote
                {
                    Symbol = update.Symbol ?? last.Symbol,
                    SymbolName = update.SymbolName ?? last.SymbolName,
                    Contract = update.Contract ?? last.Contract,
                    LastPrice = update.LastPrice ?? last.LastPrice,
                    BestBid = update.BestBid ?? last.BestBid,
                    BestAsk = update.BestAsk ?? last.BestAsk,
                    Change = update.Change ?? last.Change,
                    ChangePercent = update.ChangePercent ?? last.ChangePercent,
                    Open = update.Open ?? last.Open,
                    High = update.High ?? last.High,
                    Low = update.Low ?? last.Low,
                    Volume = update.Volume ?? last.Volume,
                    LastUpdated = update.LastUpdated ?? last.LastUpdated,
                    Timestamp = update.Timestamp ?? last.Timestamp,
                }
                : update;
            _quotes[contractId] = merged;
            return merged;
        }
    }

    /// <summary>The contract's last known quote, or null before its first quote.</summary>
    public GatewayQuote? Get(string contractId)
    {
        lock (_lock)
            return _quotes.GetValueOrDefault(contractId);
    }
}
