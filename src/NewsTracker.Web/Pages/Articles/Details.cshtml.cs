using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Web.Data;
using NewsTracker.Web.Pages.Events;

namespace NewsTracker.Web.Pages.Articles;

/// <summary>
/// One article: its stored text with every claim marked and attributed, and a link to the original. Every sentence a fact
/// was taken from (an event report's, a claim's) carries the id the other pages cite it by (see <see cref="SentenceLink"/>).
/// </summary>
public sealed class DetailsModel(NewsTrackerDb db) : PageModel
{
    public Article? Article { get; private set; }
    public List<List<TextPiece>> Paragraphs { get; private set; } = [];
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
        var claimRows = await db.Claims.Where(c => c.ArticleId == id)
            .Select(c => new { Mark = new Mark(c.Start, c.End, c.Kind, c.Speaker!.Name, c.Speaker.Slug), Sentence = new CitedSentence(c.SentenceStart, c.SentenceEnd) })
            .ToListAsync(ct);
        var claims = claimRows.Select(c => c.Mark).ToList();
        ClaimCount = claims.Count;
        var reported = await db.EventReports.Where(r => r.ArticleId == id).Select(r => new CitedSentence(r.SentenceStart, r.SentenceEnd)).ToListAsync(ct);
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
        Paragraphs = Segment(Article.Text, [.. claims.Concat(mentions).OrderBy(m => m.Start).ThenBy(m => m.Kind is null ? 1 : 0)],
            [.. claimRows.Select(c => c.Sentence).Concat(reported)]);
        return Page();
    }

    /// <summary>
    /// A paragraph as markup, built without template whitespace so marks sit exactly on their words. Text goes through
    /// Append (encoded); only the fixed tags go through AppendHtml.
    /// </summary>
    public static IHtmlContent Render(IReadOnlyList<TextPiece> paragraph)
    {
        var html = new HtmlContentBuilder();
        foreach (var piece in paragraph)
        {
            switch (piece)
            {
                case SentenceOpen open:
                    html.AppendHtml("<span class=\"sentence\" id=\"").Append(SentenceLink.Anchor(open.Anchor)).AppendHtml("\">");
                    break;
                case SentenceClose:
                    html.AppendHtml("</span>");
                    break;
                case TextSegment { Mark: { Kind: { } kind } claim } segment:
                    html.AppendHtml("<mark class=\"claim\" title=\"").Append($"{(kind == ClaimKind.Quote ? "Quote" : "Statement")} by {claim.Actor}")
                        .AppendHtml("\">").Append(segment.Text);
                    if (!segment.Continues)
                        html.AppendHtml("<a class=\"who\" href=\"/actors/").Append(claim.ActorSlug).AppendHtml("\">").Append(claim.Actor).AppendHtml("</a>");
                    html.AppendHtml("</mark>");
                    break;
                case TextSegment { Mark: { } mention } segment:
                    html.AppendHtml("<a class=\"mention\" href=\"/actors/").Append(mention.ActorSlug).AppendHtml("\" title=\"").Append(mention.Actor)
                        .AppendHtml("\">").Append(segment.Text).AppendHtml("</a>");
                    break;
                case TextSegment segment:
                    html.Append(segment.Text);
                    break;
            }
        }
        return html;
    }

    /// <summary>
    /// Splits the text into paragraphs of plain and marked segments, with each cited sentence's element opened and closed
    /// around its text; of overlapping marks the first is kept. Every cited sentence inside the text gets its element, so
    /// no citation points nowhere, whatever spans extraction produces: one starting between paragraphs opens at the next,
    /// one running past its paragraph or an enclosing sentence is cut there (elements must nest), and a mark crossing a
    /// sentence's edge is cut in two.
    /// </summary>
    internal static List<List<TextPiece>> Segment(string text, IReadOnlyList<Mark> marks, IReadOnlyList<CitedSentence> sentences)
    {
        // One element per start (citations name the start); the longest of the sentences that share it.
        var cited = sentences.Where(c => c.Start >= 0 && c.Start < text.Length).GroupBy(c => c.Start)
            .Select(g => new CitedSentence(g.Key, g.Max(c => c.End))).OrderBy(c => c.Start).ToList();
        var paragraphs = new List<List<TextPiece>>();
        int markIndex = 0, citedIndex = 0, start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;

            var paragraphMarks = new List<Mark>();
            int at = start;
            while (markIndex < marks.Count && marks[markIndex].Start < end)
            {
                var mark = marks[markIndex++];
                if (mark.Start < at || mark.End > end || mark.End <= mark.Start) continue; // overlaps, or crosses a paragraph
                paragraphMarks.Add(mark);
                at = mark.End;
            }

            // The paragraph's sentences as elements (anchor, from, to), outer before inner, each within the one enclosing it.
            var spans = new List<(int Anchor, int From, int To)>();
            for (; citedIndex < cited.Count && cited[citedIndex].Start < end; citedIndex++)
            {
                int from = Math.Max(cited[citedIndex].Start, start);
                spans.Add((cited[citedIndex].Start, from, Math.Clamp(cited[citedIndex].End, from, end)));
            }
            spans.Sort((x, y) => x.From != y.From ? x.From.CompareTo(y.From) : y.To.CompareTo(x.To));
            var enclosing = new Stack<int>();
            for (int i = 0; i < spans.Count; i++)
            {
                while (enclosing.Count > 0 && enclosing.Peek() <= spans[i].From) enclosing.Pop();
                if (enclosing.Count > 0 && spans[i].To > enclosing.Peek()) spans[i] = spans[i] with { To = enclosing.Peek() };
                enclosing.Push(spans[i].To);
            }

            var cuts = new SortedSet<int> { start, end };
            foreach (var span in spans) { cuts.Add(span.From); cuts.Add(span.To); }
            foreach (var mark in paragraphMarks) { cuts.Add(mark.Start); cuts.Add(mark.End); }

            var pieces = new List<TextPiece>();
            var open = new Stack<int>(); // ends of the open sentence elements, innermost on top
            int nextSpan = 0, nextMark = 0;
            int? previous = null;
            foreach (int cut in cuts)
            {
                if (previous is int from)
                {
                    while (nextMark < paragraphMarks.Count && paragraphMarks[nextMark].End <= from) nextMark++;
                    var mark = nextMark < paragraphMarks.Count && paragraphMarks[nextMark].Start <= from ? paragraphMarks[nextMark] : null;
                    pieces.Add(new TextSegment(text[from..cut], mark, mark is not null && cut < mark.End));
                }
                while (open.Count > 0 && open.Peek() == cut) { open.Pop(); pieces.Add(SentenceClose.Instance); }
                for (; nextSpan < spans.Count && spans[nextSpan].From == cut; nextSpan++)
                {
                    pieces.Add(new SentenceOpen(spans[nextSpan].Anchor));
                    if (spans[nextSpan].To == cut) pieces.Add(SentenceClose.Instance);
                    else open.Push(spans[nextSpan].To);
                }
                previous = cut;
            }
            if (pieces.Count > 0) paragraphs.Add(pieces);
            start = end + 2;
        }
        return paragraphs;
    }
}

