namespace NewsTracker.Core.Extraction;

/// <summary>
/// One article prepared for the finders: its tokens, its sentences as token ranges, and the line (paragraph)
/// each sentence sits on. Built once per Extract call and shared read-only by every finder.
/// </summary>
internal sealed class ArticleText
{
    public string Text { get; }
    public Token[] Tokens { get; }
    public IReadOnlyList<TextSpan> Sentences { get; }
    /// <summary>First token of each sentence; SentenceTokenStart[i + 1] is one past its last token.</summary>
    public int[] SentenceTokenStart { get; }
    /// <summary>The sentence each token belongs to.</summary>
    public int[] SentenceOfToken { get; }
    /// <summary>The line (paragraph) each sentence belongs to; lines only count when they hold text.</summary>
    public int[] ParagraphOfSentence { get; }

    public ArticleText(string text)
    {
        Text = text;
        Tokens = Tokenizer.Tokenize(text);
        Sentences = SentenceSplitter.Split(text);
        SentenceTokenStart = new int[Sentences.Count + 1];
        SentenceOfToken = new int[Tokens.Length];
        ParagraphOfSentence = new int[Sentences.Count];
        int t = 0, paragraph = 0;
        for (int s = 0; s < Sentences.Count; s++)
        {
            if (s > 0 && text.AsSpan(Sentences[s - 1].End, Sentences[s].Start - Sentences[s - 1].End).IndexOfAny('\n', '\r') >= 0) paragraph++;
            ParagraphOfSentence[s] = paragraph;
            while (t < Tokens.Length && Tokens[t].Start < Sentences[s].Start) t++; // whitespace-only gaps hold no tokens
            SentenceTokenStart[s] = t;
            while (t < Tokens.Length && Tokens[t].Start < Sentences[s].End) SentenceOfToken[t++] = s;
        }
        SentenceTokenStart[Sentences.Count] = Tokens.Length;
        // The actor and event rules ask this of every sentence and of every trigger: it is worked out once.
        headings = new bool[Sentences.Count];
        for (int s = 0; s < Sentences.Count; s++) headings[s] = LooksLikeHeading(s);
    }

    readonly bool[] headings;

    public int SentenceEnd(int sentence) => SentenceTokenStart[sentence + 1];

    public ReadOnlySpan<char> Word(int token) => Tokens[token].Of(Text);

    public bool Is(int token, string word) =>
        token >= 0 && token < Tokens.Length && Tokens[token].Of(Text).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsIn(int token, WordSet words) =>
        token >= 0 && token < Tokens.Length && Tokens[token].IsWord && words.Contains(Tokens[token].Of(Text));

    public bool IsPunct(int token, char c) =>
        token >= 0 && token < Tokens.Length && Tokens[token].Kind == TokenKind.Punct && Text[Tokens[token].Start] == c;

    /// <summary>
    /// A heading line: short, most words capitalized ("European Leaders Show Support"), not ending in a question, quote
    /// or colon. A line ending in a full stop is a heading only when long and in strict title case (every word over three letters).
    /// </summary>
    public bool IsHeading(int sentence) => headings[sentence];

    bool LooksLikeHeading(int sentence)
    {
        int s = SentenceTokenStart[sentence], e = SentenceEnd(sentence);
        if (e <= s) return false;
        var last = Tokens[e - 1];
        bool fullStop = last.Kind == TokenKind.Punct && Text[last.Start] == '.';
        if (last.Kind == TokenKind.Punct && Text[last.Start] is '!' or '?' or '"' or '”' or ':') return false;
        int words = 0, caps = 0, longLower = 0;
        for (int i = s; i < e; i++)
        {
            if (!Tokens[i].IsWord) continue;
            words++;
            if (Tokens[i].Capitalized || Tokens[i].Length <= 3) caps++;
            else if (char.IsLetter(Text[Tokens[i].Start])) longLower++;
        }
        if (fullStop) return words is >= 8 and <= 20 && longLower == 0;
        return words is >= 2 and <= 20 && caps * 10 >= words * 7;
    }
}
