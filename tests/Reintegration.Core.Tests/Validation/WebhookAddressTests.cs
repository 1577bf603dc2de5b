using System.Net;
using Reintegration.Validation;

namespace Reintegration.Tests.Validation;

public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("https://partner.example.org/digests")]
    [InlineData("https://partner.example.org:8443/digests?centre=1")]
    public void Problem_PublicHttpsName_IsAccepted(string url) => Assert.Null(WebhookAddress.Problem(url, allowLoopback: false));

    [Theory]
    [InlineData("http://partner.example.org/digests", "Must use https.")]
    [InlineData("ftp://partner.example.org/digests", "Must be an absolute https URL without credentials.")]
    [InlineData("https://user:secret@partner.example.org/", "Must be an absolute https URL without credentials.")]
    [InlineData("/relative/hook", "Must be an absolute https URL without credentials.")]
    [InlineData("https://10.0.0.5/hook", "Must name its host, not give an IP address.")]
    [InlineData("https://169.254.169.254/metadata", "Must name its host, not give an IP address.")]
    [InlineData("https://[fd00::1]/hook", "Must name its host, not give an IP address.")]
    [InlineData("https://93.184.216.34/hook", "Must name its host, not give an IP address.")]
    [InlineData("https://localhost/hook", "Must not point to this machine (loopback).")]
    [InlineData("http://127.0.0.1:9000/hook", "Must not point to this machine (loopback).")]
    [InlineData("https://[::1]/hook", "Must not point to this machine (loopback).")]
    public void Problem_WithoutLoopback_RefusesWithItsReason(string url, string expected) =>
        Assert.Equal(expected, WebhookAddress.Problem(url, allowLoopback: false));

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("https://[::1]/hook")]
    public void Problem_LoopbackWhereAllowed_IsAccepted(string url) => Assert.Null(WebhookAddress.Problem(url, allowLoopback: true));

    [Fact]
    public void Problem_OverTwoThousandCharacters_IsRefused() =>
        Assert.NotNull(WebhookAddress.Problem("https://partner.example.org/" + new string('a', 2030), allowLoopback: false));

    [Theory]
    [InlineData("0.1.2.3")]
    [InlineData("10.1.2.3")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")]
    [InlineData("192.0.2.1")]
    [InlineData("192.168.1.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    public void IsPublic_InternalAddress_IsNot(string address) => Assert.False(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("1.1.1.1")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("192.167.1.1")]
    [InlineData("198.17.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("::ffff:93.184.216.34")]
    public void IsPublic_PublicAddress_Is(string address) => Assert.True(WebhookAddress.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true, true)]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("::1", true, true)]
    [InlineData("::ffff:127.0.0.1", false, false)]
    [InlineData("::ffff:127.0.0.1", true, true)]
    [InlineData("::ffff:127.0.0.2", true, true)]
    [InlineData("::ffff:127.255.0.1", false, false)]
    [InlineData("::ffff:10.0.0.1", true, false)]
    [InlineData("::ffff:93.184.216.34", false, true)]
    [InlineData("10.0.0.1", true, false)]
    [InlineData("1.1.1.1", false, true)]
    public void MaySendTo_LoopbackOnlyWhereAllowed(string address, bool allowLoopback, bool expected) =>
        Assert.Equal(expected, WebhookAddress.MaySendTo(IPAddress.Parse(address), allowLoopback));
}
