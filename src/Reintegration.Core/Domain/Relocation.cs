namespace Reintegration.Domain;

/// <summary>Whether the person would move abroad for work, and where to. No countries means any state.</summary>
public sealed record Relocation
{
    public bool Willing { get; init; }
    public IReadOnlyList<string> Countries { get; init => field = Codes.Upper(value); } = [];
}
