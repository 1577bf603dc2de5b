using System.Security.Cryptography;
using Reintegration.Domain;

namespace Reintegration.Digests;

/// <summary>
/// What matching reads of a profile, hashed (SHA-256): two profiles get one fingerprint exactly when they differ in
/// nothing but what <see cref="LeftOut"/> names. Written property by property rather than serialised: a digest run is
/// often its process's first, where JIT-compiling the JSON serializer took longer than hashing every profile.
/// </summary>
public static class ProfileFingerprint
{
    private const int StackBuffer = 1024;

    private static readonly Part<Location>[] LocationParts =
    [
        new(nameof(Location.Country), static (ref w, l) => w.Text(l.Country)),
        new(nameof(Location.City), static (ref w, l) => w.Text(l.City)),
        new(nameof(Location.Lat), static (ref w, l) => w.Number(l.Lat)),
        new(nameof(Location.Lon), static (ref w, l) => w.Number(l.Lon)),
    ];

    private static readonly Part<EntryBan>[] BanParts =
    [
        new(nameof(EntryBan.Country), static (ref w, b) => w.Text(b.Country)),
        new(nameof(EntryBan.From), static (ref w, b) => w.Day(b.From)),
        new(nameof(EntryBan.Until), static (ref w, b) => w.Day(b.Until)),
    ];

    private static readonly Part<OccupationExperience>[] OccupationParts =
    [
        new(nameof(OccupationExperience.Isco), static (ref w, o) => w.Text(o.Isco)),
        new(nameof(OccupationExperience.Years), static (ref w, o) => w.Whole(o.Years)),
    ];

    private static readonly Part<LanguageSkill>[] LanguageParts =
    [
        new(nameof(LanguageSkill.Code), static (ref w, l) => w.Text(l.Code)),
        new(nameof(LanguageSkill.Level), static (ref w, l) => w.Text(l.Level)),
    ];

    private static readonly Part<Relocation>[] RelocationParts =
    [
        new(nameof(Relocation.Willing), static (ref w, r) => w.Flag(r.Willing)),
        new(nameof(Relocation.Countries), static (ref w, r) => w.Texts(r.Countries)),
    ];

    private static readonly Part<Money>[] MoneyParts =
    [
        new(nameof(Money.Amount), static (ref w, m) => w.Amount(m.Amount)),
        new(nameof(Money.Currency), static (ref w, m) => w.Text(m.Currency)),
    ];

    private static readonly Part<Profile>[] ProfileParts =
    [
        new(nameof(Profile.Citizenship), static (ref w, p) => w.Text(p.Citizenship)),
        new(nameof(Profile.Status), static (ref w, p) => w.Whole((int?)p.Status)),
        new(nameof(Profile.FledCountries), static (ref w, p) => w.Texts(p.FledCountries)),
        new(nameof(Profile.VoluntaryRepatriation), static (ref w, p) => w.Flag(p.VoluntaryRepatriation)),
        new(nameof(Profile.Home), static (ref w, p) => w.Record(p.Home, LocationParts)),
        new(nameof(Profile.Bans), static (ref w, p) => w.Records(p.Bans, BanParts)),
        new(nameof(Profile.Occupations), static (ref w, p) => w.Records(p.Occupations, OccupationParts)),
        new(nameof(Profile.Skills), static (ref w, p) => w.Texts(p.Skills)),
        new(nameof(Profile.Licences), static (ref w, p) => w.Texts(p.Licences)),
        new(nameof(Profile.Languages), static (ref w, p) => w.Records(p.Languages, LanguageParts)),
        new(nameof(Profile.AvailableFrom), static (ref w, p) => w.Day(p.AvailableFrom)),
        new(nameof(Profile.Relocation), static (ref w, p) => w.Record(p.Relocation, RelocationParts)),
        new(nameof(Profile.MinMonthlyWage), static (ref w, p) => w.Record(p.MinMonthlyWage, MoneyParts)),
    ];

    /// <summary>Each record the fingerprint reaches from a profile, with the properties of it that it writes, in order.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<string>> Covered { get; } = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(Profile)] = Names(ProfileParts),
        [typeof(Location)] = Names(LocationParts),
        [typeof(EntryBan)] = Names(BanParts),
        [typeof(OccupationExperience)] = Names(OccupationParts),
        [typeof(LanguageSkill)] = Names(LanguageParts),
        [typeof(Relocation)] = Names(RelocationParts),
        [typeof(Money)] = Names(MoneyParts),
    };

    /// <summary>What matching never reads, so that a copy under another reference, name or consent is still an echo.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<string>> LeftOut { get; } = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(Profile)] = [nameof(Profile.ExternalRef), nameof(Profile.DisplayName), nameof(Profile.Consent)],
    };

    /// <summary>The fingerprint of <paramref name="profile"/>: 64 lower-case hexadecimal digits.</summary>
    public static string Of(Profile profile)
    {
        var writer = new FingerprintWriter(stackalloc byte[StackBuffer]);
        writer.Record(profile, ProfileParts);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(writer.Written, hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string[] Names<T>(Part<T>[] parts) => Array.ConvertAll(parts, p => p.Name);
}
