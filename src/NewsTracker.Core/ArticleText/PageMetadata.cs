using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>A page's title, canonical URL, publication time and author, from its meta tags and JSON-LD.</summary>
internal sealed record PageMetadata(string? Title, string? CanonicalUrl, DateTimeOffset? Published, string? Author)
{
    static readonly string[] PublishedMetaNames =
        ["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"];

    static readonly string[] AuthorMetaNames = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"];

    public static PageMetadata Read(IDocument document, string? pageUrl)
    {
        var meta = MetaContents(document);
        var jsonLd = JsonLdArticle.Read(document);

        string? title = First(meta, "og:title", "twitter:title") ?? jsonLd?.Headline ?? Clean(document.Title);
        string? canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href") ?? First(meta, "og:url");
        DateTimeOffset? published = PublishedMetaNames.Select(n => ParseTime(First(meta, n))).FirstOrDefault(t => t is not null)
            ?? ParseTime(jsonLd?.DatePublished)
            ?? ParseTime(document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        string? author = AuthorMetaNames.Select(n => First(meta, n)).FirstOrDefault(a => a is not null && !LooksLikeUrl(a))
            ?? jsonLd?.Author;
        return new PageMetadata(title, Resolve(canonical, pageUrl), published, author);
    }

    /// <summary>meta name/property/itemprop → content, first occurrence wins; keys compared case-insensitively.</summary>
    static Dictionary<string, string> MetaContents(IDocument document)
    {
        var contents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta[content], [itemprop][datetime]"))
        {
            string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            string? value = Clean(element.GetAttribute("content") ?? element.GetAttribute("datetime"));
            if (key is not null && value is not null)
                contents.TryAdd(key, value);
        }
        return contents;
    }

    static string? First(Dictionary<string, string> meta, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (meta.TryGetValue(key, out string? value))
                return value;
        }
        return null;
    }

    static string? Clean(string? text)
    {
        if (text is null)
            return null;
        string collapsed = ArticleTextFormat.CollapseWhitespace(text);
        return collapsed.Length == 0 ? null : collapsed;
    }

    static bool LooksLikeUrl(string text) => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    static string? Resolve(string? url, string? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            return absolute.ToString();
        if (pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var baseUri) && Uri.TryCreate(baseUri, url, out var resolved))
            return resolved.ToString();
        return null;
    }

    /// <summary>The fields of the page's schema.org article in JSON-LD (NewsArticle, BlogPosting…), if it has one.</summary>
    internal sealed record JsonLdArticle(string? Headline, string? DatePublished, string? Author, string? ArticleBody)
    {
        public static JsonLdArticle? Read(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (FindArticle(json.RootElement) is { } article)
                        return new JsonLdArticle(Text(article, "headline"), Text(article, "datePublished"), AuthorName(article), Text(article, "articleBody"));
                }
                catch (JsonException)
                {
                    // Hand-written JSON-LD is often invalid; the page's other metadata still counts.
                }
            }
            return null;
        }

        static JsonElement? FindArticle(JsonElement node)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        if (FindArticle(item) is { } found)
                            return found;
                    }
                    return null;
                case JsonValueKind.Object:
                    if (node.TryGetProperty("@type", out var type) && IsArticleType(type))
                        return node;
                    return node.TryGetProperty("@graph", out var graph) ? FindArticle(graph) : null;
                default:
                    return null;
            }
        }

        static bool IsArticleType(JsonElement type) => type.ValueKind switch
        {
            JsonValueKind.String => type.GetString()!.EndsWith("Article", StringComparison.Ordinal) || type.GetString() is "BlogPosting" or "Report",
            JsonValueKind.Array => type.EnumerateArray().Any(IsArticleType),
            _ => false,
        };

        static string? Text(JsonElement node, string property) =>
            node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : null;

        static string? AuthorName(JsonElement article)
        {
            if (!article.TryGetProperty("author", out var author))
                return null;
            if (author.ValueKind == JsonValueKind.Array)
                author = author.EnumerateArray().FirstOrDefault();
            return author.ValueKind switch
            {
                JsonValueKind.String => Clean(author.GetString()),
                JsonValueKind.Object => Text(author, "name"),
                _ => null,
            };
        }
    }
}
