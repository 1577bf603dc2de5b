using System.Net;
using System.Text;

namespace Reintegration.Demo.Loader.Tests;

public sealed class ApiClientTests
{
    private static readonly RetryPolicy NoWait = new() { MaxAttempts = 3, BaseDelay = TimeSpan.Zero };

    [Fact]
    public async Task SendAsync_ServiceUnavailableThenOk_TriesAgainAndReturnsTheAnswer()
    {
        var handler = new ScriptedHandler(Unavailable(), Answer(HttpStatusCode.OK, "{}"));
        var warnings = new List<string>();

        var response = await Client(handler, warnings).SendAsync(HttpMethod.Get, "/api/health", "k", null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(2, handler.Calls);
        Assert.Contains("503", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AlwaysUnavailable_StopsAfterMaxAttemptsWithThe503()
    {
        var handler = new ScriptedHandler(Unavailable(), Unavailable(), Unavailable(), Answer(HttpStatusCode.OK, "{}"));

        var response = await Client(handler, []).SendAsync(HttpMethod.Get, "/api/health", "k", null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
        Assert.Equal(NoWait.MaxAttempts, handler.Calls);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedThenOk_TriesAgain()
    {
        var handler = new ScriptedHandler(() => throw new HttpRequestException("Connection refused"), Answer(HttpStatusCode.OK, "{}"));

        var response = await Client(handler, []).SendAsync(HttpMethod.Get, "/api/health", "k", null, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task SendAsync_NeverConnects_FailsAfterMaxAttempts()
    {
        var handler = new ScriptedHandler(Enumerable.Repeat<Func<HttpResponseMessage>>(() => throw new HttpRequestException("Connection refused"), 5).ToArray());

        await Assert.ThrowsAsync<ApiFailure>(() => Client(handler, []).SendAsync(HttpMethod.Get, "/api/health", "k", null, CancellationToken.None));
        Assert.Equal(NoWait.MaxAttempts, handler.Calls);
    }

    [Fact]
    public async Task PostAsync_BadRequest_IsNotRetriedAndFailsWithTheProblem()
    {
        var problem = """{"title":"One or more fields are invalid","status":400,"detail":"Fix them.","errors":{"[3].home.city":["Unknown city."]}}""";
        var handler = new ScriptedHandler(Answer(HttpStatusCode.BadRequest, problem));

        var failure = await Assert.ThrowsAsync<ApiFailure>(() => Client(handler, []).PostAsync(
            "/api/centres", "k", new CentreRegistration("C", "TJ", null, "ru"),
            LoaderJsonContext.Default.CentreRegistration, LoaderJsonContext.Default.RegisteredCentre, CancellationToken.None));

        Assert.Equal(1, handler.Calls);
        Assert.Contains("[3].home.city: Unknown city.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SendsTheKeyAndJsonBody()
    {
        var handler = new ScriptedHandler(Answer(HttpStatusCode.OK, "{}"));

        await Client(handler, []).SendAsync(HttpMethod.Post, "/api/openings", "secret", "[]"u8.ToArray(), CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://api.test/api/openings", request.Uri);
        Assert.Equal("secret", request.Key);
        Assert.Equal("application/json", request.MediaType);
    }

    private static ApiClient Client(ScriptedHandler handler, List<string> warnings) =>
        new(new HttpClient(handler), "http://api.test", NoWait, TimeProvider.System, warnings.Add);

    private static Func<HttpResponseMessage> Unavailable() => () =>
    {
        var response = Answer(HttpStatusCode.ServiceUnavailable, "")();
        response.Headers.Add("Retry-After", "0");
        return response;
    };

    private static Func<HttpResponseMessage> Answer(HttpStatusCode status, string json) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public List<(string Uri, string? Key, string? MediaType)> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!.ToString(), request.Headers.GetValues("x-api-key").SingleOrDefault(), request.Content?.Headers.ContentType?.MediaType));
            return Task.FromResult(answers[Calls++]());
        }
    }
}
