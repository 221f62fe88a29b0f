using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>A half-open character range [Start, End) into an article's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public string Of(string text) => text[Start..End];
}

/// <summary>Everything extracted from one article's text. Every fact keeps the span of the text it came from.</summary>
public sealed record ExtractionResult(
    IReadOnlyList<ExtractedActor> Actors,
    IReadOnlyList<ActorMention> Mentions,
    IReadOnlyList<ExtractedClaim> Claims,
    IReadOnlyList<ExtractedEvent> Events,
    IReadOnlyList<TopicMention> Topics);

/// <summary>An actor found in the article: a story actor (Discovered = false) or a person the story did not list.</summary>
public sealed record ExtractedActor(string Name, ActorKind Kind, string? Role, IReadOnlyList<string> Aliases, bool Discovered);

/// <summary>Where an actor is named: the name's span and the span of its sentence.</summary>
public sealed record ActorMention(string ActorName, TextSpan Span, TextSpan Sentence);

public enum ClaimKind { Quote, Statement }

/// <summary>A direct quote (Span covers the quoted words, without quotation marks) or a reported statement (Span covers the reported clause).</summary>
public sealed record ExtractedClaim(
    string Speaker,
    string Text,
    ClaimKind Kind,
    TextSpan Span,
    TextSpan Sentence,
    IReadOnlyList<string> Topics);

public enum EventType { Summit, Meeting, Call, Talks, Exchange, Visit, Other }

/// <summary>The date an event happened (or is planned for): a day, or only a month when the text gives no day.</summary>
public sealed record EventDate(int Year, int Month, int? Day)
{
    public override string ToString() => Day is int d ? $"{Year:D4}-{Month:D2}-{d:D2}" : $"{Year:D4}-{Month:D2}";
}

/// <summary>
/// An event as one sentence reports it: what, when it happened (not when reported), where, who, and whether it is
/// only planned. A <paramref name="ReferenceOnly"/> event names no one ("the discussions at the White House"): it
/// says too little to be an event of its own, but reports one already known at that place or date.
/// </summary>
public sealed record ExtractedEvent(
    EventType Type,
    EventDate? Date,
    bool Planned,
    string? Place,
    IReadOnlyList<string> Participants,
    TextSpan Sentence,
    bool ReferenceOnly = false);

/// <summary>Where a topic's term appears.</summary>
public sealed record TopicMention(string Slug, TextSpan Span, TextSpan Sentence);
