using System.Globalization;
using System.Net;
using System.Text;

namespace NewsTracker.Benchmarks;

/// <summary>Real-shaped RSS 2.0 and Atom feeds: titles, links, guids, dates, authors, a summary and a few KB of HTML content each.</summary>
static class FeedGenerator
{
    public sealed record Item(string Guid, string Link, string Title, DateTimeOffset Published, string Author, string Summary, string Html);

    public static Item MakeItem(Corpus corpus, Random r, string host, int n, DateTimeOffset published, int textChars = 4000)
    {
        var paragraphs = corpus.ArticleParagraphs(r, textChars);
        // A unique first line: distinct on-story text per item, so none is a near-duplicate of another.
        paragraphs.Insert(0, $"Dispatch {n} from {host}: Ukraine peace talks, day {r.Next(1, 400)}, reported at {published:HH:mm} with {r.Next(100, 99999)} readers waiting.");
        return new Item($"{host}-{n}-{r.Next():x}", $"https://{host}/2025/{published:MM/dd}/story-{n}", corpus.Headline(r), published,
            $"Reporter {r.Next(1, 200)}", paragraphs[1], Corpus.ParagraphsToHtml(paragraphs));
    }

    public static string Rss(string title, string host, IEnumerable<Item> items)
    {
        var xml = new StringBuilder();
        xml.Append($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
              <title>{WebUtility.HtmlEncode(title)}</title>
              <link>https://{host}/</link>
              <description>World news from {host}</description>
              <language>en-gb</language>
              <atom:link href="https://{host}/rss.xml" rel="self" type="application/rss+xml"/>

            """);
        foreach (var i in items)
        {
            xml.Append($"""
                  <item>
                    <title>{WebUtility.HtmlEncode(i.Title)}</title>
                    <link>{i.Link}?utm_source=rss&amp;utm_medium=feed</link>
                    <guid isPermaLink="false">{i.Guid}</guid>
                    <pubDate>{i.Published.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture)}</pubDate>
                    <dc:creator>{i.Author}</dc:creator>
                    <category>Europe</category><category>Ukraine</category>
                    <description>{WebUtility.HtmlEncode(i.Summary)}</description>
                    <content:encoded><![CDATA[{i.Html}]]></content:encoded>
                  </item>

                """);
        }
        xml.Append("</channel>\n</rss>\n");
        return xml.ToString();
    }

    public static string Atom(string title, string host, IEnumerable<Item> items)
    {
        var xml = new StringBuilder();
        xml.Append($"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
              <title>{WebUtility.HtmlEncode(title)}</title>
              <id>tag:{host},2025:feed</id>
              <link rel="alternate" href="https://{host}/"/>
              <link rel="self" href="https://{host}/atom.xml"/>
              <updated>2025-08-20T12:00:00Z</updated>

            """);
        foreach (var i in items)
        {
            xml.Append($"""
                  <entry>
                    <title type="html">{WebUtility.HtmlEncode(i.Title)}</title>
                    <link rel="alternate" type="text/html" href="{i.Link}"/>
                    <id>tag:{host},2025:{i.Guid}</id>
                    <published>{i.Published.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</published>
                    <updated>{i.Published.UtcDateTime.AddMinutes(30):yyyy-MM-ddTHH:mm:ssZ}</updated>
                    <author><name>{i.Author}</name></author>
                    <summary type="text">{WebUtility.HtmlEncode(i.Summary)}</summary>
                    <content type="html">{WebUtility.HtmlEncode(i.Html)}</content>
                  </entry>

                """);
        }
        xml.Append("</feed>\n");
        return xml.ToString();
    }

    /// <summary>A feed of about <paramref name="targetBytes"/> bytes (UTF-8).</summary>
    public static byte[] OfSize(Corpus corpus, bool atom, int targetBytes, int seed = 1)
    {
        var r = new Random(seed);
        var items = new List<Item>();
        var start = new DateTimeOffset(2025, 8, 1, 0, 0, 0, TimeSpan.Zero);
        // ~6 KB per item in RSS (content + summary + markup); grow until the size is reached.
        string text = "";
        for (int n = 0; ; n += 100)
        {
            for (int k = 0; k < 100; k++)
                items.Add(MakeItem(corpus, r, "news.example", n + k, start.AddMinutes(17 * (n + k))));
            text = atom ? Atom("Example News", "news.example", items) : Rss("Example News", "news.example", items);
            if (Encoding.UTF8.GetByteCount(text) >= targetBytes) break;
        }
        return Encoding.UTF8.GetBytes(text);
    }
}
