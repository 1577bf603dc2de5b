using Reintegration.Domain;

namespace Reintegration.Functions.Http;

/// <summary>Who sent a request: the admin, or a centre (whose data is the only data it can see).</summary>
public sealed record Caller(Centre? Centre)
{
    public static readonly Caller Admin = new((Centre?)null);

    public bool IsAdmin => Centre is null;

    /// <summary>The id openings are published under: the centre's, or "admin".</summary>
    public string PublisherId => Centre?.Id ?? "admin";
}

/// <summary>Which callers a function accepts.</summary>
[Flags]
public enum Roles
{
    Admin = 1,
    Centre = 2,
    Any = Admin | Centre,
}
