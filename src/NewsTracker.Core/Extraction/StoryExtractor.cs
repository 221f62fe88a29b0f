using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>
/// Extracts a story's actors, claims, events and topics from one article's plain text. Build one per story and
/// reuse it: the constructor compiles the story's aliases and terms into tries, and <see cref="Extract"/> keeps
/// all its state in locals, so one instance serves any number of threads at once.
/// </summary>
public sealed class StoryExtractor : IArticleExtractor
{
    readonly ActorMatcher actorMatcher;
    readonly TopicTagger topicTagger;

    public StoryExtractor(StoryDefinition story)
    {
        Story = story;
        actorMatcher = new ActorMatcher(story);
        topicTagger = new TopicTagger(story);
    }

    public StoryDefinition Story { get; }

    /// <param name="text">The article's plain text, paragraphs separated by line breaks.</param>
    /// <param name="published">When it was published: relative dates ("last Friday") are resolved against its date.</param>
    public ExtractionResult Extract(string text, DateTimeOffset published)
    {
        ArgumentNullException.ThrowIfNull(text);
        var article = new ArticleText(text);
        var (actors, mentions) = actorMatcher.Find(article);
        var speakers = new SpeakerResolver(article, actors, mentions);
        var topics = topicTagger.Tag(article);

        var raw = QuoteFinder.Find(article, speakers);
        raw.AddRange(StatementFinder.Find(article, speakers, raw));
        raw.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        var claims = raw.Select(c => new ExtractedClaim(actors[c.Speaker].Name, c.Span.Of(text), c.Kind, c.Span, c.Sentence, ClaimTopics(c, topics))).ToList();

        var events = EventFinder.Find(article, actors, mentions, speakers, DateOnly.FromDateTime(published.Date));

        var named = mentions.Where(m => m.ByName).ToList();
        var order = named.Select(m => m.Actor).Distinct().ToList();
        var extractedActors = order.Select(i => ToExtracted(actors[i])).ToList();
        var actorMentions = named.Select(m => new ActorMention(actors[m.Actor].Name,
            new TextSpan(article.Tokens[m.First].Start, article.Tokens[m.Last].End),
            article.Sentences[article.SentenceOfToken[m.First]])).ToList();
        return new ExtractionResult(extractedActors, actorMentions, claims, events, topics);
    }

    ExtractedActor ToExtracted(ArticleActor a)
    {
        IReadOnlyList<string> aliases = a.Discovered
            ? a.Forms.Where(f => f != a.Name).ToList()
            : Story.Actors.First(s => s.Name == a.Name).Aliases;
        return new ExtractedActor(a.Name, a.Kind, a.Role, aliases, a.Discovered);
    }

    /// <summary>The topics named inside the claim; when none are, the topics of its sentence.</summary>
    static IReadOnlyList<string> ClaimTopics(RawClaim claim, List<TopicMention> topics)
    {
        var inside = topics.Where(t => t.Span.Start >= claim.Span.Start && t.Span.End <= claim.Span.End).Select(t => t.Slug).Distinct().ToList();
        if (inside.Count > 0) return inside;
        return topics.Where(t => t.Span.Start >= claim.Sentence.Start && t.Span.End <= claim.Sentence.End).Select(t => t.Slug).Distinct().ToList();
    }
}
