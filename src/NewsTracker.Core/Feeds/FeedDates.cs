using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Parses the dates feeds carry: W3C-DTF / ISO 8601 (Atom, dc:date) and RFC 822 (RSS pubDate) with the deviations
/// found in real feeds (missing seconds or time, full month names, two-digit years, named US zones, asctime order).
/// </summary>
public static partial class FeedDates
{
    /// <summary>Parses <paramref name="text"/>; the result keeps the offset the text gave (UTC when it gave none).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        // Try the likelier form first: W3C dates start with the year, RFC 822 ones usually with a day name.
        return char.IsAsciiDigit(trimmed[0])
            ? TryParseW3cDateTime(trimmed, out value) || TryParseRfc822(trimmed, out value)
            : TryParseRfc822(trimmed, out value) || TryParseW3cDateTime(trimmed, out value);
    }

    /// <summary>
    /// W3C-DTF and the ISO 8601 forms feeds use: "2003", "2003-12", "2003-12-31", then an optional time after
    /// 'T' or a space ("10:14", "10:14:55", "10:14:55.123") and an optional zone ("Z", "+01:00", "-0500").
    /// Hand-written rather than a regex: it runs once per item and must not dominate parsing.
    /// </summary>
    private static bool TryParseW3cDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        var s = text.AsSpan();
        int p = 0;
        if (!TryReadNumber(s, ref p, 4, 4, out int year))
            return false;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0;
        var offset = TimeSpan.Zero;
        if (p < s.Length && s[p] == '-')
        {
            p++;
            // Some writers pad the month to three digits ("2003-012-31").
            int monthDigits = p + 3 <= s.Length && s[p] == '0' && char.IsAsciiDigit(s[p + 1]) && char.IsAsciiDigit(s[p + 2]) ? 3 : 2;
            if (!TryReadNumber(s, ref p, monthDigits, monthDigits, out month))
                return false;
            if (p < s.Length && s[p] == '-')
            {
                p++;
                if (!TryReadNumber(s, ref p, 2, 2, out day))
                    return false;
            }
        }
        if (p < s.Length && (s[p] == 'T' || s[p] == 't' || s[p] == ' '))
        {
            p++;
            if (!TryReadNumber(s, ref p, 1, 2, out hour) || p >= s.Length || s[p++] != ':' || !TryReadNumber(s, ref p, 2, 2, out minute))
                return false;
            if (p < s.Length && s[p] == ':')
            {
                p++;
                if (!TryReadNumber(s, ref p, 2, 2, out second))
                    return false;
                if (p < s.Length && (s[p] == '.' || s[p] == ','))
                {
                    p++;
                    if (!TryReadNumber(s, ref p, 1, int.MaxValue, out _))
                        return false;
                }
            }
            while (p < s.Length && s[p] == ' ')
                p++;
            if (p < s.Length && !TryParseOffset(text[p..], out offset))
                return false;
            p = s.Length;
        }
        return p == s.Length && TryCreate(year, month, day, hour, minute, second, offset, out value);
    }

    /// <summary>Reads between <paramref name="minDigits"/> and <paramref name="maxDigits"/> ASCII digits.</summary>
    private static bool TryReadNumber(ReadOnlySpan<char> s, ref int p, int minDigits, int maxDigits, out int number)
    {
        number = 0;
        int start = p;
        while (p < s.Length && p - start < maxDigits && char.IsAsciiDigit(s[p]))
        {
            // Long fractions are only skipped; keep the number from overflowing.
            if (p - start < 9)
                number = number * 10 + (s[p] - '0');
            p++;
        }
        return p - start >= minDigits;
    }

    /// <summary>
    /// RFC 822 and its relatives, read as a bag of tokens so that word order does not matter:
    /// "Thu, 01 Jan 2004 19:48:21 GMT", "Thu Aug 30 2012 17:26:16 +0200", asctime "Sun Jan  4 16:29:06 2004".
    /// Every token must be understood, so garbage is rejected rather than half-read.
    /// </summary>
    private static bool TryParseRfc822(string text, out DateTimeOffset value)
    {
        value = default;
        var tokens = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        int? month = null, day = null, year = null;
        TimeSpan time = TimeSpan.Zero, offset = TimeSpan.Zero;
        bool hasTime = false, hasZone = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (i == 0 && IsDayName(token))
                continue;
            if (char.IsAsciiDigit(token[0]) && token.All(char.IsAsciiDigit))
            {
                // The first number is the day, the second the year, whichever side of the month they are on.
                if (day is null && token.Length <= 2) day = int.Parse(token, CultureInfo.InvariantCulture);
                else if (year is null && (token.Length == 2 || token.Length == 4)) year = ExpandYear(token);
                else return false;
            }
            else if (token.Contains('/') && SlashedDate().Match(token) is { Success: true } slashed)
            {
                // Perforce writes "Fri, 2006/09/15 08:19:53 EDT".
                if (day is not null || month is not null || year is not null) return false;
                year = int.Parse(slashed.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                month = int.Parse(slashed.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
                day = int.Parse(slashed.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            }
            else if (token.Contains(':') && char.IsAsciiDigit(token[0]))
            {
                if (hasTime || !TryParseTime(token, out time)) return false;
                hasTime = true;
            }
            else if (month is null && MonthNumber(token) is { } number)
            {
                month = number;
            }
            else if (!hasZone && TryParseZone(token, out offset))
            {
                hasZone = true;
            }
            else
            {
                return false;
            }
        }
        if (month is null || day is null || year is null)
            return false;
        return TryCreate(year.Value, month.Value, day.Value, time.Hours, time.Minutes, time.Seconds, offset, out value);
    }

    [GeneratedRegex(@"^(\d{4})/(\d{1,2})/(\d{1,2})$")]
    private static partial Regex SlashedDate();

    private static int ExpandYear(string digits)
    {
        int year = int.Parse(digits, CultureInfo.InvariantCulture);
        // Two-digit years are this era's: "04" is 2004, "95" is 1995.
        return digits.Length == 2 ? year + (year < 90 ? 2000 : 1900) : year;
    }

    private static bool TryParseTime(string token, out TimeSpan time)
    {
        time = default;
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length is 0 or > 2 || !p.All(char.IsAsciiDigit)))
            return false;
        int hour = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int minute = int.Parse(parts[1], CultureInfo.InvariantCulture);
        int second = parts.Length == 3 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
            return false;
        time = new TimeSpan(hour, minute, second);
        return true;
    }

    private static bool IsDayName(string token)
    {
        var name = token.TrimEnd('.');
        return name.Length >= 3 && DayNames.Any(day => day.StartsWith(name, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static int? MonthNumber(string token)
    {
        var name = token.TrimEnd('.');
        if (name.Length < 3)
            return null;
        for (int i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(name, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }
        return null;
    }

    // Zone names seen in feeds. The single-word US ones ("ET", "PT") appear without daylight saving distinction.
    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["Etc/GMT"] = 0, ["Etc/UTC"] = 0, ["WET"] = 0,
        ["BST"] = 1, ["CET"] = 1, ["MET"] = 1, ["WEST"] = 1,
        ["CEST"] = 2, ["MEST"] = 2, ["EET"] = 2,
        ["EEST"] = 3, ["MSK"] = 3,
        ["IST"] = 5, ["JST"] = 9, ["KST"] = 9, ["AEST"] = 10, ["AEDT"] = 11, ["NZST"] = 12,
        ["AT"] = -4, ["AST"] = -4, ["ADT"] = -3,
        ["ET"] = -5, ["EST"] = -5, ["EDT"] = -4,
        ["CT"] = -6, ["CST"] = -6, ["CDT"] = -5,
        ["MT"] = -7, ["MST"] = -7, ["MDT"] = -6,
        ["PT"] = -8, ["PST"] = -8, ["PDT"] = -7,
        ["AKST"] = -9, ["AKDT"] = -8, ["HST"] = -10,
    };

    private static bool TryParseZone(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (ZoneHours.TryGetValue(token, out int hours))
        {
            offset = TimeSpan.FromHours(hours);
            return true;
        }
        // "GMT-01:01", "UTC+0200": a named zero zone followed by a numeric offset.
        foreach (var prefix in (ReadOnlySpan<string>)["GMT", "UTC"])
        {
            if (token.Length > prefix.Length && token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return TryParseOffset(token[prefix.Length..], out offset);
        }
        return TryParseOffset(token, out offset);
    }

    /// <summary>"Z", "+01:00", "-0500", "+01".</summary>
    private static bool TryParseOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "Z" or "z" || text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text.Equals("GMT", StringComparison.OrdinalIgnoreCase))
            return true;
        if (text.Length < 3 || (text[0] != '+' && text[0] != '-'))
            return false;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        if ((digits.Length != 2 && digits.Length != 4) || !digits.All(char.IsAsciiDigit) || (text.Contains(':') && text.Length != 6))
            return false;
        int hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        int minutes = digits.Length == 4 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
            offset = -offset;
        return true;
    }

    private static bool TryCreate(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, out DateTimeOffset value)
    {
        value = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        // A DateTimeOffset must also be representable in UTC, which fails at the very edges of the calendar.
        long utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        value = new DateTimeOffset(local, offset);
        return true;
    }
}
