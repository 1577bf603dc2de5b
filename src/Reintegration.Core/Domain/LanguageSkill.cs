namespace Reintegration.Domain;

/// <summary>A language (ISO 639-1) at a CEFR level: what a person speaks, or what an opening requires.</summary>
public sealed record LanguageSkill
{
    public string Code { get; init => field = Codes.Lower(value) ?? ""; } = "";
    public string Level { get; init => field = Codes.Upper(value) ?? ""; } = "";
}
