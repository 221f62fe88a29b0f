using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Tests.Extraction;

/// <summary>A made-up story, so the tests prove the rules read the story's data rather than names baked into code.</summary>
internal static class TestStory
{
    public static readonly StoryDefinition Story = new(
        "test-story", "Test story",
        [
            new StoryActor("Maria Lopez", ActorKind.Person, "President of Spain", ["Lopez", "President Lopez"]),
            new StoryActor("Hans Weber", ActorKind.Person, "Chancellor of Germany", []),
            new StoryActor("Tom Smith", ActorKind.Person, "U.S. special envoy", ["Smith", "Thomas Smith"]),
            new StoryActor("NATO", ActorKind.Organization, "Military alliance", ["North Atlantic Treaty Organization"]),
        ],
        [
            new StoryTopic("ceasefire", "Ceasefire", ["ceasefire", "cease-fire", "truce"]),
            new StoryTopic("prisoner-exchange", "Prisoner exchange", ["prisoner swap", "prisoner exchange"], ["released", "swap"]),
            new StoryTopic("territory", "Territory", ["territory", "land swap"]),
        ],
        ["Spain", "Lopez"]);

    public static readonly StoryExtractor Extractor = new(Story);

    /// <summary>Tuesday 19 August 2025, noon UTC.</summary>
    public static readonly DateTimeOffset Tuesday = new(2025, 8, 19, 12, 0, 0, TimeSpan.Zero);

    public static ExtractionResult Extract(string text, DateTimeOffset? published = null) => Extractor.Extract(text, published ?? Tuesday);
}
