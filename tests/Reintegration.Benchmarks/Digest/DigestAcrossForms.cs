using System.Diagnostics;
using System.Text.Json;
using Reintegration.Benchmarks.Harness;

namespace Reintegration.Benchmarks.Digest;

/// <summary>
/// <c>digest --app jit|r2r|both</c>: the digest benchmark in a new process for each run, so that every run is a first
/// run (nothing compiled before it): this harness's Release build, JIT-compiled as it runs, or its ReadyToRun publish
/// (the engine precompiled, as the deployed app's is), one run of each in turn. Each run's own output passes through
/// to standard error; the last line sums up each form's figures (the fastest run, the slowest), their ratio, and
/// whether every run wrote the same digests.
/// </summary>
internal static class DigestAcrossForms
{
    public static int Run(DigestSettings settings, IReadOnlyList<AppForm> forms, IEnumerable<string> options)
    {
        var progress = new Progress();
        var assemblies = forms.ToDictionary(f => f, f => f == AppForm.Jit
            ? Path.Combine(AppContext.BaseDirectory, "Reintegration.Benchmarks.dll")
            : ReadyToRunPublish.Benchmarks.Ensure(progress));
        var arguments = (string[])["digest", .. options, "--app=here"];
        var runs = forms.ToDictionary(f => f, _ => new List<JsonElement>());
        for (var i = 0; i < settings.Runs; i++)
        {
            foreach (var form in forms)
            {
                progress.Log($"run {i + 1} of {settings.Runs}, {form.Name()}: dotnet {assemblies[form]} {string.Join(' ', arguments)}");
                var result = RunOnce(assemblies[form], arguments);
                progress.Log($"  {result.GetRawText()}");
                runs[form].Add(result);
            }
        }

        var all = runs.Values.SelectMany(r => r).ToList();
        var line = new ResultLine()
            .Add("profiles", settings.Profiles)
            .Add("openings", settings.Openings)
            .Add("runs", settings.Runs);
        foreach (var form in forms)
        {
            line.Add(form.Name(), Figures(runs[form]));
        }

        if (forms.Count == 2)
        {
            double Fastest(AppForm form, string field) => runs[form].Min(r => r.GetProperty(field).GetDouble());
            line.Add("jitOverReadyToRun", new ResultLine()
                .Add("seconds", Fastest(AppForm.Jit, "seconds") / Fastest(AppForm.ReadyToRun, "seconds"), 2)
                .Add("cpuSeconds", Fastest(AppForm.Jit, "cpuSeconds") / Fastest(AppForm.ReadyToRun, "cpuSeconds"), 2));
        }

        line.Add("sameDigests", all.Select(Digests).Distinct().Count() == 1)
            .Add("coverageFirstDigestsSha256", Sha256(all[0], "coverageFirst"))
            .Add("plainTopKDigestsSha256", Sha256(all[0], "plainTopK"))
            .Print();
        return 0;
    }

    /// <summary>The coverage-first run's figures over one form's runs: fastest and slowest, the least CPU, the JIT's work.</summary>
    private static ResultLine Figures(List<JsonElement> runs) => new ResultLine()
        .Add("seconds", runs.Min(r => r.GetProperty("seconds").GetDouble()), 1)
        .Add("secondsMax", runs.Max(r => r.GetProperty("seconds").GetDouble()), 1)
        .Add("cpuSeconds", runs.Min(r => r.GetProperty("cpuSeconds").GetDouble()), 1)
        .Add("cpuSecondsMax", runs.Max(r => r.GetProperty("cpuSeconds").GetDouble()), 1)
        .Add("jitCompilations", runs.Min(r => r.GetProperty("jitCompilations").GetInt64()))
        .Add("peakMemoryMb", runs.Max(r => r.GetProperty("peakMemoryMb").GetDouble()), 1)
        .Add("readyToRun", runs.All(r => r.GetProperty("readyToRun").GetBoolean()))
        .Add("callCountingDelayMs", runs[0].GetProperty("callCountingDelayMs").GetInt32())
        .Add("tieredPgo", runs[0].GetProperty("tieredPgo").GetBoolean());

    private static string Sha256(JsonElement run, string allocation) =>
        run.GetProperty(allocation).GetProperty("digestsSha256").GetString()!;

    private static string Digests(JsonElement run) => Sha256(run, "coverageFirst") + Sha256(run, "plainTopK");

    /// <summary>Runs the digest benchmark in a new process; its progress goes to standard error, its result line is returned.</summary>
    private static JsonElement RunOnce(string assembly, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = output.TrimEnd().Split('\n')[^1];
        if (process.ExitCode != 0 || !last.StartsWith('{'))
        {
            throw new InvalidOperationException($"The digest run failed (exit code {process.ExitCode}):\n{output}");
        }

        return JsonDocument.Parse(last).RootElement.Clone();
    }
}
