namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>The simulator cannot start: its configuration has problems (all listed in the message) or the bars file is unusable.</summary>
public sealed class GatewaySimulatorConfigException : Exception
{
    /// <summary>Creates the exception with one line per problem.</summary>
    public GatewaySimulatorConfigException(IReadOnlyList<string> problems, Exception? inner = null)
        : base("gateway simulator configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, (problems ?? []).Select(p => "  - " + p)), inner)
        => Problems = problems ?? [];

    /// <summary>The problems, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
