using System.Runtime.CompilerServices;

namespace Reintegration.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for a condition that another instance, a background service or a real timer brings about.
/// The patience is there only so that a broken build ends instead of hanging: it is generous (a loaded
/// machine is slow, not wrong), and no test asserts on how long the wait took; speed is the benchmarks' business.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="what"/> if it never does.</summary>
    public static async Task HoldsAsync(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string what = "")
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (patience.IsCancellationRequested)
            {
                Assert.Fail($"Never came true: {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
