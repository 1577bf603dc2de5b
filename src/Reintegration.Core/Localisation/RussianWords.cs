using Reintegration.Digests.Rendering;
using Reintegration.Domain;
using Reintegration.Reference;

namespace Reintegration.Localisation;

/// <summary>The Russian words, with the grammar they need: plural forms of «год», the genitive after «не менее».</summary>
public sealed class RussianWords : Words
{
    /// <summary>Thousands are set apart by a non-breaking space, so that "1 000" never breaks over a line.</summary>
    protected override char ThousandsSeparator => '\u00A0';

    public override string Code => "ru";

    public override string Name(CountryName country) => country.NameRu;

    /// <summary>Language names are written in lower case in Russian; a reason starts with one.</summary>
    public override string Name(Language language) => Capitalised(language.NameRu);

    public override string Title(Occupation occupation) => occupation.TitleRu;

    public override string Obtain(MobilityRegime regime) => regime.ObtainRu;

    public override string Explanation(BanArea area) => area.ExplanationRu;

    public override string PathwayName(Pathway pathway) => pathway switch
    {
        Pathway.Domestic => "работа в своей стране",
        Pathway.FreeMovement => "свободное передвижение (ЕАЭС)",
        Pathway.WorkPermit => "разрешение на работу",
        _ => "виза и разрешение на работу",
    };

    public override string SameOccupation(string title, string isco, int years) =>
        $"Та же профессия: {title} ({isco}), стаж {Years(years)}.";

    public override string RelatedOccupation(string title, string isco, string yours, string yourIsco, int years) =>
        $"Родственная профессия: {title} ({isco}), близка к «{yours}» ({yourIsco}, {Years(years)}).";

    public override string SameField(string title, string isco, string yours, string yourIsco, int years) =>
        $"Та же область: {title} ({isco}); ваша профессия — «{yours}» ({yourIsco}, {Years(years)}).";

    public override string Skills(int asked, Listing held, Listing missing) =>
        $"Навыки: {held.Count} из {asked} требуемых{held.Between(" (", ")")}{missing.Between("; не хватает: ", "")}.";

    public override string LanguageHeld(string language, CefrLevel held, CefrLevel asked) => $"{language}: {held}, требуется {asked}.";

    public override string LanguageBelow(string language, CefrLevel held, CefrLevel asked) =>
        $"{language}: {held}, ниже требуемого {asked}.";

    public override string LanguageNotSpoken(string language, CefrLevel asked) => $"{language}: не владеет, требуется {asked}.";

    public override string ExperienceEnough(int years, int asked) =>
        $"Опыт: {Years(years)}, требуется не менее {YearsAfterComparison(asked)}.";

    public override string ExperienceShort(int years, int asked) =>
        $"Опыт: {Years(years)}, меньше требуемых {YearsAfterComparison(asked)}.";

    public override string WageNotStated => "Зарплата не указана.";

    public override string Wage(MoneyRange offered) => $"Зарплата: {offered} в месяц.";

    public override string WageMeets(MoneyRange offered, MoneyRange minimum) => $"Зарплата: {offered} в месяц, не ниже минимума {minimum}.";

    public override string WageBelow(MoneyRange offered, MoneyRange minimum) => $"Зарплата: {offered} в месяц, ниже минимума {minimum}.";

    public override string InHomeRegion(string city, double km) => $"В родном регионе: {city}, {Distance(km)} км от дома.";

    public override string InHomeCountry(string city, double km) => $"В своей стране: {city}, {Distance(km)} км от дома.";

    public override string Abroad(string country, string city, double km) =>
        $"За рубежом, {country}: {city}, {Distance(km)} км от дома; согласие на переезд есть.";

    public override string PathwayLine(Pathway pathway, string obtain, bool employerSponsorsPermit) =>
        $"Правовой путь: {PathwayName(pathway)}. {obtain}" + (employerSponsorsPermit ? " Работодатель оформляет разрешение." : "");

    public override string BanDoesNotCover(string area, string country) =>
        $"Запрет на въезд в {area} не распространяется на страну: {country}.";

    public override string BanStartsLater(string area, DateOnly from, DateOnly start) =>
        $"Запрет на въезд в {area} начнётся {Iso(from)}, после начала этой работы ({Iso(start)}).";

    public override string BanEndedBefore(string area, DateOnly until, DateOnly start) =>
        $"Запрет на въезд в {area} заканчивается {Iso(until)}, к началу этой работы ({Iso(start)}).";

    public override string VoluntaryRepatriation => "В профиле отмечена добровольная репатриация.";

    public override string HousingProvided => "Жильё предоставляется.";

    public override string BannedForGood(string area, string country) =>
        $"Запрет на въезд в {area} бессрочный и распространяется на страну: {country}.";

    public override string BannedUntil(string area, DateOnly until, DateOnly start) =>
        $"Запрет на въезд в {area} действует до {Iso(until)}, после начала этой работы ({Iso(start)}).";

    public override string WouldBeSentBack(string country) =>
        $"Беженцу не предлагается работа в стране гражданства или бегства ({country}) без добровольной репатриации.";

    public override string NoConsentToMove(string country) => $"Работа за рубежом ({country}), а согласия на переезд туда нет.";

    public override string EveryPositionFilled => "Все вакансии заполнены.";

    public override string Expired(DateOnly on) => $"Срок вакансии истёк {Iso(on)}.";

    public override string RefugeesNotTaken => "Работодатель не принимает беженцев.";

    public override string LicenceMissing(string licences) => $"Нужна лицензия, которой нет: {licences}.";

    public override string OutsideField(string title, string isco, string yours) =>
        $"Не предлагается: «{title}» ({isco}) вне профессиональной области человека ({yours}).";

    public override string ClosedByPublisher => "Вакансия закрыта опубликовавшим её.";

    public override DigestWords Digest { get; } = new(
        Title: "Еженедельная сводка", Week: "Неделя", Generated: "Составлена", People: "Человек", Recommendations: "Рекомендаций",
        NothingNew: "На этой неделе новых подходящих вакансий нет.", Score: "Оценка", Pathway: "Правовой путь", Reference: "Номер",
        Checked: "сведения проверены");

    /// <summary>"1 год", "3 года", "6 лет", "11 лет", "21 год".</summary>
    private static Counted Years(int years)
    {
        var (last, lastTwo) = (years % 10, years % 100);
        return new(years, lastTwo is >= 11 and <= 14 ? "лет" : last == 1 ? "год" : last is >= 2 and <= 4 ? "года" : "лет");
    }

    /// <summary>"не менее 1 года", "не менее 4 лет": the genitive after a comparison.</summary>
    private static Counted YearsAfterComparison(int years) => new(years, years % 10 == 1 && years % 100 != 11 ? "года" : "лет");

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
