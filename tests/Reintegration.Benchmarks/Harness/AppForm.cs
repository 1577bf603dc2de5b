namespace Reintegration.Benchmarks.Harness;

/// <summary>
/// The form a project's code runs in: its Release build, JIT-compiled as it runs (as <c>dotnet run</c> starts it), or
/// its ReadyToRun publish for linux-x64, precompiled (the form the app is deployed in; see <see cref="ReadyToRunPublish"/>).
/// </summary>
internal enum AppForm
{
    Jit,
    ReadyToRun,
}

internal static class AppForms
{
    /// <summary>The option's help, for modes that take <c>--app</c>.</summary>
    public const string Help = "jit (the Release build), r2r (the ReadyToRun publish, as deployed) or both, alternately";

    /// <summary>The forms named by <c>--app</c>: jit, r2r, or both (the JIT build first).</summary>
    /// <exception cref="UsageException">Another word.</exception>
    public static IReadOnlyList<AppForm> Parse(string text) => text switch
    {
        "jit" => [AppForm.Jit],
        "r2r" => [AppForm.ReadyToRun],
        "both" => [AppForm.Jit, AppForm.ReadyToRun],
        _ => throw new UsageException($"Option '--app' must be jit, r2r or both, not '{text}'."),
    };

    /// <summary>The one form named by <c>--app</c>, for modes that start one app: jit or r2r.</summary>
    /// <exception cref="UsageException">Another word, or both.</exception>
    public static AppForm ParseOne(string text) => Parse(text) is [var form]
        ? form
        : throw new UsageException($"Option '--app' must be jit or r2r here, not '{text}'.");

    /// <summary>The form's name in a result line.</summary>
    public static string Name(this AppForm form) => form == AppForm.Jit ? "jit" : "readyToRun";
}
