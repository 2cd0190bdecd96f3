using GoldBot.Cli;

var root = RunCommand.Create();
root.Subcommands.Add(SmcCommand.Create());
return await root.Parse(args).InvokeAsync();
