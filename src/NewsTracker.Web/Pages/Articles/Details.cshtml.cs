using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Pages.Articles;

/// <summary>One article: its stored text with every claim marked and attributed, and a link to the original.</summary>
public sealed class DetailsModel(NewsTrackerDb db) : PageModel
{
    public Article? Article { get; private set; }
    public List<List<TextSegment>> Paragraphs { get; private set; } = [];
    public List<string> TopicNames { get; private set; } = [];
    public int ClaimCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Article is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var claims = await db.Claims.Where(c => c.ArticleId == id).OrderBy(c => c.Start)
            .Select(c => new MarkedClaim(c.Start, c.End, c.Kind, c.Speaker!.Name, c.Speaker.Slug)).ToListAsync(ct);
        ClaimCount = claims.Count;
        TopicNames = await db.ArticleTopics.Where(t => t.ArticleId == id)
            .Join(db.Topics, at => at.TopicSlug, t => t.Slug, (at, t) => t.Name).OrderBy(n => n).ToListAsync(ct);
        Paragraphs = Segment(Article.Text, claims);
        return Page();
    }

    /// <summary>Splits the text into paragraphs of plain and claim segments; overlapping claims keep the first.</summary>
    internal static List<List<TextSegment>> Segment(string text, IReadOnlyList<MarkedClaim> claims)
    {
        var paragraphs = new List<List<TextSegment>>();
        int claimIndex = 0, start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            var segments = new List<TextSegment>();
            int at = start;
            while (claimIndex < claims.Count && claims[claimIndex].Start < end)
            {
                var claim = claims[claimIndex++];
                if (claim.Start < at || claim.End > end || claim.End <= claim.Start) continue; // overlaps, or crosses a paragraph
                if (claim.Start > at) segments.Add(new TextSegment(text[at..claim.Start], null));
                segments.Add(new TextSegment(text[claim.Start..claim.End], claim));
                at = claim.End;
            }
            if (at < end) segments.Add(new TextSegment(text[at..end], null));
            if (segments.Count > 0) paragraphs.Add(segments);
            start = end + 2;
        }
        return paragraphs;
    }
}

public sealed record MarkedClaim(int Start, int End, ClaimKind Kind, string Speaker, string SpeakerSlug);
public sealed record TextSegment(string Text, MarkedClaim? Claim);
