namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// What <c>goldbot-sim</c> prints: one line per event (wall time, level, message), the simulator's own events (the replay's start,
/// its progress every <see cref="ReplayPump.ProgressInterval"/>, its end, faults) and ASP.NET Core's warnings and errors only. Its
/// request lines are left out: they are noise at 120×, and a hub's URL carries the client's access token.
/// </summary>
public static class SimulatorConsole
{
    /// <summary>Configures <paramref name="logging"/> as described on the class.</summary>
    public static void Configure(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
    }
}
