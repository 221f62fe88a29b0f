using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Events;

namespace NewsTracker.Web.Pages.Articles;

/// <summary>One article: its stored text with every claim marked and attributed, and a link to the original.</summary>
public sealed class DetailsModel(NewsTrackerDb db) : PageModel
{
    public Article? Article { get; private set; }
    public List<List<TextSegment>> Paragraphs { get; private set; } = [];
    public List<string> TopicNames { get; private set; } = [];
    public int ClaimCount { get; private set; }
    public List<ArticleOutlet> OtherOutlets { get; private set; } = [];
    public List<ReportedEvent> Events { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Article is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var claims = await db.Claims.Where(c => c.ArticleId == id)
            .Select(c => new Mark(c.Start, c.End, c.Kind, c.Speaker!.Name, c.Speaker.Slug)).ToListAsync(ct);
        ClaimCount = claims.Count;
        var mentions = await db.ActorMentions.Where(m => m.ArticleId == id)
            .Select(m => new Mark(m.Start, m.End, null, m.Actor!.Name, m.Actor.Slug)).ToListAsync(ct);
        OtherOutlets = await db.ArticleOutlets.AsNoTracking().Where(o => o.ArticleId == id && o.Url != Article.Url).OrderBy(o => o.SeenAt).ToListAsync(ct);
        var events = await db.EventReports.Where(r => r.ArticleId == id).Select(r => r.Event!).Distinct()
            .OrderBy(e => e.HappenedOn)
            .Select(e => new { e.Id, e.Type, e.Planned, e.Place, e.HappenedOn, e.DatePrecision })
            .ToListAsync(ct);
        var participants = await EventParticipantOrder.OfEventsAsync(db, events.Select(e => e.Id).ToList(), ct);
        Events = events.Select(e => new ReportedEvent(e.Id, e.Type, e.Planned, e.Place, e.HappenedOn, e.DatePrecision,
            participants[e.Id].Select(p => p.Name).ToList())).ToList();
        TopicNames = await db.ArticleTopics.Where(t => t.ArticleId == id)
            .Join(db.Topics, at => at.TopicSlug, t => t.Slug, (at, t) => t.Name).OrderBy(n => n).ToListAsync(ct);
        // Claims take precedence; a mention inside a claim stays part of the claim's mark.
        Paragraphs = Segment(Article.Text, [.. claims.Concat(mentions).OrderBy(m => m.Start).ThenBy(m => m.Kind is null ? 1 : 0)]);
        return Page();
    }

    /// <summary>
    /// A paragraph as markup, built without template whitespace so marks sit exactly on their words. Text goes through
    /// Append (encoded); only the fixed tags go through AppendHtml.
    /// </summary>
    public static IHtmlContent Render(IReadOnlyList<TextSegment> paragraph)
    {
        var html = new HtmlContentBuilder();
        foreach (var segment in paragraph)
        {
            switch (segment.Mark)
            {
                case { Kind: { } kind } claim:
                    html.AppendHtml("<mark class=\"claim\" title=\"").Append($"{(kind == ClaimKind.Quote ? "Quote" : "Statement")} by {claim.Actor}")
                        .AppendHtml("\">").Append(segment.Text)
                        .AppendHtml("<a class=\"who\" href=\"/actors/").Append(claim.ActorSlug).AppendHtml("\">").Append(claim.Actor).AppendHtml("</a></mark>");
                    break;
                case { } mention:
                    html.AppendHtml("<a class=\"mention\" href=\"/actors/").Append(mention.ActorSlug).AppendHtml("\" title=\"").Append(mention.Actor)
                        .AppendHtml("\">").Append(segment.Text).AppendHtml("</a>");
                    break;
                default:
                    html.Append(segment.Text);
                    break;
            }
        }
        return html;
    }

    /// <summary>Splits the text into paragraphs of plain and marked segments; of overlapping marks the first is kept.</summary>
    internal static List<List<TextSegment>> Segment(string text, IReadOnlyList<Mark> claims)
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

/// <summary>A marked span of the text: a claim (Kind set, with its speaker) or a mention of an actor (Kind null).</summary>
public sealed record Mark(int Start, int End, ClaimKind? Kind, string Actor, string ActorSlug);
public sealed record TextSegment(string Text, Mark? Mark);

public sealed record ReportedEvent(int Id, EventType Type, bool Planned, string? Place, DateOnly? HappenedOn, DatePrecision Precision, List<string> Participants)
{
    public string Title => Timeline.EventTitles.Of(Type, Participants, Place);
    public string When => Timeline.EventTitles.When(HappenedOn, Precision, Planned) + (Planned && HappenedOn is not null ? ", planned" : "");
}
