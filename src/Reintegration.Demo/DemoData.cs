using Bogus;
using Reintegration.Demo.Generation;
using Reintegration.Demo.Sampling;
using Reintegration.Demo.Settings;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Demo;

/// <summary>
/// Realistic, reproducible demo data: centres, their caseloads of returnees and refugees, and openings
/// across the region, drawn with Bogus from the proportions of seeds/demo.json. The same seed, today and
/// arguments always give the same data, and each call draws from its own stream (derived from the seed
/// and a stable key), so a centre's profiles do not depend on what was generated before them.
/// Every profile passes <see cref="Validation.ProfileValidator"/> and every opening
/// <see cref="Validation.OpeningValidator"/> for <c>today</c>.
/// </summary>
public sealed class DemoData
{
    private readonly int _seed;
    private readonly DateOnly _today;
    private readonly IReadOnlyList<DemoCentre> _centres;
    private readonly ProfileGenerator _profiles;
    private readonly OpeningGenerator _openings;

    /// <param name="reference">The reference data that places, codes and validation come from.</param>
    /// <param name="seed">Any number; the same number gives the same data.</param>
    /// <param name="today">The day the data is generated for: bans, consent, start and expiry dates are relative to it.</param>
    public DemoData(ReferenceData reference, int seed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var settings = DemoSeeds.Settings;
        DemoSettingsCheck.Check(settings, DemoSeeds.Titles, reference);
        _seed = seed;
        _today = today;
        _centres = settings.Centres
            .Select(c => new DemoCentre(c.Key, c.Name, c.Country, c.City, reference.Places.Find(c.Country, c.City)!.Region, c.Language))
            .ToList();
        _profiles = new ProfileGenerator(settings, reference);
        _openings = new OpeningGenerator(settings, DemoSeeds.Titles, reference);
    }

    /// <summary>The centres of seeds/demo.json, in its order.</summary>
    public IReadOnlyList<DemoCentre> Centres() => _centres;

    /// <summary>
    /// <paramref name="count"/> profiles of the centre's caseload, with external references
    /// "{Key}-{year}-000001" onwards; a shorter list is a prefix of a longer one.
    /// </summary>
    /// <exception cref="ArgumentException">The centre's country is not one demo.json describes.</exception>
    public IReadOnlyList<Profile> Profiles(DemoCentre centre, int count)
    {
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_centres.Any(c => c.Country == centre.Country))
        {
            throw new ArgumentException(
                $"demo.json describes caseloads in {string.Join(", ", _centres.Select(c => c.Country))}, not in '{centre.Country}'.", nameof(centre));
        }

        var random = new Randomizer(SeedMix.Derive(_seed, $"profiles/{centre.Key}/{centre.Country}"));
        return _profiles.Generate(random, centre, count, _today);
    }

    /// <summary>
    /// <paramref name="count"/> openings across the region, with external references "DEMO-{country}-000001"
    /// onwards (numbered across countries); a shorter list is a prefix of a longer one.
    /// </summary>
    public IReadOnlyList<Opening> Openings(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Randomizer(SeedMix.Derive(_seed, "openings"));
        return _openings.Generate(random, count, _today);
    }
}
