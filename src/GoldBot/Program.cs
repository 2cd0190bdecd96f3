using GoldBot.Cli;

var root = RunCommand.Create();
return await root.Parse(args).InvokeAsync();