/// <summary>A marked span of the text: a claim (Kind set, with its speaker) or a mention of an actor (Kind null).</summary>
public sealed record Mark(int Start, int End, ClaimKind? Kind, string Actor, string ActorSlug);
/// <summary>A sentence the other pages cite (an event report's, a claim's): its element's id is made from Start.</summary>
public sealed record CitedSentence(int Start, int End);

/// <summary>What a paragraph is rendered from: text, and where cited sentences' elements open and close around it.</summary>
public abstract record TextPiece;
/// <summary>Text, plain or marked. A mark cut by a sentence's edge comes in pieces; all but the last continue it.</summary>
public sealed record TextSegment(string Text, Mark? Mark, bool Continues = false) : TextPiece;
/// <summary>A cited sentence's element opens; <paramref name="Anchor"/> is the sentence's start as citations name it.</summary>
public sealed record SentenceOpen(int Anchor) : TextPiece;
public sealed record SentenceClose : TextPiece
{
    public static readonly SentenceClose Instance = new();
}

public sealed record ReportedEvent(int Id, EventType Type, bool Planned, string? Place, DateOnly? HappenedOn, DatePrecision Precision, List<string> Participants)
{
    public string Title => Timeline.EventTitles.Of(Type, Participants, Place);
    public string When => Timeline.EventTitles.When(HappenedOn, Precision, Planned) + (Planned && HappenedOn is not null ? ", planned" : "");
}
