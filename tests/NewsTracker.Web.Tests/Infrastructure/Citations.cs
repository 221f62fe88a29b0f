using AngleSharp.Dom;
using System.Text.RegularExpressions;

namespace NewsTracker.Web.Tests.Infrastructure;

/// <summary>Links to one sentence of an article (/articles/{id}#s{start}) and the sentence the article page gives that id.</summary>
public static partial class Citations
{
    [GeneratedRegex(@"^/articles/(\d+)#s(\d+)$")]
    private static partial Regex Pattern();

    public static (int ArticleId, int Start)? Parse(string? href) =>
        href is not null && Pattern().Match(href) is { Success: true } m ? (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)) : null;

    /// <summary>Every article link inside <paramref name="scope"/>, parsed; fails on an article link that does not cite a sentence.</summary>
    public static List<(int ArticleId, int Start)> In(IElement scope) =>
        scope.QuerySelectorAll("a[href^='/articles/']").Select(a =>
            Parse(a.GetAttribute("href")) ?? throw new Xunit.Sdk.XunitException($"an article link that cites no sentence: {a.OuterHtml}")).ToList();

    /// <summary>
    /// The text of the element the article page gives the cited sentence (without the speaker labels of its claims), or
    /// null when it has none. Article pages are fetched once per <paramref name="pages"/>.
    /// </summary>
    public static async Task<string?> SentenceAsync(HttpClient client, Dictionary<int, IDocument> pages, int articleId, int start)
    {
        if (!pages.TryGetValue(articleId, out var page))
            pages[articleId] = page = await client.GetDocumentAsync($"/articles/{articleId}");
        var element = page.GetElementById($"s{start}");
        if (element is null) return null;
        Assert.Contains("sentence", element.ClassList);
        var copy = (IElement)element.Clone();
        foreach (var label in copy.QuerySelectorAll(".who")) label.Remove();
        return copy.TextContent;
    }

    public static string Squash(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
