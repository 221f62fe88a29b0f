using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace NewsTracker.Core.ArticleText;

/// <summary>
/// A page's title, first h1 (<see cref="Headline"/>), canonical URL, publication time and author, from its meta
/// tags and JSON-LD.
/// </summary>
internal sealed record PageMetadata(string? Title, string? Headline, string? CanonicalUrl, DateTimeOffset? Published, string? Author)
{
    static readonly string[] PublishedMetaNames =
        ["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date"];

    static readonly string[] AuthorMetaNames = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author"];

    /// <summary>
    /// Collects metadata from elements as a page walk meets them, so the page is walked once for its text and
    /// its metadata together; a selector query per field would walk it again each time.
    /// </summary>
    internal sealed class Reader
    {
        readonly Dictionary<string, string> meta = new(StringComparer.OrdinalIgnoreCase);
        readonly List<string> jsonLdScripts = [];
        string? titleElement, headline, canonical, timeElement;

        /// <summary>Observes <paramref name="root"/> and every element under it.</summary>
        public void ObserveTree(IElement? root)
        {
            if (root is null)
                return;
            var pending = new Stack<IElement>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var element = pending.Pop();
                Observe(element);
                // Indexing ChildNodes, not following sibling links: AngleSharp finds a sibling by scanning the parent's children.
                var children = element.ChildNodes;
                for (int i = children.Length - 1; i >= 0; i--)
                {
                    if (children[i] is IElement child)
                        pending.Push(child);
                }
            }
        }

        public void Observe(IElement element)
        {
            switch (element.LocalName)
            {
                case "meta":
                    string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
                    string? value = Clean(element.GetAttribute("content"));
                    if (key is not null && value is not null)
                        meta.TryAdd(key, value);
                    break;
                case "link" when canonical is null && HasToken(element.GetAttribute("rel"), "canonical"):
                    canonical = element.GetAttribute("href");
                    break;
                case "script" when element.GetAttribute("type") == "application/ld+json":
                    jsonLdScripts.Add(element.TextContent);
                    break;
                case "title" when titleElement is null:
                    titleElement = Clean(element.TextContent);
                    break;
                case "h1" when headline is null:
                    headline = Clean(element.TextContent);
                    break;
                case "time" when timeElement is null:
                    timeElement = element.GetAttribute("datetime");
                    break;
            }
        }

        JsonLdArticle? jsonLd;
        bool jsonLdRead;

        /// <summary>The page's schema.org article in JSON-LD, parsed on first use.</summary>
        public JsonLdArticle? JsonLd()
        {
            if (!jsonLdRead)
            {
                jsonLd = JsonLdArticle.Read(jsonLdScripts);
                jsonLdRead = true;
            }
            return jsonLd;
        }

        public PageMetadata Finish(string? pageUrl)
        {
            string? title = First(meta, "og:title", "twitter:title");
            DateTimeOffset? published = PublishedMetaNames.Select(n => ParseTime(First(meta, n))).FirstOrDefault(t => t is not null);
            string? author = AuthorMetaNames.Select(n => First(meta, n)).FirstOrDefault(a => a is not null && !LooksLikeUrl(a));
            // JSON-LD can run to tens of kilobytes: parse it only for what the meta tags did not say.
            if (title is null || published is null || author is null)
            {
                var jsonLd = JsonLd();
                title ??= jsonLd?.Headline ?? titleElement ?? headline;
                published ??= ParseTime(jsonLd?.DatePublished) ?? ParseTime(timeElement);
                author ??= jsonLd?.Author;
            }
            return new PageMetadata(title, headline, Resolve(canonical ?? First(meta, "og:url"), pageUrl), published, author);
        }
    }

    static bool HasToken(string? list, string token) =>
        list is not null && list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);

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
        public static JsonLdArticle? Read(IEnumerable<string> scripts)
        {
            foreach (string script in scripts)
            {
                try
                {
                    using var json = JsonDocument.Parse(script, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (FindArticle(json.RootElement) is { } article)
                        return new JsonLdArticle(Text(article, "headline"), Text(article, "datePublished"), AuthorName(article), RawText(article, "articleBody"));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    // Hand-written JSON-LD is often invalid; the page's other metadata still counts. A string with
                    // half a surrogate pair escaped ("\ud800") parses, and only reading it throws InvalidOperationException.
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

        // Line breaks kept: they are the body's paragraph breaks.
        static string? RawText(JsonElement node, string property) =>
            node.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
