using System.Diagnostics;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// A project published ReadyToRun for linux-x64 into a cache under <c>artifacts/benchmarks/readytorun/</c>, published
/// again only when its sources changed (a SHA-256 over every file it is built from). The build runs in the cache's own
/// artifacts folder, so the checkout's <c>bin/</c> and <c>obj/</c>, where the benchmark itself runs from, are left alone.
/// </summary>
internal sealed record ReadyToRunPublish(
    string Project, string AssemblyName, IReadOnlyList<string> Sources, IReadOnlyList<string> Arguments)
{
    /// <summary>What every project here is built from, besides its own folders.</summary>
    private static readonly string[] Shared =
    [
        "src", "seeds", "Directory.Build.props", "Directory.Packages.props", "global.json", "BannedSymbols.txt", ".editorconfig",
    ];

    /// <summary>
    /// The app as <c>azd deploy</c> publishes it: <c>dotnet publish functions -c Release</c>, nothing more; its project
    /// makes a publish linux-x64 and ReadyToRun.
    /// </summary>
    public static readonly ReadyToRunPublish Functions = new(
        "functions", "Reintegration.Functions", [.. Shared, "functions", "host.json"], []);

    /// <summary>This harness, with everything it references (the engine among them) compiled ReadyToRun.</summary>
    public static readonly ReadyToRunPublish Benchmarks = new(
        "tests/Reintegration.Benchmarks",
        "Reintegration.Benchmarks",
        [
            .. Shared, "functions", "host.json", "tests/Reintegration.Benchmarks", "tests/Shared",
            "tests/Reintegration.IntegrationTests/Infrastructure",
        ],
        ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"]);

    private string Cache => Path.Combine(RepositoryRoot.Path, "artifacts", "benchmarks", "readytorun", AssemblyName);

    /// <summary>The published assembly, published first if the cache is missing or older than the sources.</summary>
    public string Ensure(Progress progress)
    {
        var output = Path.Combine(Cache, "publish");
        var assembly = Path.Combine(output, AssemblyName + ".dll");
        var stamp = Path.Combine(Cache, "sources.sha256");
        var sources = SourcesHash();
        if (File.Exists(assembly) && File.Exists(stamp) && File.ReadAllText(stamp) == sources)
        {
            return Checked(assembly);
        }

        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        progress.Log($"publishing {Project} ReadyToRun into {output} (its sources changed or it was not there; minutes)");
        var started = Stopwatch.GetTimestamp();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", Project, "-c", "Release", "-o", output, "--artifacts-path",
                     Path.Combine(Cache, "build"), "--nologo", "-v", "q", .. Arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {Project} failed:\n{stdout.Result}\n{stderr.Result}");
        }

        File.WriteAllText(stamp, sources);
        progress.Log($"published {Project} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s");
        return Checked(assembly);
    }

    /// <summary>Whether the assembly holds precompiled code (a ReadyToRun header), not only IL.</summary>
    public static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0;
    }

    private static string Checked(string assembly) =>
        IsReadyToRun(assembly) ? assembly : throw new InvalidOperationException($"{assembly} was published without ReadyToRun code.");

    /// <summary>SHA-256 over the path and content of every file of the sources, bin/ and obj/ left out.</summary>
    private string SourcesHash()
    {
        var files = Sources
            .Select(s => Path.Combine(RepositoryRoot.Path, s))
            .SelectMany(s => Directory.Exists(s)
                ? Directory.EnumerateFiles(s, "*", SearchOption.AllDirectories)
                : File.Exists(s) ? [s] : Enumerable.Empty<string>())
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', Arguments)));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file));
            hash.AppendData(File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, file)));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
