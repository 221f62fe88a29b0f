using System.Text;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Undoes the commonest feed mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out
/// again, so that "â€™" appears where "’" was meant. Only runs of non-ASCII characters that start with a UTF-8
/// lead byte and re-decode as strict UTF-8 are changed; genuine accented text almost never has that shape.
/// </summary>
internal static class Mojibake
{
    private static readonly Encoding Windows1252 = CreateWindows1252();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public static string? Repair(string? text)
    {
        // 'Â'..'ô' are the characters that UTF-8 lead bytes C2..F4 turn into.
        if (text is null || text.AsSpan().IndexOfAnyInRange('\u00C2', '\u00F4') < 0)
            return text;
        StringBuilder? repaired = null;
        int copied = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is < '\u00C2' or > '\u00F4')
                continue;
            int end = i + 1;
            while (end < text.Length && text[end] >= '\u0080')
                end++;
            if (end - i >= 2 && TryRedecode(text.AsSpan(i, end - i), out string? fixedRun))
            {
                (repaired ??= new StringBuilder(text.Length)).Append(text, copied, i - copied).Append(fixedRun);
                copied = end;
            }
            i = end - 1;
        }
        return repaired is null ? text : repaired.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool TryRedecode(ReadOnlySpan<char> run, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = null;
        try
        {
            var bytes = new byte[run.Length];
            // Latin-1 covers the C1 range Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D).
            for (int i = 0; i < run.Length; i++)
                bytes[i] = run[i] <= '\u00FF' ? (byte)run[i] : Windows1252.GetBytes(run.Slice(i, 1).ToArray())[0];
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException or ArgumentException)
        {
            return false;
        }
    }
}
