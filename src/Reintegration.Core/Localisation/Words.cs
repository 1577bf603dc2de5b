using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Localisation;

/// <summary>
/// Every word the engine and the API write for people, in one language: one table per language.
/// Sentences take facts (counts, dates, names already in the language) and each table puts them in
/// its own order and grammar. Reference data keeps its names per language (<c>NameEn</c>,
/// <c>NameRu</c>); a table says which field its language reads. A new language is one sealed
/// subclass added to <see cref="All"/>: the compiler asks for every sentence, and the tests in
/// <c>Localisation/</c> for its names of every country, language, occupation and pathway.
/// </summary>
public abstract class Words
{
    /// <summary>The table a language without one of its own falls back to.</summary>
    public static Words English { get; } = new EnglishWords();

    /// <summary>Every language there are words for: the languages a centre, <c>lang</c> and <c>Accept-Language</c> may choose.</summary>
    public static IReadOnlyList<Words> All { get; } = [English, new RussianWords()];

    /// <summary>The ISO 639-1 codes of <see cref="All"/>, in its order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(w => w.Code)];

    /// <summary>The codes as a sentence names them: "en or ru".</summary>
    public static string CodesInProse { get; } = string.Join(" or ", Codes);

    public static bool IsSupported(string code) => Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The table of that language; English for a language there are no words for.</summary>
    public static Words For(string code) => All.FirstOrDefault(w => w.Code == code) ?? English;

    /// <summary>The language's ISO 639-1 code.</summary>
    public abstract string Code { get; }

    // Names from the reference data: which field this language reads.
    public abstract string Name(CountryName country);

    /// <summary>A language's name as it starts a sentence ("Russian: B2, B1 asked.").</summary>
    public abstract string Name(Language language);

    public abstract string Title(Occupation occupation);

    /// <summary>What a person must obtain to work under the regime.</summary>
    public abstract string Obtain(MobilityRegime regime);

    /// <summary>How a shared entry-ban list works in practice, and what the person can ask.</summary>
    public abstract string Explanation(BanArea area);

    public abstract string PathwayName(Pathway pathway);

    // Numbers, written straight into the sentence that holds them.
    /// <summary>A whole amount with the language's thousands separator.</summary>
    public Grouped Amount(decimal amount) => new(amount, ThousandsSeparator);

    /// <summary>"3,700–5,800 TJS (≈ 511 USD)": what is offered, and about how much that is in dollars.</summary>
    public MoneyRange Money(decimal min, decimal max, string currency, decimal usd) => new(min, max, currency, usd, ThousandsSeparator);

    // Why an opening is offered: one sentence per component that matters.
    public abstract string SameOccupation(string title, string isco, int years);

    public abstract string RelatedOccupation(string title, string isco, string yours, string yourIsco, int years);

    public abstract string SameField(string title, string isco, string yours, string yourIsco, int years);

    /// <summary>Skills and licences asked: how many are held, which, and which are missing.</summary>
    public abstract string Skills(int asked, Listing held, Listing missing);

    public abstract string LanguageHeld(string language, CefrLevel held, CefrLevel asked);

    public abstract string LanguageBelow(string language, CefrLevel held, CefrLevel asked);

    public abstract string LanguageNotSpoken(string language, CefrLevel asked);

    public abstract string ExperienceEnough(int years, int asked);

    public abstract string ExperienceShort(int years, int asked);

    public abstract string WageNotStated { get; }

    /// <summary>The wage offered, when the person stated no minimum; <paramref name="offered"/> comes from <see cref="Money"/>.</summary>
    public abstract string Wage(MoneyRange offered);

    public abstract string WageMeets(MoneyRange offered, MoneyRange minimum);

    public abstract string WageBelow(MoneyRange offered, MoneyRange minimum);

    public abstract string InHomeRegion(string city, double km);

    public abstract string InHomeCountry(string city, double km);

    public abstract string Abroad(string country, string city, double km);

    public abstract string PathwayLine(Pathway pathway, string obtain, bool employerSponsorsPermit);

    /// <summary>A ban from <paramref name="area"/> ("RU/BY") that does not cover the opening's country.</summary>
    public abstract string BanDoesNotCover(string area, string country);

    public abstract string BanStartsLater(string area, DateOnly from, DateOnly start);

    public abstract string BanEndedBefore(string area, DateOnly until, DateOnly start);

    public abstract string VoluntaryRepatriation { get; }

    public abstract string HousingProvided { get; }

    // Why an opening is not offered: one sentence per hard rule, and for an opening outside the person's field.
    public abstract string BannedForGood(string area, string country);

    public abstract string BannedUntil(string area, DateOnly until, DateOnly start);

    public abstract string WouldBeSentBack(string country);

    public abstract string NoConsentToMove(string country);

    public abstract string EveryPositionFilled { get; }

    public abstract string Expired(DateOnly on);

    public abstract string RefugeesNotTaken { get; }

    public abstract string LicenceMissing(string licences);

    /// <summary><paramref name="yours"/> lists the person's occupations, each "title (code)".</summary>
    public abstract string OutsideField(string title, string isco, string yours);

    public abstract string ClosedByPublisher { get; }

    // The fixed words of a weekly digest.
    public abstract DigestWords Digest { get; }

    /// <summary>What sets thousands apart in an amount.</summary>
    protected abstract char ThousandsSeparator { get; }

    /// <summary>Dates are written yyyy-MM-dd in every language we have, as the API writes them.</summary>
    protected static IsoDate Iso(DateOnly date) => new(date);

    /// <summary>A distance rounded to the kilometre, with the language's thousands separator.</summary>
    protected Grouped Distance(double km) => Amount((decimal)Math.Round(km));
}
