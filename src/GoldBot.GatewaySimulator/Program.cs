using System.CommandLine;
using GoldBot.Cli;
using GoldBot.GatewaySimulator.Hosting;

var bars = new Option<string?>("--bars") { Description = "Bars CSV replayed as the market (default: GatewaySimulator:BarsFile, the MGC 3-minute file)." };
var port = new Option<int?>("--port") { Description = "Port on 127.0.0.1 (default 5200)." };
var speed = new Option<double?>("--speed") { Description = "Replay speed: market time flows continuously at N times wall time (a bar every period/N); 0 = step mode via POST /admin/advance (default 0)." };
var shape = new Option<PayloadShape?>("--shape") { Description = "Hub payload shapes: Observed (as the live gateway) or Documented (default Observed)." };
var proxy = new Option<string?>("--proxy") { Description = "Also list and trade a dollar proxy contract priced from the gold trades (e.g. CON.F.US.EU6.H26, Euro FX) for GoldBot's dollar filter (default: none)." };
var config = new Option<string?>("--config") { Description = "JSON configuration file with a GatewaySimulator section (faults: GatewaySimulator:Faults, the JSON of POST /admin/faults; see README.md)." };
CommandLineErrors.AddRule(port, p => p is { } n and (< 1 or > 65535) ? $"--port {n} is not a TCP port: 1 to 65535" : null);
CommandLineErrors.AddRule(speed, s => s is { } x && !(double.IsFinite(x) && x >= 0)
    ? $"--speed {x.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be 0 (step mode) or a positive number" : null);
CommandLineErrors.AddRule(proxy, id =>
{
    try
    {
        GoldBot.GatewaySimulator.Engine.SimContract.FromId(id!);
        return null;
    }
    catch (ArgumentException e)
    {
        return $"--proxy {CommandLineErrors.Message(e)}";
    }
});
var root = new RootCommand("goldbot-sim: a local ProjectX Gateway (TopstepX) simulator on 127.0.0.1 replaying a bars file.") { bars, port, speed, shape, proxy, config };
root.SetAction(async (parse, cancellationToken) =>
{
    var options = new GatewaySimulatorOptions();
    if (parse.GetValue(config) is { } file)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"error: --config {Path.GetFullPath(file)}: configuration file not found").ConfigureAwait(false);
            return 2;
        }
        try
        {
            new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file)).Build().GetSection(GatewaySimulatorOptions.Section).Bind(options);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            // InvalidDataException: not JSON (its inner exception names the line); InvalidOperationException: a value of the wrong type.
            await Console.Error.WriteLineAsync($"error: --config {Path.GetFullPath(file)}: {CommandLineErrors.Message(e.InnerException ?? e)}").ConfigureAwait(false);
            return 2;
        }
    }
    if (parse.GetValue(bars) is { } b) options.BarsFile = b;
    if (parse.GetValue(port) is { } p) options.Port = p;
    if (parse.GetValue(speed) is { } s) options.Speed = s;
    if (parse.GetValue(shape) is { } sh) options.PayloadShape = sh;
    if (parse.GetValue(proxy) is { } px) options.ProxyContractId = px;
    if (options.Port > 0 && !PortIsFree(options.Port))
    {
        await Console.Error.WriteLineAsync(PortInUse(options.Port)).ConfigureAwait(false);
        return 2;
    }
    try
    {
        await using var app = GatewaySimulatorApp.Build(options, SimulatorConsole.Configure);
        await Console.Out.WriteLineAsync($"goldbot-sim: http://127.0.0.1:{options.Port}/ (REST /api, hubs /hubs/market and /hubs/user, admin /admin), shape {options.PayloadShape}, "
            + (options.Speed > 0 ? $"market time at {options.Speed}x wall time" : "step mode (POST /admin/advance?bars=N)")).ConfigureAwait(false);
        await app.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
    catch (GatewaySimulatorConfigException e)
    {
        await Console.Error.WriteLineAsync("error: gateway simulator configuration: " + string.Join("; ", e.Problems)).ConfigureAwait(false);
        return 2;
    }
    catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
    {
        // Taken between the check above and the bind.
        await Console.Error.WriteLineAsync(PortInUse(options.Port)).ConfigureAwait(false);
        return 2;
    }
});
return await CommandLineErrors.InvokeAsync(root, args).ConfigureAwait(false);

static string PortInUse(int port) => $"error: --port {port}: 127.0.0.1:{port} is already in use (another goldbot-sim?); pass another --port";

// Checked before the host starts, whose own failure would be logged with its stack trace.
static bool PortIsFree(int port)
{
    try
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
        probe.Start();
        return true;
    }
    catch (System.Net.Sockets.SocketException)
    {
        return false;
    }
}
