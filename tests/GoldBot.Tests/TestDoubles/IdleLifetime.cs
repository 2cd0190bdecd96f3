using Microsoft.Extensions.Hosting;

namespace GoldBot.Tests.TestDoubles;

/// <summary>An application lifetime that never starts or stops anything: for a service tested outside a host.</summary>
internal sealed class IdleLifetime : IHostApplicationLifetime
{
    public CancellationToken ApplicationStarted => CancellationToken.None;

    public CancellationToken ApplicationStopping => CancellationToken.None;

    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication()
    {
    }
}
