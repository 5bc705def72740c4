using Worker.Cli;

return await CliApplication.Create().Parse(args).InvokeAsync();
