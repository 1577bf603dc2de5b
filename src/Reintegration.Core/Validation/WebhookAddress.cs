using System.Net;
using System.Net.Sockets;

namespace Reintegration.Validation;

/// <summary>
/// Where the service may send a centre's digest: a public https address, named by a host name. An IP
/// literal is refused, and so is any address inside a private network, on this machine, link-local or
/// of a cloud's metadata service (169.254.169.254): a webhook must not turn the service into a way into
/// the networks it runs in. Loopback (http or https) is allowed only where <c>allowLoopback</c> says so:
/// development and tests, never in Azure.
/// </summary>
public static class WebhookAddress
{
    /// <summary>Why <paramref name="url"/> is refused as written (before any name is resolved), or null.</summary>
    public static string? Problem(string url, bool allowLoopback)
    {
        if (url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.Scheme is not ("https" or "http"))
        {
            return "Must be an absolute https URL without credentials.";
        }

        var loopback = uri.IsLoopback;
        if (loopback)
        {
            return allowLoopback ? null : "Must not point to this machine (loopback).";
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "Must use https.";
        }

        return uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? "Must name its host, not give an IP address."
            : null;
    }

    /// <summary>Whether a digest may be sent to this address: a public one, or loopback where allowed.</summary>
    public static bool MaySendTo(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) ? allowLoopback : IsPublic(address);
    }

    /// <summary>Whether an address is on the public internet: not private, loopback, link-local, shared, multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || b[0] == 100 && b[1] is >= 64 and <= 127
                || b[0] == 169 && b[1] == 254
                || b[0] == 172 && b[1] is >= 16 and <= 31
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && b[2] is 0 or 2
                || b[0] == 198 && b[1] is 18 or 19);
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC);
        }

        return false;
    }
}
