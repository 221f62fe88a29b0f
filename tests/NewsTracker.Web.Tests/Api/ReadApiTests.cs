using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Api;

public sealed class ReadApiTests(SampleApp sample) : IClassFixture<SampleApp>
{
    async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await sample.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Events_page_through_every_event_once_following_next()
    {
        int total = await sample.App.WithDbAsync(db => db.Events.CountAsync());
        var seen = new List<int>();
        string? url = "/api/events?pageSize=5";
        while (url is not null)
        {
            var page = await GetJsonAsync(url);
            Assert.Equal(total, page.GetProperty("total").GetInt32());
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                int id = item.GetProperty("id").GetInt32();
                Assert.Equal($"/events/{id}", item.GetProperty("url").GetString());
                using var eventPage = await sample.Client.GetAsync(item.GetProperty("url").GetString());
                Assert.Equal(HttpStatusCode.OK, eventPage.StatusCode);
                seen.Add(id);
            }
            url = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
    }

    [Fact]
    public async Task Events_take_the_timeline_filters_and_carry_their_sources()
    {
        var page = await GetJsonAsync("/api/events?actor=vladimir-putin&topic=ceasefire");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e =>
        {
            Assert.Contains("vladimir-putin", e.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
            Assert.Contains("ceasefire", e.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
            Assert.NotEmpty(e.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("excerpt").GetString()));
        });
    }

    [Fact]
    public async Task Claims_filter_by_speaker_and_keep_their_spans()
    {
        var page = await GetJsonAsync("/api/claims?actor=donald-trump&pageSize=200");
        int expected = await sample.App.WithDbAsync(db => db.Claims.CountAsync(c => c.Speaker!.Slug == "donald-trump"));
        Assert.Equal(expected, page.GetProperty("total").GetInt32());
        Assert.All(page.GetProperty("items").EnumerateArray(), c =>
        {
            Assert.Equal("Donald Trump", c.GetProperty("speaker").GetProperty("name").GetString());
            Assert.True(c.GetProperty("end").GetInt32() > c.GetProperty("start").GetInt32());
        });
    }

    [Fact]
    public async Task Actors_and_articles_are_listed()
    {
        var actors = await GetJsonAsync("/api/actors?pageSize=200");
        Assert.Contains("Volodymyr Zelenskyy", actors.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var articles = await GetJsonAsync("/api/articles");
        Assert.Equal(5, articles.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/events?page=0")]
    [InlineData("/api/claims?pageSize=lots")]
    public async Task Malformed_paging_is_a_400_that_says_why(string url)
    {
        using var response = await sample.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("whole numbers", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_actor_is_a_404()
    {
        using var response = await sample.Client.GetAsync("/api/events?actor=nobody");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
