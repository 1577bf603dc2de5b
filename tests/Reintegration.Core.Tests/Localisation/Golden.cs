using System.Net;
using Reintegration.Reference;

namespace Reintegration.Tests.Localisation;

/// <summary>
/// Compares text with a file under Localisation/Expected. On a difference it writes what came to
/// Localisation/Received beside the test binaries, so a reviewer can diff it and, if right, copy it over.
/// </summary>
internal static class Golden
{
    private const string ObtainMark = "⟨obtain⟩";

    public static void Verify(string name, string actual)
    {
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Localisation", "Expected", name);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected != actual)
        {
            var received = Path.Combine(AppContext.BaseDirectory, "Localisation", "Received", name);
            Directory.CreateDirectory(Path.GetDirectoryName(received)!);
            File.WriteAllText(received, actual);
            Assert.True(expected is not null, $"No expected text for {name}; what came is in {received}.");
        }

        Assert.Equal(expected, actual);
    }

    /// <summary>
    /// What to obtain for a pathway is seed data (mobility.json), kept true by its own tests; the
    /// golden texts pin the words around it, so each seeded text is replaced by a mark.
    /// </summary>
    public static string WithoutSeededObtain(string text)
    {
        var seeded = ReferenceData.Shared.Mobility.All.SelectMany(r => new[] { r.ObtainEn, r.ObtainRu })
            .Distinct(StringComparer.Ordinal)
            .SelectMany(t => new[] { t, WebUtility.HtmlEncode(t) })
            .OrderByDescending(t => t.Length);
        foreach (var obtain in seeded)
        {
            text = text.Replace(obtain, ObtainMark, StringComparison.Ordinal);
        }

        return text;
    }
}
