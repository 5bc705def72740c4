using System.Buffers.Binary;

namespace Reports.Layout;

/// <summary>
/// Cuts a TrueType font down to the characters reports use. Skia's PDF backend in this SkiaSharp
/// build embeds whole font files (DejaVu Sans: 740 KB per face), so the report font is handed to it
/// already small. Glyph numbers stay as they are (unused glyphs lose their outlines and widths,
/// which no character reaches any more), so text measures exactly as with the full font; the
/// character map keeps only the chosen characters, so any other character is honestly missing and
/// goes to the fallback font. Hinting is dropped too (the tables and each glyph's instructions):
/// it is half of DejaVu's outline data and PDF viewers render without it.
/// </summary>
public static class TrueTypeSubsetter
{
    // What drawing and viewing need. Layout tables (GSUB, GPOS, kern) are dropped: the report
    // engine places glyphs itself without shaping. Hinting (cvt, fpgm, prep, gasp, hdmx, VDMX, LTSH)
    // is dropped: the outlines are scaled smoothly by PDF viewers and by Skia's PNG charts alike.
    private static readonly HashSet<string> KeptTables = ["cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "OS/2", "post"];

    // The names a PDF viewer or font engine reads: copyright, family, style, unique id, full name,
    // version, PostScript name. The rest of DejaVu's 15 KB name table is the licence text and
    // translations of the style names.
    private static readonly HashSet<int> KeptNames = [0, 1, 2, 3, 4, 5, 6];

    /// <summary>The subset font, or null when the font is not a TrueType-outline font this can cut (CFF, collections).</summary>
    public static byte[]? Subset(ReadOnlySpan<byte> font, IEnumerable<int> codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        var tables = ReadDirectory(font);
        if (tables is null
            || !tables.TryGetValue("glyf", out var glyfRecord) || !tables.TryGetValue("loca", out var locaRecord) || !tables.TryGetValue("cmap", out var cmapRecord)
            || !tables.TryGetValue("head", out var headRecord) || !tables.TryGetValue("maxp", out var maxpRecord))
        {
            return null;
        }

        var head = Slice(font, headRecord);
        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(Slice(font, maxpRecord)[4..]);
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(head[50..]) == 1;
        var offsets = ReadLoca(Slice(font, locaRecord), numGlyphs, longLoca);
        var glyf = Slice(font, glyfRecord);
        var map = ReadCmap(Slice(font, cmapRecord));
        if (map is null)
        {
            return null;
        }

        var chosen = new SortedDictionary<int, int>();
        foreach (var cp in codePoints)
        {
            if (map.TryGetValue(cp, out var glyph) && glyph != 0 && glyph < numGlyphs)
            {
                chosen[cp] = glyph;
            }
        }

        var keep = new bool[numGlyphs];
        keep[0] = true;
        foreach (var glyph in chosen.Values)
        {
            KeepWithComponents(glyph, glyf, offsets, keep);
        }

        var (newGlyf, newLoca) = BuildGlyf(glyf, offsets, keep);
        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, record) in tables)
        {
            if (KeptTables.Contains(tag))
            {
                output[tag] = Slice(font, record).ToArray();
            }
        }

