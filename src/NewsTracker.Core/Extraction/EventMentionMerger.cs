namespace NewsTracker.Core.Extraction;

/// <summary>One trigger's reading of an event, before mentions of one event are merged.</summary>
internal sealed class EventDraft
{
    public EventType Type;
    public int Trigger, Sentence;
    public readonly List<int> Participants = [];
    public string? Place;
    public EventDate? Date;
    public DateOnly From, To; // the days the event can fall on: its date, or "recent" / "ahead" when the text gives none
    public bool Planned, Definite;
    /// <summary>Told in the present ("meets", "is meeting", "has met"): news in the present happens on the day it is published.</summary>
    public bool Current;
    public int Anchor = -1;  // the draft of the event this one happened during ("a call during the meetings")
    public int Cluster = -1; // the merged event it became
}

/// <summary>The mentions of one event in an article, merged.</summary>
internal sealed class EventCluster
{
    public EventType Type;
    public readonly List<int> Participants = [];
    public string? Place;
    public EventDate? Date;
    public DateOnly From, To;
    public bool Planned, Current;
    public int FirstSentence, LastSentence;
}

/// <summary>
/// Merges the event mentions of one article into one event per real event: triggers of one clause, a definite
/// mention with nothing new ("the meeting") into the latest event it can be, mentions that agree on type group,
/// status, dates (as ranges: an undated held event is a recent one) and place and share a participant or place,
/// and finally events at one place or with two people in common.
/// </summary>
internal static class EventMentionMerger
{
    /// <summary>Words between two triggers that make them two events ("the summit followed Trump's meeting with Putin").</summary>
    static readonly WordSet Sequencers = new(StringComparer.OrdinalIgnoreCase)
    {
        "after", "before", "following", "followed", "follows", "since", "than", "compared", "from", "until", "ahead", "preceded", "prior",
        "unlike", "instead", "subsequent", "subsequently", "then", "later", "earlier", "previous", "next",
        "heels", "wake", "aftermath", // "comes on the heels of / in the wake of the meeting"
    };

    /// <summary>Merges drafts (in text order) into events and sets each draft's Cluster to its event's index.</summary>
    public static List<EventCluster> Merge(ArticleText a, List<EventDraft> drafts)
    {
        var clusters = new List<EventCluster>();
        EventDraft? prev = null;
        foreach (var d in drafts)
        {
            int target = -1;
            if (prev is not null && prev.Sentence == d.Sentence && prev.Cluster >= 0 && SameClause(a, prev, d)) target = prev.Cluster;
            else if (d.Definite && d.Place is null) target = LatestCompatible(clusters, d);
            if (target < 0 && (d.Participants.Count > 0 || d.Place is not null)) target = BestCompatible(clusters, d);
            if (target < 0 && (d.Participants.Count > 0 || d.Place is not null || d.Date is not null))
            {
                clusters.Add(new EventCluster { Type = d.Type, Planned = d.Planned, FirstSentence = d.Sentence, LastSentence = d.Sentence, From = d.From, To = d.To });
                target = clusters.Count - 1;
            }
            if (target >= 0) Join(clusters[target], d, target);
            prev = d;
        }
        return MergeSamePlace(clusters, drafts);
    }

    /// <summary>
    /// Clusters of one article compatible in type, status and dates are one event seen twice when they share the place,
    /// or when one has no place and they share two people.
    /// </summary>
    static List<EventCluster> MergeSamePlace(List<EventCluster> clusters, List<EventDraft> drafts)
    {
        var into = Enumerable.Range(0, clusters.Count).ToArray();
        for (int i = 0; i < clusters.Count; i++)
            for (int j = i + 1; j < clusters.Count; j++)
            {
                var (a, b) = (clusters[i], clusters[j]);
                if (into[j] != j || into[i] != i) continue;
                bool samePlace = a.Place is not null && b.Place is not null && EventMatcher.SamePlace(a.Place, b.Place);
                bool sameCast = (a.Place is null || b.Place is null) && a.Participants.Count(b.Participants.Contains) >= 2;
                // "Zelenskyy meets in London with allies" and "their Monday meeting" with the allies named: one person's
                // event inside another's cast, where places do not disagree, is the same event told twice.
                bool within = (a.Participants.Count == 1 && b.Participants.Contains(a.Participants[0]) || b.Participants.Count == 1 && a.Participants.Contains(b.Participants[0]))
                              && (a.Place is null || b.Place is null || EventMatcher.SamePlace(a.Place, b.Place));
                sameCast |= within;
                if (!samePlace && !sameCast) continue;
                if (a.Planned && a.Participants.Count > 0 && b.Participants.Count > 0
                    && !(a.Participants.Count == b.Participants.Count && b.Participants.All(a.Participants.Contains))) continue; // two different plans
                if (EventMatcher.GroupOf(a.Type) != EventMatcher.GroupOf(b.Type) || a.Planned != b.Planned || !Overlap(a.From, a.To, b.From, b.To)) continue;
                if (!EventMatcher.DatesCompatible(a.Date, b.Date)) continue;
                foreach (var p in b.Participants) if (!a.Participants.Contains(p)) a.Participants.Add(p);
                a.Place ??= b.Place;
                a.Current |= b.Current;
                if (a.Date is null || (a.Date.Day is null && b.Date?.Day is not null)) a.Date = b.Date ?? a.Date;
                (a.From, a.To) = (Max(a.From, b.From), Min(a.To, b.To));
                if (EventMatcher.TypeRank(b.Type) < EventMatcher.TypeRank(a.Type)) a.Type = b.Type;
                into[j] = i;
            }
        var kept = new List<EventCluster>();
        var newIndex = new int[clusters.Count];
        for (int i = 0; i < clusters.Count; i++)
            if (into[i] == i) { newIndex[i] = kept.Count; kept.Add(clusters[i]); }
        foreach (var d in drafts)
            if (d.Cluster >= 0) d.Cluster = newIndex[into[d.Cluster]];
        return kept;
    }

