using System.Buffers;
using System.Text.RegularExpressions;

namespace NewsTracker.Core.ArticleText;

/// <summary>The kinds of page furniture that publishers and feeds mix into an article's paragraphs.</summary>
internal enum BoilerplateKind
{
    /// <summary>"By Jane Doe, Senior Editor", "Author: Jane Doe", "Published: 3 May 2025".</summary>
    Byline,
    /// <summary>Share, comment, reply and subscribe prompts, comment-form fine print.</summary>
    Engagement,
    /// <summary>"The post … appeared first on …", "original source", copyright, picture credits and republication notices.</summary>
    Syndication,
    /// <summary>Cookie, ad-block, copy-protection and JavaScript notices.</summary>
    SiteNotice,
    /// <summary>"Home » World »".</summary>
    Breadcrumb,
    /// <summary>Headings of "related", "recent", "you may also like" lists.</summary>
    RelatedList,
    /// <summary>"Tags: …" and tag clouds: runs of keywords with no sentence in them.</summary>
    TagList,
    /// <summary>A block that is mostly link text: navigation or a list of other articles.</summary>
    LinkList,
}

/// <summary>
/// Recognises boilerplate paragraphs by what kind of thing they are, not by site. Phrase rules only fire on
/// paragraphs short enough to be a notice, so an article that merely mentions comments or copyright keeps its prose.
/// </summary>
internal static partial class Boilerplate
{
    const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A byline: a credit word, then what reads as a name (a capital letter), and little else.
    [GeneratedRegex(@"^(?i:by|written by|posted by|reported by|story by|words by|text by|authors?|byline|reporter|editor)(?:\s*[:\-–—|]\s*|\s+)\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"^(?:author|authors|byline|written by|posted by)\s*:", Options)]
    private static partial Regex CreditLabel();

    [GeneratedRegex(@"^(?:published|updated|posted|last updated|first published|last modified)(?:\s+(?:on|at))?\s*[:\-–]?\s*\S.*\d", Options)]
    private static partial Regex Dateline();

    // Prompts a reader acts on; only notices are this short, so the rule is safe on prose.
    [GeneratedRegex(@"\b(?:leave|post|add|write|submit) (?:a |your )?(?:comment|reply)|\bno comments yet\b|^no comments?\W*$|\bstart the discussion\b|\bjoin the (?:discussion|conversation)\b|\bbe the first to comment\b|\byour email address will not be published\b|\brequired fields are marked\b|\bakismet\b|\bcomment data is processed\b|\bshare this (?:article|story|post|page)\b|^share (?:on|via|this)\b|\bshare your (?:thoughts|views|opinions?|comments)\b|\bin the comments(?: section)? below\b|\bin the comments section\b|\bclick (?:here|this link)\b|\bsign up (?:for|to)\b|\bsubscribe (?:(?:to|for) (?:our|my)|now|today|here)\b|\bfollow us\b|\blike us on\b|\bnewsletter (?:sign-?up|subscription)\b|\blog ?in to (?:comment|reply)\b|\btell us what you think\b|^follow\b.*\b(?:instagram|facebook|twitter|youtube|linkedin|tiktok|telegram)\b|\bjoin (?:our|the) (?:forums?|community|newsletter|mailing list)\b", Options)]
    private static partial Regex EngagementPhrase();

    // A row of share buttons or a bare comment counter.
    [GeneratedRegex(@"^(?:(?:\d+\s+)?(?:comments?|replies|reply|cancel reply|share|shares|tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit|telegram|messenger|copy link)\b\W*)+$", Options)]
    private static partial Regex ShareRow();

    [GeneratedRegex(@"\boriginal source of this\b|\b(?:article|story|post|piece|column) (?:was |is )?(?:originally|first) (?:published|appeared|posted)\b|^(?:originally|first) (?:published|appeared|posted)\b|\bappeared first on\b|\bowned and copyrighted\b|\bcopyright\s*(?:©|\(c\)|\d{4})|©\s*(?:\d{4}|copyright)|\ball rights reserved\b|\b(?:republished|reprinted|reproduced) (?:here )?with (?:kind )?permission\b|\b(?:used|provided|shared) (?:here )?for educational purposes\b|\bpublic rss feed\b|\b(?:content|article) is courtesy of\b|\b(?:read|view|see) (?:the )?(?:original|full) (?:article|story|post)\b|^continue reading\b|\bcontinue reading\W*$|^read more\b|\bread more\W*$|\bsubject to copyright\b|\bwithout (?:the )?(?:prior )?written permission\b", Options)]
    private static partial Regex SyndicationPhrase();

    // Every alternative of SyndicationPhrase contains one of these, or ©. Nearly all paragraphs it is tried on are
    // prose that contains none, and a vectorised search for them is many times cheaper than the alternation tried at
    // every word (it was 6% of ingestion's time). A test classifies an example of every alternative. The words are all
    // ASCII, so the search is the vectorised one: with © among them it folded case char by char, ten times slower.
    static readonly SearchValues<string> SyndicationWords = SearchValues.Create(
    [
        "original source", "originally published", "originally appeared", "originally posted", "first published", "first appeared",
        "first posted", "appeared first", "copyright", "rights reserved", "permission", "educational purposes", "rss feed",
        "courtesy of", "original article", "original story", "original post", "full article", "full story", "full post",
        "continue reading", "read more",
    ], StringComparison.OrdinalIgnoreCase);

    // Credit lines of pictures: "Photo: Jane Doe/Agency", "(Image credit: NASA)".
    [GeneratedRegex(@"^\(?(?:photo|image|picture|video|graphic|illustration|foto)s?(?: credit)?\s*(?::|by\b)|^\(?credits?\s*:", Options)]
    private static partial Regex PictureCredit();

    [GeneratedRegex(@"\bad ?-?block(?:er|ers|ing)?\b|\bdisabl\w* (?:your |the )?ad(?:s|blockers?|-?block)?\b|\bwhitelist(?:ing)? (?:us|our)|\bcontent is protected\b|\bright[- ]click\b|\bcopying (?:is )?(?:not allowed|prohibited|disabled)\b|\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent)\b|\baccept (?:all )?cookies\b|\b(?:enable|turn on) javascript\b|\bjavascript (?:is )?(?:disabled|required)\b|\brequires? javascript\b|^(?:advertisement|advert|advertising|sponsored|ad|ads|loading\W*)$", Options)]
    private static partial Regex SiteNoticePhrase();

    // "Home » World", or two » or › standing between words (one alone is a closing guillemet in French or Russian prose).
    [GeneratedRegex(@"^home\s*[»›>/|]|(?:\s[»›](?:\s|$).*){2}", Options)]
    private static partial Regex BreadcrumbMark();

    [GeneratedRegex(@"^(?:related|recent|popular|trending|latest|more|top|similar|recommended|most (?:read|popular|viewed|shared))\b.*\b(?:posts?|articles?|stories|threads?|news|content|reads?|videos?|topics?|headlines)$|^(?:related|recommended(?: for you)?|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:also|next)|also read|see also|more (?:from|on|in|like this)\b|don'?t miss|further reading|trending now|explore further)\b", Options)]
    private static partial Regex RelatedHeading();

    [GeneratedRegex(@"^(?:tags?|tagged(?: with)?|topics?|categories|category|filed under|keywords)\s*[:\-–]", Options)]
    private static partial Regex TagLabel();

    // Separators between tags or keywords; a hyphen counts only where it glues a lower-case end to a capital ("Trump-White House").
    static readonly Regex[] TagSeparators =
    [
        new(@"\s*\|\s*"), new(@"\s*[•·]\s*"), new(@"\s*,\s*"), new(@"\s*;\s*"), new(@"\s*/\s*"), new(@"\s+[-–—]\s+"), new(@"(?<=\p{Ll})-(?=\p{Lu})"),
    ];

    // Short English function words: prose and headings have them, keyword runs do not.
    static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "but", "with", "at", "by", "from", "as", "is",
        "are", "was", "were", "be", "has", "have", "had", "that", "this", "it", "its", "will", "would", "not", "he",
        "she", "they", "we", "you", "his", "her", "their", "our", "after", "over", "into", "about", "what", "how",
        "why", "who", "can", "could", "may", "should", "than", "if", "new", "up", "says", "said",
    };

    public static BoilerplateKind? Classify(TextBlock block)
    {
        string text = block.Text;
        int words = CountWords(text);

        // Headlines in link lists do not end with a full stop; a whole sentence under a link or two is prose
        // (an item of a news round-up). Many links in one "sentence" are a list or a pop-up card.
        if (block.LinkDensity >= 0.65 && !(words >= 12 && block.Links <= 2 && EndsLikeSentence(text)))
            return BoilerplateKind.LinkList;
        if (words <= 12 && (IsByline(text, words) || IsDateline(text, words)))
            return BoilerplateKind.Byline;
        if (words <= 8 && ShareRow().IsMatch(text))
            return BoilerplateKind.Engagement;
        if (words <= 40 && EngagementPhrase().IsMatch(text))
            return BoilerplateKind.Engagement;
        bool copyrightSign = text.Contains('©');
        if (words <= 120 && (copyrightSign || text.AsSpan().ContainsAny(SyndicationWords)) && SyndicationPhrase().IsMatch(text)
            || words <= 25 && (copyrightSign || PictureCredit().IsMatch(text)))
            return BoilerplateKind.Syndication;
        if (words <= 40 && SiteNoticePhrase().IsMatch(text))
            return BoilerplateKind.SiteNotice;
        if (words <= 25 && BreadcrumbMark().IsMatch(text))
            return BoilerplateKind.Breadcrumb;
        if (words <= 8 && RelatedHeading().IsMatch(text))
            return BoilerplateKind.RelatedList;
        if (words <= 60 && TagLabel().IsMatch(text))
            return BoilerplateKind.TagList;
        if (block.Kind != BlockKind.ListItem && IsKeywordRun(text, words))
            return BoilerplateKind.TagList;
        return null;
    }

    static bool IsByline(string text, int words)
    {
        if (CreditLabel().IsMatch(text))
            return true;
        // "By the time…" is a sentence, "By Jane Doe" is a credit: the credit names someone and ends without a full stop.
        return BylineStart().IsMatch(text) && words <= 10 && !EndsLikeSentence(text);
    }

    // "Published: 3 May 2025" is a dateline; "Published reports put the toll at 12." is a sentence.
    static bool IsDateline(string text, int words) =>
        Dateline().IsMatch(text) && (words <= 6 || !EndsLikeSentence(text));

    /// <summary>
    /// A tag cloud or keyword list: no sentence punctuation, (almost) no function words, and either split into
    /// several short items by separators or too long, repetitive or oddly cased to be a heading.
    /// </summary>
    static bool IsKeywordRun(string text, int words)
    {
        if (words < 3 || EndsLikeSentence(text) || StartsWithBullet(text) || !IsMostlyLatin(text))
            return false;
        var tokens = text.Split(' ');
        int functionWords = tokens.Count(t => FunctionWords.Contains(t.Trim(',', ';', '|')));
        if (functionWords * 7 > words)
            return false;
        if (IsSeparatedList(text))
            return true;
        // Commas, quotes and brackets belong to sentences in any language, and function words to English ones.
        if (functionWords > 0 || text.AsSpan().IndexOfAny(SentencePunctuation) >= 0)
            return false;
        bool repeats = tokens.Zip(tokens.Skip(1)).Any(p => string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
        return words >= 12 || repeats || (words >= 5 && char.IsLower(text[0]));
    }

    /// <summary>Three or more items of at most four words, all split by the same separator ("Ukraine | Russia | NATO").</summary>
    static bool IsSeparatedList(string text)
    {
        foreach (var separator in TagSeparators)
        {
            var items = separator.Split(text);
            if (items.Length >= 3 && items.All(i => i.Length > 0 && CountWords(i) <= 4))
                return true;
        }
        return false;
    }

    // A paragraph that starts with a bullet is an item of a list the article wrote out, such as a list of names.
    static bool StartsWithBullet(string text) => text[0] is '•' or '·' or '-' or '–' or '—' or '*' or '▪' or '►';

    static readonly SearchValues<char> SentencePunctuation = SearchValues.Create(",:;“”„\"«»()[]¿¡");

    static bool IsMostlyLatin(string text)
    {
        int letters = 0, latin = 0;
        foreach (char c in text)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (c <= '\u024F')
                latin++;
        }
        return letters > 0 && latin * 10 >= letters * 9;
    }

    internal static bool EndsLikeSentence(string text)
    {
        var span = text.AsSpan().TrimEnd("\"'”’»)]*".AsSpan());
        return span.Length > 0 && span[^1] is '.' or '!' or '?' or '…' or '。' or '！' or '？';
    }

    internal static int CountWords(string text)
    {
        if (text.Length == 0)
            return 0;
        return text.AsSpan().Count(' ') + 1;
    }
}
