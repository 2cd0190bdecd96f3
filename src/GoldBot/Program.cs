using GoldBot.Cli;

var root = RunCommand.Create();
root.Subcommands.Add(SmcCommand.Create());
root.Subcommands.Add(GatewayCommands.History());
root.Subcommands.Add(GatewayCommands.Accounts());
root.Subcommands.Add(BacktestCommand.Create(barsCache: GoldBot.MarketData.BarFileCache.DefaultFolder));
root.Subcommands.Add(ChaosCommand.Create());
root.Subcommands.Add(RiskCommand.Create());
root.Subcommands.Add(LearningCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(DashboardCommand.Create());
root.Subcommands.Add(TradesCommand.Create());
root.Subcommands.Add(SignalsCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
return await CommandLineErrors.InvokeAsync(root, args);
