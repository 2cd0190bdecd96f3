using GoldBot.Strategy;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.Intermarket;

/// <summary>Registers the dollar filter in the daemon's host when <c>Strategy:DollarFilter:Mode</c> is not <c>Off</c>.</summary>
public static class DollarFilterRegistration
{
    /// <summary>
    /// Registers <see cref="DollarFilterGate"/> around the <see cref="OrderBlockStrategy"/> as the detector's <see cref="ISignalSource"/>,
    /// fed by the <see cref="DollarProxy"/> the mode registered (none: the filter reports no proxy data and blocks nothing).
    /// </summary>
    /// <param name="period">Length of the gold bars the detector is fed.</param>
    public static void Add(IServiceCollection services, DollarFilterOptions options, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp =>
        {
            var proxy = sp.GetService<DollarProxy>();
            return new DollarFilterGate(sp.GetRequiredService<OrderBlockStrategy>(), options, period, proxy?.Name, proxy?.Bars,
                proxy?.Bars is null ? default : proxy.Period);
        });
        services.AddSingleton<ISignalSource>(sp => sp.GetRequiredService<DollarFilterGate>());
    }
}
