using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Localisation;

/// <summary>The English words.</summary>
public sealed class EnglishWords : Words
{
    public override string Code => "en";

    protected override char ThousandsSeparator => ',';

    public override string Name(CountryName country) => country.NameEn;

    public override string Name(Language language) => language.NameEn;

    public override string Title(Occupation occupation) => occupation.TitleEn;

    public override string Obtain(MobilityRegime regime) => regime.ObtainEn;

    public override string Explanation(BanArea area) => area.ExplanationEn;

    public override string PathwayName(Pathway pathway) => pathway switch
    {
        Pathway.Domestic => "domestic",
        Pathway.FreeMovement => "free movement (EAEU)",
        Pathway.WorkPermit => "work permit",
        _ => "visa and work permit",
    };

    public override string SameOccupation(string title, string isco, int years) =>
        $"Same occupation: {title} ({isco}), {Years(years)} of experience.";

    public override string RelatedOccupation(string title, string isco, string yours, string yourIsco, int years) =>
        $"Related occupation: {title} ({isco}), close to {yours} ({yourIsco}, {Years(years)}).";

    public override string SameField(string title, string isco, string yours, string yourIsco, int years) =>
        $"Same field: {title} ({isco}); your occupation is {yours} ({yourIsco}, {Years(years)}).";

    public override string Skills(int asked, Listing held, Listing missing) =>
        $"Skills: {held.Count} of {asked} asked{held.Between(" (", ")")}{missing.Between("; missing: ", "")}.";

    public override string LanguageHeld(string language, CefrLevel held, CefrLevel asked) => $"{language}: {held}, {asked} asked.";

    public override string LanguageBelow(string language, CefrLevel held, CefrLevel asked) =>
        $"{language}: {held}, below the {asked} asked.";

    public override string LanguageNotSpoken(string language, CefrLevel asked) => $"{language}: not spoken, {asked} asked.";

    public override string ExperienceEnough(int years, int asked) => $"Experience: {Years(years)}, at least {Years(asked)} asked.";

    public override string ExperienceShort(int years, int asked) => $"Experience: {Years(years)}, short of the {Years(asked)} asked.";

    public override string WageNotStated => "The wage is not stated.";

    public override string Wage(MoneyRange offered) => $"Wage: {offered} a month.";

    public override string WageMeets(MoneyRange offered, MoneyRange minimum) => $"Wage: {offered} a month, meets the minimum of {minimum}.";

    public override string WageBelow(MoneyRange offered, MoneyRange minimum) => $"Wage: {offered} a month, below the minimum of {minimum}.";

    public override string InHomeRegion(string city, double km) => $"In the home region: {city}, {Distance(km)} km from home.";

    public override string InHomeCountry(string city, double km) => $"In the home country: {city}, {Distance(km)} km from home.";

    public override string Abroad(string country, string city, double km) =>
        $"Abroad, in {country}: {city}, {Distance(km)} km from home; relocation agreed.";

    public override string PathwayLine(Pathway pathway, string obtain, bool employerSponsorsPermit) =>
        $"Pathway: {PathwayName(pathway)}. {obtain}" + (employerSponsorsPermit ? " The employer sponsors the permit." : "");

    public override string BanDoesNotCover(string area, string country) => $"The ban from {area} does not cover {country}.";

    public override string BanStartsLater(string area, DateOnly from, DateOnly start) =>
        $"The ban from {area} starts {Iso(from)}, after this job can start ({Iso(start)}).";

    public override string BanEndedBefore(string area, DateOnly until, DateOnly start) =>
        $"The ban from {area} ends {Iso(until)}, by the time this job can start ({Iso(start)}).";

    public override string VoluntaryRepatriation => "Voluntary repatriation is recorded in the profile.";

    public override string HousingProvided => "Housing is provided.";

    public override string BannedForGood(string area, string country) => $"Ban from {area} has no end date; it covers {country}.";

    public override string BannedUntil(string area, DateOnly until, DateOnly start) =>
        $"Ban from {area} ends {Iso(until)}, after this opening starts ({Iso(start)}).";

    public override string WouldBeSentBack(string country) =>
        $"A refugee is not offered work in {country}, a country of citizenship or flight, without voluntary repatriation.";

    public override string NoConsentToMove(string country) => $"Abroad in {country}, and the person has not agreed to relocate there.";

    public override string EveryPositionFilled => "Every position is filled.";

    public override string Expired(DateOnly on) => $"Expired on {Iso(on)}.";

    public override string RefugeesNotTaken => "The employer does not take refugees.";

    public override string LicenceMissing(string licences) => $"Needs a licence the person does not hold: {licences}.";

    public override string OutsideField(string title, string isco, string yours) =>
        $"Not offered: {title} ({isco}) is outside the person's occupational fields ({yours}).";

    public override string ClosedByPublisher => "The opening was closed by its publisher.";

    public override DigestWords Digest { get; } = new(
        Title: "Weekly digest", Week: "Week", Generated: "Generated", People: "People", Recommendations: "Recommendations",
        NothingNew: "No new suitable openings this week.", Score: "Score", Pathway: "Pathway", Reference: "Ref.", Checked: "checked");

    private static Counted Years(int years) => new(years, years == 1 ? "year" : "years");
}
