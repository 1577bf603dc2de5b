using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Reintegration.Domain;

namespace Reintegration.Demo.Loader;

/// <summary>
/// The demo's profiles and openings as the generated client's models, read from the JSON the domain writes
/// them in: the contract both sides share, so that no property is copied by hand (or forgotten).
/// </summary>
internal static class ClientModels
{
    public static List<Client.Models.Profile> Profiles(IEnumerable<Profile> profiles) => Read(
        JsonSerializer.SerializeToElement(profiles.ToList(), ReintegrationJsonContext.Default.ListProfile),
        Client.Models.Profile.CreateFromDiscriminatorValue);

    public static List<Client.Models.Opening> Openings(IEnumerable<Opening> openings) => Read(
        JsonSerializer.SerializeToElement(openings.ToList(), ReintegrationJsonContext.Default.ListOpening),
        Client.Models.Opening.CreateFromDiscriminatorValue);

    private static List<T> Read<T>(JsonElement json, ParsableFactory<T> factory)
        where T : IParsable => [.. new JsonParseNode(json).GetCollectionOfObjectValues(factory)];
}
