using Reintegration.Reference;

namespace Reintegration.Tests.Reference;

/// <summary>
/// The key facts of each corrected obtain text (issue 17), in both languages: what a caseworker reads out
/// must follow the law as checked, and say what to ask where the engine cannot know.
/// </summary>
public sealed class ObtainTextTests
{
    private static readonly MobilityTable Mobility = ReferenceData.Shared.Mobility;

    [Theory]
    // Türkiye follows whether the nationality enters visa-free.
    [InlineData("TJ", "TR", "en", "A visa is needed to enter Türkiye", "ended on 20 April 2024", "work visa from a Turkish consulate")]
    [InlineData("TJ", "TR", "ru", "Для въезда в Турцию нужна виза", "с 20 апреля 2024 года", "рабочая виза в консульстве Турции")]
    [InlineData("TM", "TR", "en", "A visa is needed to enter Türkiye", "September 2022")]
    [InlineData("TM", "TR", "ru", "Для въезда в Турцию нужна виза", "сентябре 2022")]
    [InlineData("AF", "TR", "en", "need a visa to enter Türkiye", "international protection", "six months after",
        "Ask whether the person has applied")]
    [InlineData("AF", "TR", "ru", "нужна виза", "международной защите", "через шесть месяцев", "Уточните, подавал ли человек")]
    [InlineData("UZ", "TR", "en", "Visa-free entry to Türkiye does not allow work", "work visa from a Turkish consulate")]
    [InlineData("UZ", "TR", "ru", "Безвизовый въезд в Турцию не даёт права работать", "рабочая виза")]
    // Kazakhstan: a company job needs the employer's quota permit; the labour-immigrant permit is household work only.
    [InlineData("TJ", "KZ", "en", "employer obtains", "foreign-labour quota", "labour-immigrant permit",
        "only household work for a private individual", "Ask the employer")]
    [InlineData("TJ", "KZ", "ru", "работодатель получает", "в пределах квоты", "трудовому иммигранту",
        "только на работу у физического лица", "Уточните у работодателя")]
    // Belarus: one special permit obtained by the employer; a notification for listed professions.
    [InlineData("UZ", "BY", "en", "A special work permit that the employer obtains", "since 1 July 2023", "only notifies",
        "Ask the employer")]
    [InlineData("UZ", "BY", "ru", "Специальное разрешение", "наниматель получает", "с 1 июля 2023 года", "лишь уведомляет",
        "Уточните у нанимателя")]
    [InlineData("AF", "BY", "en", "A work visa and a special work permit that the employer obtains", "only notifies")]
    [InlineData("AF", "BY", "ru", "Рабочая виза и специальное разрешение", "лишь уведомляет")]
    // Belarusians in Russia: no fingerprinting or medical examination; other EAEU workers still undergo both.
    [InlineData("BY", "RU", "en", "no fingerprinting or medical examination")]
    [InlineData("BY", "RU", "ru", "не нужны и дактилоскопия с медицинским освидетельствованием")]
    [InlineData("KG", "RU", "en", "fingerprinting and medical examination")]
    // Afghans need a visa for Tajikistan.
    [InlineData("AF", "TJ", "en", "Afghan citizens need a visa to enter Tajikistan", "work visa")]
    [InlineData("AF", "TJ", "ru", "Гражданам Афганистана для въезда в Таджикистан нужна виза", "рабочая виза")]
    [InlineData("TR", "TJ", "en", "need a visa to enter Tajikistan (since 20 April 2024)")]
    // Russia's patent after the 2025-26 changes.
    [InlineData("TJ", "RU", "en", "patent", "since 1 January 2026 taken only on computer at state-listed institutions",
        "90 days per calendar year", "registry of controlled persons", "5 February 2025", "Some regions bar patent holders",
        "check the region's list")]
    [InlineData("UZ", "RU", "ru", "Патент", "с 1 января 2026 года экзамен сдаётся только на компьютере", "90 днями в календарном году",
        "реестр контролируемых лиц", "5 февраля 2025 года", "проверьте региональный перечень")]
    // Kyrgyzstan: the Foreign Ministry's single window, with the pilot's end said, not guessed past.
    [InlineData("UZ", "KG", "en", "single window", "evisa.e-gov.kg", "pilot set to run until 1 January 2026", "check on the portal")]
    [InlineData("UZ", "KG", "ru", "«единое окно»", "evisa.e-gov.kg", "пилотный проект до 1 января 2026 года", "уточните на портале")]
    [InlineData("AF", "KG", "en", "single permit that combines the work visa and the work permit", "evisa.e-gov.kg", "check on the portal")]
    public void CorrectedText_StatesItsKeyFacts(string citizenship, string destination, string language, params string[] facts)
    {
        var regime = Mobility.Find(citizenship, destination);
        var text = language == "ru" ? regime.ObtainRu : regime.ObtainEn;

        Assert.All(facts, fact => Assert.Contains(fact, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AF", "TR")]
    [InlineData("TJ", "TR")]
    [InlineData("TM", "TR")]
    [InlineData("PK", "TR")]
    [InlineData("AF", "TJ")]
    [InlineData("TR", "TJ")]
    public void VisaNationals_AreNotToldTheyEnterVisaFree(string citizenship, string destination)
    {
        var regime = Mobility.Find(citizenship, destination);

        Assert.DoesNotContain("visa-free entry does not", regime.ObtainEn, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("безвизовый въезд не", regime.ObtainRu, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("TJ", "KZ")]
    [InlineData("UZ", "KZ")]
    [InlineData("AZ", "KZ")]
    [InlineData("GE", "KZ")]
    public void Kazakhstan_LabourImmigrantPermit_IsNeverPresentedAsTheWayIntoACompanyJob(string citizenship, string destination)
    {
        var regime = Mobility.Find(citizenship, destination);

        const string en = "For a job with a company or organisation: a permit to employ foreign labour";
        const string ru = "Для работы в компании или организации — разрешение на привлечение";
        Assert.StartsWith(en, regime.ObtainEn, StringComparison.Ordinal);
        Assert.StartsWith(ru, regime.ObtainRu, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCorrectedRow_IsDatedNoEarlierThanTheReviewThatCorrectedIt()
    {
        string[] corrected = ["TJ-TR", "AF-TR", "TJ-KZ", "UZ-BY", "BY-RU", "AF-TJ", "TJ-RU", "UZ-KG"];

        Assert.All(corrected, pair => Assert.True(Mobility.Find(pair[..2], pair[3..]).VerifiedOn >= new DateOnly(2026, 11, 29), pair));
    }
}
