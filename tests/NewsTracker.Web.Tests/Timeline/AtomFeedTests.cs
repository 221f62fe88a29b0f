using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Web.Tests.Infrastructure;

namespace NewsTracker.Web.Tests.Timeline;

/// <summary>/timeline.atom is valid Atom (RFC 4287) whatever the store holds and whatever the request says.</summary>
public sealed class AtomFeedTests
{
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    static TestApp NewApp() => new(settings: new() { ["NewsTracker:PublicUrl"] = "https://tracker.example.org/" });

    /// <summary>The document parsed and validated against atom.xsd, then held to the RFC's cardinalities.</summary>
    static XDocument ValidAtom(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.w3.org/2005/Atom", Path.Combine(AppContext.BaseDirectory, "Timeline", "atom.xsd"));
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => Assert.Fail($"not valid Atom: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var doc = XDocument.Load(reader);

        var feed = doc.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (string one in (string[])["id", "title", "updated"])
            Assert.Single(feed.Elements(Atom + one));
        bool feedHasAuthor = feed.Elements(Atom + "author").Any();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (string one in (string[])["id", "title", "updated"])
                Assert.Single(entry.Elements(Atom + one));
            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any(), "an entry without an author, in a feed without one");
        }
        return doc;
    }

    [Fact]
    public async Task The_feed_is_valid_atom_with_links_from_the_configured_address_not_the_host_header()
    {
        await using var app = NewApp();
        await app.IngestAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/timeline.atom?actor=vladimir-putin");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);
        string xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var doc = ValidAtom(xml);
        Assert.DoesNotContain("evil.example", xml);
        var entries = doc.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Matches(@"^https://tracker\.example\.org/events/\d+$", e.Element(Atom + "id")!.Value));
        // A reader of the feed follows an entry to the event's own page.
        Assert.All(entries, e => Assert.Equal(e.Element(Atom + "id")!.Value,
            e.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value));
        Assert.Equal("https://tracker.example.org/timeline.atom?actor=vladimir-putin",
            doc.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Theory]
    [InlineData("/timeline.atom")]
    [InlineData("/timeline.atom?q=%00")]
    [InlineData("/timeline.atom?q=%01")]
    [InlineData("/timeline.atom?q=%EF%BF%BE")]
    [InlineData("/timeline.atom?outlet=%01")]
    public async Task Characters_xml_forbids_in_the_store_or_the_query_are_dropped(string url)
    {
        await using var app = NewApp();
        await app.IngestAsync();
        // Stored text with a control character inside the reported sentences (one char for another, so spans still fit).
        await app.WithDbAsync(db => db.Articles.ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Text, a => a.Text.Replace("Putin", "Put\u0001n"))
            .SetProperty(a => a.Title, a => a.Title + "\u000F")));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(url);
        string xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var doc = ValidAtom(xml);
        if (url == "/timeline.atom")
            Assert.Contains(doc.Descendants(Atom + "content"), c => c.Value.Contains("Putn"));
    }
}
