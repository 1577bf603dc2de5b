using System.Globalization;

namespace Reintegration.Digests.Rendering;

/// <summary>The fixed words of a digest in one language, as its table has them (<see cref="Localisation.Words.Digest"/>).</summary>
public sealed record DigestWords(
    string Title, string Week, string Generated, string People, string Recommendations, string NothingNew,
    string Score, string Pathway, string Reference, string Checked)
{
    /// <summary>
    /// ", checked 2026-11-29" after the pathway: how fresh the advice on what to obtain is (nothing to date
    /// for domestic work).
    /// </summary>
    public string CheckedOn(Matching.Match match) =>
        match.ObtainVerifiedOn is { } day && match.Pathway != Domain.Pathway.Domestic
            ? $", {Checked} {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "";
}
