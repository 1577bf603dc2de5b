using Reintegration.Localisation;

namespace Reintegration.Functions.OpenApi;

/// <summary>A string property whose values are a closed list: its schema is an enum, the component <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class StringValuesAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public abstract IReadOnlyList<string> Values { get; }
}

/// <summary>A language the service writes in, one of <see cref="Words.Codes"/>: a centre's language.</summary>
public sealed class ServiceLanguageAttribute() : StringValuesAttribute("ServiceLanguage")
{
    public override IReadOnlyList<string> Values => Words.Codes;
}
