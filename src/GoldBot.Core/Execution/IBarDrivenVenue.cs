using GoldBot.Market;

namespace GoldBot.Execution;

/// <summary>A venue that fills orders from the bar stream itself (the simulated broker in paper and replay runs).</summary>
public interface IBarDrivenVenue
{
    /// <summary>Fills working orders against one closed bar.</summary>
    ValueTask OnBarAsync(Bar bar, CancellationToken cancellationToken);

    /// <summary>The bar stream has ended.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
