using LapGate.Cli.Commands;

return await UsageErrors.InvokeAsync(CommandCatalog.Root(), args);
