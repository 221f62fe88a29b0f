using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;

namespace NewsTracker.Web.Data;

public enum FeedStatus { Active, Paused }

/// <summary>A feed the ingestor polls: an http(s) URL or a local file path.</summary>
public sealed class Feed
{
    public int Id { get; set; }
    public required string Url { get; set; }
    public string? Title { get; set; }
    public FeedStatus Status { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? LastFetchedAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public DateTimeOffset? NextFetchAt { get; set; }
    /// <summary>Why the last fetch failed, in words a user can act on; null when it succeeded.</summary>
    public string? LastError { get; set; }
    /// <summary>
    /// What the last successful refresh had to drop to read the feed (characters XML forbids), in words; null when
    /// nothing. The feed works, so this is no error: it says what its publisher could fix.
    /// </summary>
    public string? LastWarning { get; set; }
    public int ConsecutiveErrors { get; set; }
    public int ItemsStored { get; set; }
    public int ItemsSkippedOffStory { get; set; }
    /// <summary>Items recognised as copies of an article already stored (another outlet, same text).</summary>
    public int ItemsDuplicate { get; set; }

    /// <summary>Validators from the last response, sent back so an unchanged feed costs a 304 and no parsing.</summary>
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    /// <summary>The interval this feed is polled at, adapted to how often it publishes; 0 until first known.</summary>
    public int PollIntervalSeconds { get; set; }
    /// <summary>Why the feed was paused: by the administrator, or automatically after failing too often.</summary>
    public string? PausedReason { get; set; }

    /// <summary>The instance fetching this feed now, when several share the store (see FeedLeases), and until when.</summary>
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
}

/// <summary>One stored article: its clean main text and where it came from.</summary>
public sealed class Article
{
    public int Id { get; set; }
    public int? FeedId { get; set; }
    public Feed? Feed { get; set; }
    /// <summary>The feed item's guid/id, when it had one: the first key for "seen before".</summary>
    public string? Guid { get; set; }
    /// <summary>The item's link as published.</summary>
    public required string Url { get; set; }
    /// <summary>The link without tracking parameters and fragment, or the page's rel=canonical: the second key for "seen before".</summary>
    public required string CanonicalUrl { get; set; }
    /// <summary>SimHash of the text (see TextFingerprint): the third key, for the same text under another URL or outlet.</summary>
    public long? Fingerprint { get; set; }
    public required string Title { get; set; }
    /// <summary>The outlet: the feed's title, or the link's host.</summary>
    public required string Source { get; set; }
    public string? Author { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset FetchedAt { get; set; }
    /// <summary>Main text, paragraphs split by a blank line; every span of every extracted fact indexes into it.</summary>
    public required string Text { get; set; }
    /// <summary>When extraction last ran; null while it is pending.</summary>
    public DateTimeOffset? ExtractedAt { get; set; }

    public List<ArticleOutlet> Outlets { get; set; } = [];
    public List<ActorMentionRow> Mentions { get; set; } = [];
    public List<Claim> Claims { get; set; } = [];
    public List<ArticleTopic> Topics { get; set; } = [];
    public List<EventReport> EventReports { get; set; } = [];
}

/// <summary>An outlet and URL that carried an article: the first one, and every syndicated copy found later.</summary>
public sealed class ArticleOutlet
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int? FeedId { get; set; }
    public required string Url { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset SeenAt { get; set; }
}

public sealed class Actor
{
    public int Id { get; set; }
    /// <summary>URL key, e.g. "vladimir-putin".</summary>
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public ActorKind Kind { get; set; }
    public string? Role { get; set; }
    public List<string> Aliases { get; set; } = [];
    /// <summary>True for people the extraction found that the story definition does not list.</summary>
    public bool Discovered { get; set; }
}

/// <summary>Where an actor is named in an article, with the sentence around it.</summary>
public sealed class ActorMentionRow
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceEnd { get; set; }
}

/// <summary>A quote or reported statement, with its speaker and its exact span in the article.</summary>
public sealed class Claim
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int SpeakerId { get; set; }
    public Actor? Speaker { get; set; }
    public ClaimKind Kind { get; set; }
    public required string Text { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceEnd { get; set; }
    public List<string> Topics { get; set; } = [];
}

public enum DatePrecision { Day, Month }

/// <summary>Something that happened (or is planned): one row however many articles report it.</summary>
public sealed class Event
{
    public int Id { get; set; }
    public EventType Type { get; set; }
    /// <summary>The day it happened; the first of the month when only the month is known. Null when undated.</summary>
    public DateOnly? HappenedOn { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public bool Planned { get; set; }
    public string? Place { get; set; }
    /// <summary>The earliest publication date among its reports: when it was first reported, shown apart from when it happened.</summary>
    public DateTimeOffset FirstReportedAt { get; set; }
    public List<EventParticipant> Participants { get; set; } = [];
    public List<EventReport> Reports { get; set; } = [];
    public List<EventTopic> Topics { get; set; } = [];

    public string? DateText => HappenedOn is not DateOnly d ? null
        : DatePrecision == DatePrecision.Day ? d.ToString("yyyy-MM-dd") : d.ToString("yyyy-MM");
}

public sealed class EventParticipant
{
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int ActorId { get; set; }
    public Actor? Actor { get; set; }
}

/// <summary>An article's report of an event: the sentence that says so is the excerpt shown under the event.</summary>
public sealed class EventReport
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceEnd { get; set; }
}

public sealed class EventTopic
{
    public int EventId { get; set; }
    public Event? Event { get; set; }
    public required string TopicSlug { get; set; }
}

public sealed class Topic
{
    public required string Slug { get; set; }
    public required string Name { get; set; }
}

/// <summary>A topic an article covers, with the first sentence that shows it.</summary>
public sealed class ArticleTopic
{
    public int ArticleId { get; set; }
    public Article? Article { get; set; }
    public required string TopicSlug { get; set; }
    public int SentenceStart { get; set; }
    public int SentenceEnd { get; set; }
}
