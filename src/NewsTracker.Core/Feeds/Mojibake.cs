using System.Text;
using System.Text.Unicode;

namespace NewsTracker.Core.Feeds;

/// <summary>
/// Undoes the commonest feed mojibake: UTF-8 bytes that were read as Windows-1252 (or Latin-1) and written out
/// again, so that "â€™" appears where "’" was meant. Only runs of non-ASCII characters that start with a UTF-8
/// lead byte and re-decode as strict UTF-8 are changed; genuine accented text almost never has that shape.
/// </summary>
internal static class Mojibake
{
    /// <summary>Windows-1252's characters outside Latin-1 (0x80..0x9F), back to their byte.</summary>
    private static readonly Dictionary<char, byte> Windows1252Bytes = CreateWindows1252Bytes();

    private static Dictionary<char, byte> CreateWindows1252Bytes()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var bytes = new Dictionary<char, byte>();
        for (int b = 0x80; b <= 0x9F; b++)
        {
            var decoded = windows1252.GetString([(byte)b]);
            if (decoded.Length == 1 && decoded[0] > '\u00FF')
                bytes[decoded[0]] = (byte)b;
        }
        return bytes;
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
        Span<byte> bytes = run.Length <= 256 ? stackalloc byte[run.Length] : new byte[run.Length];
        for (int i = 0; i < run.Length; i++)
        {
            // Latin-1 covers the C1 range Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D).
            if (run[i] <= '\u00FF')
                bytes[i] = (byte)run[i];
            else if (Windows1252Bytes.TryGetValue(run[i], out byte b))
                bytes[i] = b;
            else
                return false; // a character no single-byte reading produces: real text, not mojibake
        }
        if (!Utf8.IsValid(bytes))
            return false;
        text = Encoding.UTF8.GetString(bytes);
        return true;
    }
}
