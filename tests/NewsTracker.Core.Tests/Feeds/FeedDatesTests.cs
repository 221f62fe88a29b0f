using NewsTracker.Core.Feeds;

namespace NewsTracker.Core.Tests.Feeds;

/// <summary>feedparser's date-parser cases (Corpus/date_parsers.tsv); known gaps are in Corpus/date-known-failures.tsv.</summary>
public class FeedDatesTests
{
    public static TheoryData<string, string, string> DateCases
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var line in File.ReadLines(Path.Combine(FeedCorpus.Root, "date_parsers.tsv")).Skip(1))
            {
                var fields = line.Split('\t');
                data.Add(fields[0], fields[1], fields[2]);
            }
            return data;
        }
    }

    [Fact]
    public void Known_failures_name_date_cases()
    {
        var cases = DateCases.Select(row => $"{row[0]}\t{row[1]}").ToHashSet();
        Assert.All(FeedCorpus.KnownDateFailures.Keys, key => Assert.Contains(key, cases));
    }

    [Theory]
    [InlineData("Sun, 17 Aug 2025 12:00:00 GMT", "2025-08-17T12:00:00+00:00")]
    [InlineData("Tue, 19 Aug 2025 09:00:00 +0200", "2025-08-19T09:00:00+02:00")]
    [InlineData("2025-08-17T12:00:00.123-04:00", "2025-08-17T12:00:00-04:00")]
    [InlineData("  2025-08-17  ", "2025-08-17T00:00:00+00:00")]
    [InlineData("17 Aug 2025 12:00 EDT", "2025-08-17T12:00:00-04:00")]
    public void Keeps_the_given_offset(string text, string expected)
    {
        Assert.True(FeedDates.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("yesterday")]
    [InlineData("0000-00-00T00:00:00Z")]
    [InlineData("Mon, 01 Jan 0001 00:00:00 +1400")]
    public void Rejects_nonsense(string text)
    {
        Assert.False(FeedDates.TryParse(text, out _));
    }

    [Theory]
    [MemberData(nameof(DateCases))]
    public void Date_case(string parser, string input, string expected)
    {
        bool parsed = FeedDates.TryParse(input, out var value);
        var actual = parsed ? string.Join(",", FeedparserExpectation.TimeTupleOf(value)) : "None";
        bool passes = actual == expected;

        if (FeedCorpus.KnownDateFailures.TryGetValue(parser + "\t" + input, out var reason))
            Assert.False(passes, $"{parser} '{input}' is listed in date-known-failures.tsv ({reason}) but now passes: remove it.");
        else
            Assert.True(passes, $"{parser} '{input}': expected {expected}, got {actual}");
    }
}
