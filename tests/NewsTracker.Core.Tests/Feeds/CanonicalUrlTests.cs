using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("https://News.Example.com/world/story?utm_source=rss&utm_medium=feed", "https://news.example.com/world/story")]
    [InlineData("https://example.com/a?id=7&fbclid=abc#comments", "https://example.com/a?id=7")]
    [InlineData("http://example.com:80/a?gclid=1&page=2&mc_cid=x", "http://example.com/a?page=2")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("https://example.com/a?id=1&ref=twitter", "https://example.com/a?id=1")]
    public void Tracking_parameters_fragments_and_case_of_the_host_do_not_matter(string url, string canonical) =>
        Assert.Equal(canonical, CanonicalUrl.Of(url));

    [Theory]
    [InlineData("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")]
    [InlineData("seed-000")]
    public void Anything_but_an_http_url_comes_back_unchanged(string id) => Assert.Equal(id, CanonicalUrl.Of(id));
}
