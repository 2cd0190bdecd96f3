using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Services;
using Microsoft.Extensions.Logging;

namespace GoldBot.Intermarket;

/// <summary>
/// Sim, paper and live: moves each closed bar of the proxy contract (<c>Strategy:DollarFilter:ProxySymbol</c>, cut from the market
/// hub's trade prints by its own <see cref="TradeStreamBarSource"/>) into the dollar filter (<see cref="DollarFilterGate.OnProxyBar"/>).
/// A proxy that goes quiet makes no bars: after <c>MaxProxyAgeMinutes</c> the filter reports <c>stale</c> in status.json and blocks
/// nothing. The first proxy bar, and the first after a silence longer than that, are logged.
/// </summary>
public sealed class DollarProxyFeedService(DollarProxyTrades proxy, DollarFilterGate gate, RunCoordinator coordinator,
    ILogger<DollarProxyFeedService> logger) : PipelineService(coordinator, logger)
{
    private readonly ILogger _logger = logger;

    /// <inheritdoc/>
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var period = proxy.Bars.Period;
        var staleAfter = TimeSpan.FromMinutes(gate.Options.MaxProxyAgeMinutes);
        DateTimeOffset? last = null;
        await foreach (var bar in proxy.Bars.ReadAsync(stoppingToken))
        {
            var close = bar.OpenTime + period;
            if (last is null)
                _logger.LogInformation("Dollar filter: first bar of proxy {Proxy}, closed at {Close:O}", proxy.Name, close);
            else if (close - last.Value > staleAfter)
                _logger.LogInformation("Dollar filter: proxy {Proxy} bars again after {Minutes:0} min without one (closed at {Close:O})", proxy.Name,
                    (close - last.Value).TotalMinutes, close);
            last = close;
            gate.OnProxyBar(bar, period);
        }
    }
}
