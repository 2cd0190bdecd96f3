using GoldBot.Market;

namespace GoldBot.Execution;

/// <summary>
/// A venue that fills orders from the bar stream itself (the simulated broker in paper and replay runs).
/// For each closed bar the feed calls <see cref="OnBarOpenAsync"/>, lets the pipeline react to those fills,
/// then calls <see cref="OnBarAsync"/>, lets the pipeline react again, then calls <see cref="OnBarCloseAsync"/>.
/// </summary>
public interface IBarDrivenVenue
{
    /// <summary>Fills the orders that execute at the bar's open (market orders).</summary>
    ValueTask OnBarOpenAsync(Bar bar, CancellationToken cancellationToken);

    /// <summary>Fills working orders against the rest of one closed bar.</summary>
    ValueTask OnBarAsync(Bar bar, CancellationToken cancellationToken);

    /// <summary>
    /// After the pipeline reacted to <see cref="OnBarAsync"/>'s fills: fills what orders placed in reaction to a fill inside
    /// the bar (a limit entry's stop) would have filled in the rest of it.
    /// </summary>
    ValueTask OnBarCloseAsync(Bar bar, CancellationToken cancellationToken);

    /// <summary>The bar stream has ended.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
