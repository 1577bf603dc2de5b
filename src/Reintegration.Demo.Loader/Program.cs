using Reintegration.Demo.Loader;
using Spectre.Console;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(LoaderOptions.Usage);
    return 0;
}

var (options, error) = LoaderOptions.Parse(args, Environment.GetEnvironmentVariable(LoaderOptions.AdminKeyVariable));
if (options is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine();
    Console.Error.WriteLine(LoaderOptions.Usage);
    return 2;
}

// Ctrl+C cancels the load, so that the progress display puts the terminal back as it found it.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var console = AnsiConsole.Console;
if (!console.Profile.Capabilities.Interactive)
{
    // A pipe or a CI log has no width: Spectre would wrap at 80 columns.
    console.Profile.Width = 240;
}

var baseUrl = options.Url.ToString().TrimEnd('/');
using var api = new LoaderApi(
    options.Url, new RetryPolicy(), TimeProvider.System, message => console.MarkupLine($"[yellow]{Markup.Escape(message)}[/]"));
console.MarkupLine(Markup.Escape(
    $"Loading demo data into {baseUrl}: seed {options.Seed}, {Summary.Count(options.Centres, "centre")}, {Summary.Count(options.Profiles, "profile")}, {Summary.Count(options.Openings, "opening")}."));
try
{
    var outcome = await new DemoLoader(api, options, console, TimeProvider.System).RunAsync(cancellation.Token);
    var keys = KeysReport.Render(new DemoKeys(baseUrl, options.AdminKey, outcome.Centres, outcome.Showcase?.ProfileId ?? outcome.FirstProfileId));
    var keysFile = Path.GetFullPath(options.KeysFile);
    Directory.CreateDirectory(Path.GetDirectoryName(keysFile)!);
    await File.WriteAllTextAsync(keysFile, keys, CancellationToken.None);
    if (!OperatingSystem.IsWindows())
    {
        // The file holds keys: readable by its owner only.
        File.SetUnixFileMode(keysFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    // Plain writes, not Spectre's: a long curl line must never be wrapped, in a terminal or a CI log.
    Console.Out.Write(Summary.Render(outcome, keys, keysFile));
    return 0;
}
catch (ApiFailure e)
{
    console.MarkupLine($"[red]Loading failed:[/] {Markup.Escape(e.Message)}");
    return 1;
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    console.MarkupLine("[yellow]Cancelled.[/]");
    return 130;
}
