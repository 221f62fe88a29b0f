using Microsoft.EntityFrameworkCore;
using NewsTracker.Core.Extraction;
using NewsTracker.Core.Stories;
using NewsTracker.Web.Data;

namespace NewsTracker.Web.Story;

/// <summary>The story loaded at start from the file named by NewsTracker:Story, with what is built from it once.</summary>
public sealed class StoryCatalog(StoryDefinition definition)
{
    public StoryDefinition Definition { get; } = definition;
    public OnStoryFilter OnStory { get; } = new(definition);
    public StoryExtractor Extractor { get; } = new(definition);

    public string TopicName(string slug) => Definition.Topics.FirstOrDefault(t => t.Slug == slug)?.Name ?? slug;

    public static StoryCatalog Load(string path) => new(StoryDefinition.Load(path));

    /// <summary>Makes the database's actors and topics agree with the story file; discovered actors are left alone.</summary>
    public async Task SyncAsync(NewsTrackerDb db, CancellationToken ct)
    {
        var actors = await db.Actors.ToDictionaryAsync(a => a.Name, ct);
        foreach (var known in Definition.Actors)
        {
            if (!actors.TryGetValue(known.Name, out var actor))
            {
                actor = new Actor { Name = known.Name, Slug = Slug.From(known.Name) };
                db.Actors.Add(actor);
            }
            actor.Kind = known.Kind;
            actor.Role = known.Role;
            actor.Aliases = [.. known.Aliases];
            actor.Discovered = false;
        }

        var topics = await db.Topics.ToDictionaryAsync(t => t.Slug, ct);
        foreach (var known in Definition.Topics)
        {
            if (topics.TryGetValue(known.Slug, out var topic)) topic.Name = known.Name;
            else db.Topics.Add(new Topic { Slug = known.Slug, Name = known.Name });
        }
        await db.SaveChangesAsync(ct);
    }
}
