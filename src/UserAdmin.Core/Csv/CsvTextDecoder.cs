using System.Globalization;
using System.Text;

namespace UserAdmin.Core.Csv;

/// <summary>
/// R-IMP-1 encodings: UTF-8 with or without BOM and UTF-16 with BOM. Anything else is refused with
/// the reason rather than imported as mojibake (Excel's plain "CSV" is the ANSI code page).
/// </summary>
internal static class CsvTextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16 = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16BigEndian = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    private const int BlockBytes = 1 << 16;

    // What string.IsNullOrWhiteSpace skips: the text must hold something else.
    private static readonly System.Buffers.SearchValues<char> WhiteSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    private const string SaveAsAdvice = "In Excel use File → Save As → \"CSV UTF-8 (Comma delimited)\".";

    public static DecodedText Decode(byte[] content)
    {
        if (content is [0xFF, 0xFE, 0x00, 0x00, ..] or [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return DecodedText.Failed($"The file is UTF-32 text, which the import does not read. {SaveAsAdvice}");
        }

        var (encoding, bomLength) = ByByteOrderMark(content);
        if (content.Length - bomLength == 0)
        {
            return DecodedText.Failed("The file is empty.");
        }

        if (bomLength == 0 && Array.IndexOf(content, (byte)0) is var nul and >= 0)
        {
            return DecodedText.Failed(LooksLikeUtf16WithoutBom(content)
                ? $"The file looks like UTF-16 text without a byte order mark, which cannot be read reliably. {SaveAsAdvice}"
                : $"This is not a CSV text file: it contains binary data (a zero byte at position {nul.ToString(CultureInfo.InvariantCulture)}). Upload the file saved as CSV, not a workbook (.xlsx) or another format. {SaveAsAdvice}");
        }

        // Decoded a block at a time and checked as it goes (R-IMP-11): the file's text is never held whole.
        var decoder = encoding.GetDecoder();
        var chars = new char[encoding.GetMaxCharCount(BlockBytes)];
        var linesBefore = 0;
        int? controlLine = null;
        var controlCharacter = '\0';
        var anyText = false;
        for (var offset = bomLength; offset < content.Length; offset += BlockBytes)
        {
            var count = Math.Min(BlockBytes, content.Length - offset);
            int decoded;
            try
            {
                decoded = decoder.GetChars(content, offset, count, chars, 0, flush: offset + count == content.Length);
            }
            catch (DecoderFallbackException invalid)
            {
                var at = Math.Max(0, offset - bomLength + invalid.Index);
                var line = (1 + content.AsSpan(bomLength, at).Count((byte)'\n')).ToString(CultureInfo.InvariantCulture);
                return DecodedText.Failed(encoding is UnicodeEncoding
                    ? $"The file is not valid UTF-16 text (an invalid byte on line {line}); it is probably cut off or damaged. {SaveAsAdvice}"
                    : $"The file is not valid UTF-8 text (an invalid byte on line {line}); it was probably saved in a regional encoding such as Windows-1252. {SaveAsAdvice}");
            }

            var block = chars.AsSpan(0, decoded);
            if (controlLine is null && FirstControlCharacter(block) is { } position)
            {
                controlLine = 1 + linesBefore + block[..position].Count('\n');
                controlCharacter = block[position];
            }

            anyText = anyText || block.ContainsAnyExcept(WhiteSpace);
            linesBefore += block.Count('\n');
        }

        if (controlLine is { } lineOfControl)
        {
            return DecodedText.Failed(
                $"This is not a CSV text file: line {lineOfControl.ToString(CultureInfo.InvariantCulture)} contains the control character U+{(int)controlCharacter:X4}, which text files do not have. {SaveAsAdvice}");
        }

        if (!anyText)
        {
            return DecodedText.Failed("The file is empty.");
        }

        return new DecodedText(encoding, bomLength, null);
    }

    /// <summary>
    /// How to read a file that <see cref="Decode"/> accepted when it was uploaded, without checking it again: its
    /// byte order mark gives the encoding, which must be the one the upload kept (<paramref name="codePage"/>).
    /// </summary>
    public static DecodedText Accepted(byte[] content, int codePage)
    {
        var (encoding, bomLength) = ByByteOrderMark(content);
        return encoding.CodePage == codePage
            ? new DecodedText(encoding, bomLength, null)
            : throw new InvalidOperationException($"The stored file is in code page {encoding.CodePage.ToString(CultureInfo.InvariantCulture)}, not the {codePage.ToString(CultureInfo.InvariantCulture)} its upload kept.");
    }

    /// <summary>The strict encoding of a code page that <see cref="Decode"/> reads.</summary>
    public static Encoding OfCodePage(int codePage) => codePage switch
    {
        1200 => StrictUtf16,
        1201 => StrictUtf16BigEndian,
        65001 => StrictUtf8,
        _ => throw new ArgumentOutOfRangeException(nameof(codePage), codePage, "Uploads are UTF-8 or UTF-16."),
    };

    private static (Encoding Encoding, int BomLength) ByByteOrderMark(byte[] content) => content switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, ..] => (StrictUtf16, 2),
        [0xFE, 0xFF, ..] => (StrictUtf16BigEndian, 2),
        _ => (StrictUtf8, 0),
    };

    /// <summary>The position of the first control character other than tab and line breaks.</summary>
    private static int? FirstControlCharacter(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) && text[i] is not ('\t' or '\r' or '\n'))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// UTF-16 text without a byte order mark: a zero in one half of most characters (every Latin one) and,
    /// read that way round, no control characters. Binary files (executables, workbooks) fail one or the other.
    /// </summary>
    private static bool LooksLikeUtf16WithoutBom(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 512) & ~1);
        var littleEndian = ZerosAt(sample, 1) >= ZerosAt(sample, 0);
        var text = (littleEndian ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(sample);
        return ZerosAt(sample, littleEndian ? 1 : 0) * 2 >= text.Length && FirstControlCharacter(text) is null;
    }

    private static int ZerosAt(ReadOnlySpan<byte> sample, int parity)
    {
        var zeros = 0;
        for (var i = parity; i < sample.Length; i += 2)
        {
            zeros += sample[i] == 0 ? 1 : 0;
        }

        return zeros;
    }
}

/// <summary>How to read a file's text (its encoding, and where the text starts after the byte order mark), or why it cannot be read.</summary>
internal sealed record DecodedText(Encoding? Encoding, int BomLength, CsvProblem? Problem)
{
    public static DecodedText Failed(string message) => new(null, 0, CsvProblem.OfFile(message));

    /// <summary>The text of <paramref name="content"/>, decoded as it is read.</summary>
    public TextReader Open(byte[] content) =>
        new StreamReader(new MemoryStream(content, BomLength, content.Length - BomLength, writable: false), Encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
}
