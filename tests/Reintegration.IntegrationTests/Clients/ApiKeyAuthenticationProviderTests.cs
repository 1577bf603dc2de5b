using Microsoft.Kiota.Abstractions;
using Reintegration.Client;

namespace Reintegration.IntegrationTests.Clients;

public sealed class ApiKeyAuthenticationProviderTests
{
    [Theory]
    [InlineData("https://reintegration.azurewebsites.net/api/centres/me")]
    [InlineData("http://127.0.0.1:7071/api/centres/me")]
    [InlineData("http://127.0.0.2:7071/api/centres/me")]
    [InlineData("http://localhost:7071/api/centres/me")]
    [InlineData("http://[::1]:7071/api/centres/me")]
    public async Task Key_OverHttpsOrToLoopback_IsSentInXApiKey(string url)
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };

        await new ApiKeyAuthenticationProvider("rc_secret").AuthenticateRequestAsync(request);

        Assert.Equal(["rc_secret"], request.Headers["x-api-key"]);
    }

    [Theory]
    [InlineData("http://reintegration.azurewebsites.net/api/centres/me")]
    [InlineData("http://10.0.0.5:7071/api/centres/me")]
    [InlineData("http://127.0.0.1.example.org/api/centres/me")]
    [InlineData("ftp://127.0.0.1/api/centres/me")]
    public async Task Key_OverPlainHttpToAnotherMachine_IsRefusedBeforeAnythingIsSent(string url)
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };

        await Assert.ThrowsAsync<ArgumentException>(() => new ApiKeyAuthenticationProvider("rc_secret").AuthenticateRequestAsync(request));
        Assert.False(request.Headers.ContainsKey("x-api-key"));
    }

    [Fact]
    public async Task Client_ToAnHttpAddressOfAnotherMachine_FailsWithoutSendingTheKey()
    {
        using var http = new HttpClient(new RefusingHandler());
        var client = ReintegrationClientFactory.Create(new Uri("http://reintegration.example.org"), "rc_secret", http);

        await Assert.ThrowsAsync<ArgumentException>(() => client.Api.Centres.Me.GetAsync());
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Nothing may be sent.");
    }
}
