namespace Reintegration.Digests.Rendering;

/// <summary>The fixed words of a digest in one language, as its table has them (<see cref="Localisation.Words.Digest"/>).</summary>
public sealed record DigestWords(
    string Title, string Week, string Generated, string People, string Recommendations, string NothingNew,
    string Score, string Pathway, string Reference);