        output["glyf"] = newGlyf;
        output["loca"] = newLoca;
        output["cmap"] = BuildCmap(chosen);
        if (output.TryGetValue("hmtx", out var hmtx) && output.TryGetValue("hhea", out var hhea) && hhea.Length >= 36)
        {
            ClearUnusedMetrics(hmtx, BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34)), keep);
        }

        if (output.TryGetValue("name", out var name) && ShortNames(name) is { } shortName)
        {
            output["name"] = shortName;
        }

        if (output.TryGetValue("maxp", out var maxp) && maxp.Length >= 32)
        {
            // No instructions left: zero the hinting limits (maxZones stays 1..2 as the spec asks).
            BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(14), 1);
            maxp.AsSpan(16, 8).Clear();
            maxp.AsSpan(26, 2).Clear();
        }
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            // Version 3: no glyph names (DejaVu's are 40 KB); viewers use the character map instead.
            var short3 = post[..32];
            BinaryPrimitives.WriteUInt32BigEndian(short3, 0x00030000);
            output["post"] = short3;
        }

        var newHead = output["head"];
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        return Write(BinaryPrimitives.ReadUInt32BigEndian(font), output);
    }

    private readonly record struct TableRecord(int Offset, int Length);

    private static Dictionary<string, TableRecord>? ReadDirectory(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12)
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, TableRecord>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + (16 * i), 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
            if (offset < 0 || length < 0 || offset + length > font.Length)
            {
                return null;
            }

            tables[tag] = new TableRecord(offset, length);
        }

        return tables;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> font, TableRecord record) => font.Slice(record.Offset, record.Length);

    private static int[] ReadLoca(ReadOnlySpan<byte> loca, int numGlyphs, bool longFormat)
    {
        var offsets = new int[numGlyphs + 1];
        for (var i = 0; i <= numGlyphs; i++)
        {
            offsets[i] = longFormat
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca[(4 * i)..])
                : BinaryPrimitives.ReadUInt16BigEndian(loca[(2 * i)..]) * 2;
        }

        return offsets;
    }

    /// <summary>A composite glyph is drawn from other glyphs ("é" from "e" and an accent): keep those too.</summary>
    private static void KeepWithComponents(int glyph, ReadOnlySpan<byte> glyf, int[] offsets, bool[] keep)
    {
        var pending = new Stack<int>();
        pending.Push(glyph);
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g] && g != glyph)
            {
                continue;
            }

            keep[g] = true;
            var start = offsets[g];
            var end = offsets[g + 1];
            if (end - start < 10 || BinaryPrimitives.ReadInt16BigEndian(glyf[start..]) >= 0)
            {
                continue;
            }

            var p = start + 10;
            ushort flags;
            do
            {
                flags = BinaryPrimitives.ReadUInt16BigEndian(glyf[p..]);
                var component = BinaryPrimitives.ReadUInt16BigEndian(glyf[(p + 2)..]);
                if (component < keep.Length && !keep[component])
                {
                    pending.Push(component);
                }

                p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
            }
            while ((flags & 0x0020) != 0 && p + 4 <= end);
        }
    }

    private static (byte[] Glyf, byte[] Loca) BuildGlyf(ReadOnlySpan<byte> glyf, int[] offsets, bool[] keep)
    {
        var numGlyphs = keep.Length;
        var size = 0;
        for (var g = 0; g < numGlyphs; g++)
        {
            size += keep[g] ? Align4(offsets[g + 1] - offsets[g]) : 0;
        }

        var newGlyf = new byte[size];
        var newLoca = new byte[4 * (numGlyphs + 1)];
        var position = 0;
        for (var g = 0; g < numGlyphs; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)position);
            if (keep[g])
            {
                var length = WithoutInstructions(glyf.Slice(offsets[g], offsets[g + 1] - offsets[g]), newGlyf.AsSpan(position));
                position += Align4(length);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * numGlyphs), (uint)position);
        return (newGlyf[..position], newLoca);
    }

    /// <summary>Copies one glyph without its hinting instructions; returns the bytes written (never more than read).</summary>
    private static int WithoutInstructions(ReadOnlySpan<byte> glyph, Span<byte> target)
    {
        if (glyph.Length < 10)
        {
            glyph.CopyTo(target);
            return glyph.Length;
        }

        var contours = BinaryPrimitives.ReadInt16BigEndian(glyph);
        if (contours >= 0)
        {
            // Header, end points, instruction length, instructions, then flags and coordinates.
            var lengthAt = 10 + (2 * contours);
            if (lengthAt + 2 > glyph.Length)
            {
                glyph.CopyTo(target);
                return glyph.Length;
            }

            var instructions = BinaryPrimitives.ReadUInt16BigEndian(glyph[lengthAt..]);
            var rest = lengthAt + 2 + instructions;
            if (rest > glyph.Length)
            {
                glyph.CopyTo(target);
                return glyph.Length;
            }

            glyph[..lengthAt].CopyTo(target);
            BinaryPrimitives.WriteUInt16BigEndian(target[lengthAt..], 0);
            glyph[rest..].CopyTo(target[(lengthAt + 2)..]);
            return glyph.Length - instructions;
        }

        // Composite: walk the components; the last one's WE_HAVE_INSTRUCTIONS flag says instructions follow.
        var p = 10;
        var lastFlagsAt = -1;
        ushort flags;
        do
        {
            if (p + 4 > glyph.Length)
            {
                glyph.CopyTo(target);
                return glyph.Length;
            }

            lastFlagsAt = p;
            flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            p += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
            p += (flags & 0x0008) != 0 ? 2 : (flags & 0x0040) != 0 ? 4 : (flags & 0x0080) != 0 ? 8 : 0;
        }
        while ((flags & 0x0020) != 0);

        var end = Math.Min(p, glyph.Length);
        glyph[..end].CopyTo(target);
        BinaryPrimitives.WriteUInt16BigEndian(target[lastFlagsAt..], (ushort)(flags & ~0x0100));
        return end;
    }

    /// <summary>Unused glyphs get zero width and bearing: nothing reaches them, and zeros compress to nothing.</summary>
    private static void ClearUnusedMetrics(byte[] hmtx, int longMetrics, bool[] keep)
    {
        for (var g = 0; g < keep.Length; g++)
        {
            if (keep[g])
            {
                continue;
            }

            var at = g < longMetrics ? 4 * g : (4 * longMetrics) + (2 * (g - longMetrics));
            var size = g < longMetrics ? 4 : 2;
            if (at + size <= hmtx.Length)
            {
                hmtx.AsSpan(at, size).Clear();
            }
        }
    }

    /// <summary>The name table with only <see cref="KeptNames"/>, or null when it cannot be read (then it is kept whole).</summary>
    private static byte[]? ShortNames(ReadOnlySpan<byte> name)
    {
        if (name.Length < 6)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadUInt16BigEndian(name[2..]);
        var storage = BinaryPrimitives.ReadUInt16BigEndian(name[4..]);
        var records = new List<(ushort Platform, ushort Encoding, ushort Language, ushort Id, byte[] Text)>();
        for (var i = 0; i < count; i++)
        {
            var at = 6 + (12 * i);
            if (at + 12 > name.Length)
            {
                return null;
            }

            var record = name.Slice(at, 12);
            var id = BinaryPrimitives.ReadUInt16BigEndian(record[6..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = storage + BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            var language = BinaryPrimitives.ReadUInt16BigEndian(record[4..]);
            if (offset + length > name.Length)
            {
                return null;
            }

            // English names only: Windows US English (0x409) and Macintosh English (0).
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            if (KeptNames.Contains(id) && (platform == 3 ? language == 0x409 : language == 0))
            {
                records.Add((platform, BinaryPrimitives.ReadUInt16BigEndian(record[2..]), language, id, name.Slice(offset, length).ToArray()));
            }
        }

        var header = 6 + (12 * records.Count);
        var output = new byte[header + records.Sum(r => r.Text.Length)];
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(2), (ushort)records.Count);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)header);
        var position = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var record = output.AsSpan(6 + (12 * i), 12);
            BinaryPrimitives.WriteUInt16BigEndian(record, r.Platform);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], r.Encoding);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], r.Language);
            BinaryPrimitives.WriteUInt16BigEndian(record[6..], r.Id);
            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)r.Text.Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)position);
            r.Text.CopyTo(output.AsSpan(header + position));
            position += r.Text.Length;
        }

        return output;
    }

    /// <summary>Code point to glyph from the best Unicode subtable: format 12 (full Unicode) or format 4 (BMP).</summary>
    private static Dictionary<int, int>? ReadCmap(ReadOnlySpan<byte> cmap)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap[2..]);
        int best = -1, bestRank = 0;
        for (var i = 0; i < count; i++)
        {
            var record = cmap.Slice(4 + (8 * i), 8);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap[offset..]);
            var rank = (platform, encoding, format) switch
            {
                (3, 10, 12) or (0, 4, 12) or (0, 6, 12) => 3,
                (3, 1, 4) or (0, 3, 4) => 2,
                (0, _, 4) => 1,
                _ => 0,
            };
            if (rank > bestRank)
            {
                (best, bestRank) = (offset, rank);
            }
        }

        if (best < 0)
        {
            return null;
        }

        var map = new Dictionary<int, int>();
        var sub = cmap[best..];
        if (BinaryPrimitives.ReadUInt16BigEndian(sub) == 12)
        {
            var groups = BinaryPrimitives.ReadUInt32BigEndian(sub[12..]);
            for (var i = 0; i < groups; i++)
            {
                var group = sub.Slice(16 + (12 * i), 12);
                var start = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
                var end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                var glyph = (int)BinaryPrimitives.ReadUInt32BigEndian(group[8..]);
                for (var cp = start; cp <= end && cp - start < 0x110000; cp++)
                {
                    map[cp] = glyph + (cp - start);
                }
            }

            return map;
        }

        var segments = BinaryPrimitives.ReadUInt16BigEndian(sub[6..]) / 2;
        var ends = 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(sub[(ends + (2 * s))..]);
            int start = BinaryPrimitives.ReadUInt16BigEndian(sub[(starts + (2 * s))..]);
            var delta = BinaryPrimitives.ReadInt16BigEndian(sub[(deltas + (2 * s))..]);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(sub[(rangeOffsets + (2 * s))..]);
            for (var cp = start; cp <= end && cp != 0xFFFF; cp++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (cp + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + (2 * s) + rangeOffset + (2 * (cp - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(sub[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    map[cp] = glyph;
                }
            }
        }

        return map;
    }

    /// <summary>One format-12 subtable, listed for Unicode (0,4) and Windows full Unicode (3,10).</summary>
    private static byte[] BuildCmap(SortedDictionary<int, int> chosen)
    {
        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (cp, glyph) in chosen)
        {
            if (groups.Count > 0 && groups[^1].End == cp - 1 && groups[^1].Glyph + (cp - groups[^1].Start) == glyph)
            {
                groups[^1] = (groups[^1].Start, cp, groups[^1].Glyph);
            }
            else
            {
                groups.Add((cp, cp, glyph));
            }
        }

        var subtableLength = 16 + (12 * groups.Count);
        var cmap = new byte[4 + 16 + subtableLength];
        BinaryPrimitives.WriteUInt16BigEndian(cmap.AsSpan(2), 2);
        WriteRecord(cmap.AsSpan(4), 0, 4, 20);
        WriteRecord(cmap.AsSpan(12), 3, 10, 20);
        var sub = cmap.AsSpan(20);
        BinaryPrimitives.WriteUInt16BigEndian(sub, 12);
        BinaryPrimitives.WriteUInt32BigEndian(sub[4..], (uint)subtableLength);
        BinaryPrimitives.WriteUInt32BigEndian(sub[12..], (uint)groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = sub.Slice(16 + (12 * i), 12);
            BinaryPrimitives.WriteUInt32BigEndian(group, (uint)groups[i].Start);
            BinaryPrimitives.WriteUInt32BigEndian(group[4..], (uint)groups[i].End);
            BinaryPrimitives.WriteUInt32BigEndian(group[8..], (uint)groups[i].Glyph);
        }

        return cmap;

        static void WriteRecord(Span<byte> record, ushort platform, ushort encoding, uint offset)
        {
            BinaryPrimitives.WriteUInt16BigEndian(record, platform);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], encoding);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], offset);
        }
    }

    private static byte[] Write(uint version, SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var directory = 12 + (16 * count);
        var size = directory + tables.Values.Sum(t => Align4(t.Length));
        var output = new byte[size];
        var span = output.AsSpan();
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span, version);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - (power * 16)));

        var headOffset = 0;
        var position = directory;
        var index = 0;
        foreach (var (tag, data) in tables)
        {
            if (tag == "head")
            {
                // The whole-file checksum goes here last; it counts as zero while summing.
                BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(8), 0);
                headOffset = position;
            }

            var record = span.Slice(12 + (16 * index), 16);
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(span[position..]);
            position += Align4(data.Length);
            index++;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(output)));
        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        if (i < data.Length)
        {
            Span<byte> tail = stackalloc byte[4];
            data[i..].CopyTo(tail);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(tail));
        }

        return sum;
    }

    private static int Align4(int length) => (length + 3) & ~3;
}