    static bool Overlap(DateOnly aFrom, DateOnly aTo, DateOnly bFrom, DateOnly bTo) => aFrom <= bTo && bFrom <= aTo;
    static DateOnly Max(DateOnly x, DateOnly y) => x > y ? x : y;
    static DateOnly Min(DateOnly x, DateOnly y) => x < y ? x : y;

    /// <summary>Two triggers of one sentence name one event unless a sequencing word or a change of status lies between them.</summary>
    static bool SameClause(ArticleText a, EventDraft first, EventDraft second)
    {
        if (EventMatcher.GroupOf(first.Type) != EventMatcher.GroupOf(second.Type) || first.Planned != second.Planned) return false;
        if (!EventMatcher.DatesCompatible(first.Date, second.Date) || !Overlap(first.From, first.To, second.From, second.To)) return false;
        for (int i = first.Trigger + 1; i < second.Trigger; i++)
            if (a.IsIn(i, Sequencers)) return false;
        return true;
    }

    static void Join(EventCluster c, EventDraft d, int index)
    {
        foreach (var p in d.Participants)
            if (!c.Participants.Contains(p)) c.Participants.Add(p);
        c.Place ??= d.Place;
        if (c.Date is null || (c.Date.Day is null && d.Date?.Day is not null)) c.Date = d.Date ?? c.Date;
        if (EventMatcher.TypeRank(d.Type) < EventMatcher.TypeRank(c.Type)) c.Type = d.Type;
        (c.From, c.To) = (Max(c.From, d.From), Min(c.To, d.To));
        c.LastSentence = d.Sentence;
        c.Current |= d.Current;
        d.Cluster = index;
    }


    static bool Compatible(EventCluster c, EventDraft d)
    {
        if (EventMatcher.GroupOf(c.Type) != EventMatcher.GroupOf(d.Type) || c.Planned != d.Planned) return false;
        if (!EventMatcher.DatesCompatible(c.Date, d.Date) || !Overlap(c.From, c.To, d.From, d.To)) return false;
        if (c.Place is not null && d.Place is not null && !EventMatcher.SamePlace(c.Place, d.Place)) return false;
        if (c.Planned && c.Participants.Count > 0 && d.Participants.Count > 0
            && !(c.Participants.Count == d.Participants.Count && d.Participants.All(c.Participants.Contains))) return false;
        return true;
    }

    static int LatestCompatible(List<EventCluster> clusters, EventDraft d)
    {
        int best = -1;
        for (int i = 0; i < clusters.Count; i++)
            if (d.Sentence - clusters[i].LastSentence <= 12 && Compatible(clusters[i], d) && (best < 0 || clusters[i].LastSentence >= clusters[best].LastSentence))
                best = i;
        return best;
    }

    static int BestCompatible(List<EventCluster> clusters, EventDraft d)
    {
        int best = -1;
        double bestScore = 0;
        for (int i = 0; i < clusters.Count; i++)
        {
            var c = clusters[i];
            if (!Compatible(c, d)) continue;
            int shared = d.Participants.Count(c.Participants.Contains);
            bool samePlace = c.Place is not null && d.Place is not null && EventMatcher.SamePlace(c.Place, d.Place);
            bool unknownCast = c.Participants.Count == 0 || d.Participants.Count == 0;
            // A report naming only a place joins an event at that place, not any event that lacks one.
            if (d.Participants.Count == 0 && d.Place is not null && !samePlace) continue;
            // Two full casts must share two people: a Putin-Zelenskyy meeting is not the Trump-Putin summit.
            int needed = c.Participants.Count >= 2 && d.Participants.Count >= 2 ? 2 : 1;
            if (shared < needed && !samePlace && !unknownCast) continue;
            double score = shared + (samePlace ? 2 : 0) + (c.Date == d.Date && d.Date is not null ? 2 : 0) + 0.01 * i;
            if (score > bestScore) { bestScore = score; best = i; }
        }
        return best;
    }
}
