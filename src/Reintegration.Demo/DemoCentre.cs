namespace Reintegration.Demo;

/// <summary>An employment centre of the demo data, as seeds/demo.json describes it.</summary>
/// <param name="Key">A short code, also the prefix of its profiles' external references ("KHUJ-2026-000001").</param>
/// <param name="Name">The centre's name, e.g. "Khujand Employment Centre".</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the centre's state.</param>
/// <param name="City">The centre's city, a place of seeds/places.csv.</param>
/// <param name="Region">The city's first-level administrative region, from seeds/places.csv.</param>
/// <param name="Language">The language of the centre's digests and match reasons, one of <see cref="Localisation.Words.Codes"/>.</param>
/// <param name="WebhookUrl">Where its digests are pushed; empty for none.</param>
public sealed record DemoCentre(string Key, string Name, string Country, string City, string Region, string Language, string WebhookUrl = "");
