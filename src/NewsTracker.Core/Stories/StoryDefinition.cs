using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsTracker.Core.Stories;

/// <summary>
/// The story being tracked, as data: its people, its topics and the words that make an article on-story.
/// Loaded from a JSON file (stories/*.json) so the same app can follow another story.
/// </summary>
public sealed record StoryDefinition(
    string Slug,
    string Name,
    IReadOnlyList<StoryActor> Actors,
    IReadOnlyList<StoryTopic> Topics,
    IReadOnlyList<string> OnStoryTerms,
    StoryRelevance? Relevance = null)
{
    static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static StoryDefinition Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static StoryDefinition Parse(Stream json, string sourceName = "story")
    {
        StoryDefinition? story;
        try
        {
            story = JsonSerializer.Deserialize<StoryDefinition>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: not a valid story definition: {e.Message}", e);
        }
        if (story is null || string.IsNullOrWhiteSpace(story.Slug) || story.Actors is null || story.Topics is null || story.OnStoryTerms is null)
            throw new InvalidDataException($"{sourceName}: a story needs slug, name, actors, topics and onStoryTerms.");
        return story;
    }
}

public enum ActorKind { Person, Organization }

/// <summary>
/// What makes an article about the story rather than about its places or people in other business: sentences that
/// name the story's subject (Ukraine, the Kremlin) together with what the story follows (talks, a ceasefire, an envoy),
/// and none of what it is not about (Gaza, tariffs). See <see cref="OnStoryFilter"/>.
/// </summary>
public sealed record StoryRelevance(IReadOnlyList<string> Subject, IReadOnlyList<string> Follows, IReadOnlyList<string>? NotAbout = null);

/// <summary>A known actor: a canonical name, its other spellings, and a role such as "President of Ukraine".</summary>
public sealed record StoryActor(string Name, ActorKind Kind, string? Role, IReadOnlyList<string> Aliases);

/// <summary>
/// A topic: a stable slug used in URLs and exports, a display name, and the terms that signal it.
/// WeakTerms signal it only beside another of its terms in the same sentence ("released" alone is no prisoner exchange).
/// </summary>
public sealed record StoryTopic(string Slug, string Name, IReadOnlyList<string> Terms, IReadOnlyList<string>? WeakTerms = null);
