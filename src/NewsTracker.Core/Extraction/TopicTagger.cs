using NewsTracker.Core.Stories;

namespace NewsTracker.Core.Extraction;

/// <summary>
/// Tags topics from the story's terms, matched case-insensitively on whole tokens (one trie for all topics).
/// A strong term is a mention by itself; a weak term (StoryTopic.WeakTerms) counts only when its sentence also
/// holds another term of the same topic, so "released" tags prisoner exchange in "a prisoner swap in which X was
/// released" but not in "the report released on Monday".
/// </summary>
internal sealed class TopicTagger
{
    readonly PhraseTrie terms = new(ignoreCase: true);
    readonly List<(int Topic, bool Weak)> values = [];
    readonly IReadOnlyList<StoryTopic> topics;

    public TopicTagger(StoryDefinition story)
    {
        topics = story.Topics;
        for (int i = 0; i < topics.Count; i++)
        {
            foreach (var term in topics[i].Terms) AddTerm(term, i, weak: false);
            foreach (var term in topics[i].WeakTerms ?? []) AddTerm(term, i, weak: true);
        }
    }

    void AddTerm(string term, int topic, bool weak)
    {
        values.Add((topic, weak));
        terms.Add(term, values.Count - 1);
    }

    public List<TopicMention> Tag(ArticleText a)
    {
        var mentions = new List<TopicMention>();
        var found = new List<(int Topic, bool Weak, TextSpan Span)>();
        for (int s = 0; s < a.Sentences.Count; s++)
        {
            found.Clear();
            int end = a.SentenceEnd(s);
            for (int t = a.SentenceTokenStart[s]; t < end; t++)
            {
                if (!a.Tokens[t].IsWord) continue;
                int v = terms.Match(a.Text, a.Tokens, t, end, out int len);
                if (v < 0) continue;
                found.Add((values[v].Topic, values[v].Weak, new TextSpan(a.Tokens[t].Start, a.Tokens[t + len - 1].End)));
                t += len - 1;
            }
            foreach (var f in found)
            {
                if (f.Weak && !found.Any(o => o.Topic == f.Topic && o.Span != f.Span)) continue;
                mentions.Add(new TopicMention(topics[f.Topic].Slug, f.Span, a.Sentences[s]));
            }
        }
        return mentions;
    }
}
