using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Routes;

/// <summary>
/// A bounded fuzz of every route the app maps (read from its own endpoint list, so a new page is covered without
/// touching this test): malformed route values, query strings, form posts and headers. None may answer 500.
/// </summary>
public sealed class MalformedRequestTests(SampleApp sample) : IClassFixture<SampleApp>
{
    // No %00 in a path: the server refuses it before routing (TestHost throws on it).
    static readonly string[] RouteValues = ["0", "-1", "99999999999999999999", "%FF", "a%2Fb", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", new string('x', 3000)];

    /// <summary>The keys the app's pages and endpoints read, and a few it does not.</summary>
    static readonly string[] QueryKeys = ["p", "page", "pageSize", "q", "actor", "topic", "outlet", "from", "to", "handler", "returnUrl", "code", "id"];

    static readonly string[] QueryValues = ["-1", "2147483648", "%00", "%01", "%EF%BF%BE", "%FF%FE", "%", "2025-13-45", new string('z', 5000)];

    static IEnumerable<string> Paths(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var pattern in endpoints.Select(e => e.RoutePattern).DistinctBy(p => p.RawText))
        {
            string raw = "/" + (pattern.RawText ?? "").TrimStart('/');
            if (pattern.Parameters.Count == 0) { yield return raw; continue; }
            foreach (string value in RouteValues)
                yield return "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => value,
                    _ => "",
                }))));
        }
    }

    [Fact]
    public async Task No_malformed_request_to_any_route_is_a_server_error()
    {
        var paths = Paths(sample.App.Services).ToList();
        Assert.Contains("/", paths);
        Assert.Contains(paths, p => p.StartsWith("/api/"));
        var random = new Random(20261202);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        async Task SendAsync(HttpRequestMessage request)
        {
            using (request)
            using (var response = await sample.Client.SendAsync(request))
            {
                if ((int)response.StatusCode >= 500)
                    failures.Enqueue($"{request.Method} {request.RequestUri} → {(int)response.StatusCode}");
            }
        }

        foreach (string path in paths)
        {
            // Every key with every value alone (one bad value must not hide behind another that fails first), then a few mixes.
            foreach (string key in QueryKeys)
                await Parallel.ForEachAsync(QueryValues, (value, _) => new(SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{path}?{key}={value}"))));
            string Query() => string.Join('&', Enumerable.Range(0, random.Next(2, 5))
                .Select(_ => $"{QueryKeys[random.Next(QueryKeys.Length)]}={QueryValues[random.Next(QueryValues.Length)]}"));
            for (int i = 0; i < 4; i++)
                await SendAsync(new HttpRequestMessage(HttpMethod.Get, path + "?" + Query()));

            var withHeaders = new HttpRequestMessage(HttpMethod.Get, path);
            withHeaders.Headers.TryAddWithoutValidation("Accept", "*/*;q=garbage, text/html;;;");
            withHeaders.Headers.TryAddWithoutValidation("If-Modified-Since", "yesterday");
            withHeaders.Headers.TryAddWithoutValidation("If-None-Match", "\"unterminated");
            withHeaders.Headers.TryAddWithoutValidation("Cookie", "newstracker.admin=%%%; .AspNetCore.Antiforgery.x=@@@");
            withHeaders.Headers.TryAddWithoutValidation("Accept-Language", "??-??;q=2");
            await SendAsync(withHeaders);

            await SendAsync(new HttpRequestMessage(HttpMethod.Post, path + "?" + Query())
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Password"] = "\0", ["NewFeedUrl"] = "file:///etc/passwd", ["__RequestVerificationToken"] = "forged" }),
            });
            await SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent("{\"broken\": ", System.Text.Encoding.UTF8, "application/json"),
            });
        }

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(30)));
    }

    [Fact]
    public async Task A_post_to_an_unknown_path_is_not_found()
    {
        using var response = await sample.Client.PostAsync("/no-such-page", new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
