using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsTracker.Core.ArticleText;
using NewsTracker.Core.Feeds;

namespace NewsTracker.Benchmarks;

/// <summary>
/// Realistic on-story article text, generated from the bundled sample feed (samples/ukraine-peace-talks.xml, copied
/// beside the benchmark) so a fresh clone needs no /work/shared. Each generated article is a random selection of the
/// sample's sentences plus template sentences with varied actors, places and numbers, so two articles share few
/// 3-word shingles and the app's near-duplicate check keeps them apart, while extraction still finds actors,
/// claims, events and topics in them.
/// </summary>
sealed partial class Corpus
{
    public static string SampleFeedPath => Path.Combine(AppContext.BaseDirectory, "samples", "ukraine-peace-talks.xml");
    public static string StoryPath => Path.Combine(AppContext.BaseDirectory, "stories", "ukraine-peace-talks.json");

    /// <summary>The sample feed's five items as article text (content:encoded through FragmentToText).</summary>
    public IReadOnlyList<string> SampleTexts { get; }
    public IReadOnlyList<FeedItem> SampleItems { get; }
    readonly string[] sentences;

    static readonly string[] Leaders = ["Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy", "Marco Rubio", "Steve Witkoff",
        "Sergei Lavrov", "Dmitry Peskov", "Andriy Yermak", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz", "Giorgia Meloni",
        "Alexander Stubb", "Mark Rutte", "Ursula von der Leyen", "Recep Tayyip Erdogan", "Keith Kellogg", "J.D. Vance", "Rustem Umerov", "Yuri Ushakov"];
    static readonly string[] Places = ["Geneva", "Istanbul", "Riyadh", "Washington", "Anchorage", "Brussels", "Paris", "Berlin", "London", "Rome", "Helsinki", "Abu Dhabi", "Doha", "Warsaw"];
    static readonly string[] Terms = ["security guarantees", "a ceasefire", "the front line", "sanctions", "a prisoner exchange", "NATO membership",
        "air defense", "a minerals deal", "the occupied territories", "a reassurance force", "tariffs", "military aid"];
    static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    static readonly string[] Verbs = ["said", "told reporters", "said in a statement", "wrote on social media", "told a news conference"];
    static readonly string[] Adjectives = ["constructive", "difficult", "productive", "premature", "serious", "frank", "useful", "disappointing"];
    static readonly string[] Words = ["officials", "diplomats", "analysts", "negotiators", "delegations", "allies", "envoys", "lawmakers",
        "markets", "governments", "commanders", "observers", "residents", "ministers", "advisers", "partners"];

    public Corpus()
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(SampleFeedPath), "application/rss+xml");
        SampleItems = feed.Items;
        SampleTexts = feed.Items.Select(i => ArticleHtml.FragmentToText(i.Content ?? i.Summary ?? "")).ToList();
        sentences = SampleTexts.SelectMany(t => SentenceEnd().Split(t.Replace("\n\n", " ")))
            .Select(s => s.Trim()).Where(s => s.Length > 40 && s.Length < 400).Distinct().ToArray();
    }

    [GeneratedRegex(@"(?<=[.!?][”""]?)\s+(?=[A-Z“""])")]
    private static partial Regex SentenceEnd();

    static T Pick<T>(Random r, T[] from) => from[r.Next(from.Length)];

    string TemplateSentence(Random r)
    {
        string a = Pick(r, Leaders), b = Pick(r, Leaders);
        while (b == a) b = Pick(r, Leaders);
        return r.Next(6) switch
        {
            0 => $"{a} met {b} in {Pick(r, Places)} on {Pick(r, Weekdays)} to discuss {Pick(r, Terms)}.",
            1 => $"“The talks on {Pick(r, Terms)} were {Pick(r, Adjectives)},” {a} {Pick(r, Verbs)} after speaking with {b} by phone.",
            2 => $"{a} {Pick(r, Verbs)} that {Pick(r, Terms)} would be on the agenda when {Pick(r, Words)} gather in {Pick(r, Places)} next week.",
            3 => $"{a} and {b} held a call on {Pick(r, Weekdays)} about {Pick(r, Terms)} and Ukraine, according to {Pick(r, Words)} in Kyiv.",
            4 => $"About {r.Next(2, 900)} {Pick(r, Words)} from {Pick(r, Places)} followed the {Pick(r, Adjectives)} session on {Pick(r, Terms)}, {r.Next(2, 60)} of them for the first time.",
            _ => $"{a} will visit {Pick(r, Places)} on {Pick(r, Weekdays)}, where {Pick(r, Words)} expect talks with {b} on {Pick(r, Terms)}.",
        };
    }

    /// <summary>An on-story article of about <paramref name="targetChars"/> characters, as paragraphs.</summary>
    public List<string> ArticleParagraphs(Random r, int targetChars = 4000)
    {
        var paragraphs = new List<string>();
        int length = 0;
        while (length < targetChars)
        {
            var p = new StringBuilder();
            int count = r.Next(2, 5);
            for (int i = 0; i < count; i++)
            {
                if (p.Length > 0) p.Append(' ');
                p.Append(r.Next(3) == 0 ? TemplateSentence(r) : Pick(r, sentences));
            }
            paragraphs.Add(p.ToString());
            length += p.Length + 2;
        }
        return paragraphs;
    }

    public static string ParagraphsToHtml(IEnumerable<string> paragraphs)
    {
        var html = new StringBuilder();
        foreach (var p in paragraphs)
            html.Append("<p>").Append(WebUtility.HtmlEncode(p).Replace("“", "&#8220;").Replace("”", "&#8221;")).Append("</p>\n");
        return html.ToString();
    }

    public string Headline(Random r) =>
        $"{Pick(r, Leaders)} and {Pick(r, Leaders)} discuss {Pick(r, Terms)} as Ukraine peace talks {(r.Next(2) == 0 ? "stall" : "resume")} in {Pick(r, Places)}";
}
