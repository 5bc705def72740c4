namespace Worker.Tests.Telemetry;

/// <summary>
/// The protobuf wire format, enough to walk OTLP messages by field number: no package here ships the OTLP
/// message classes, and the format is five wire types. A field is kept as its varint/fixed value or its bytes.
/// </summary>
internal readonly record struct ProtobufField(int Number, int WireType, ulong Value, ReadOnlyMemory<byte> Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public double Double => BitConverter.Int64BitsToDouble((long)Value);

    public IReadOnlyList<ProtobufField> Message => ProtobufReader.Read(Bytes);

    public static IReadOnlyList<ProtobufField> Read(ReadOnlyMemory<byte> bytes) => ProtobufReader.Read(bytes);
}

internal static class ProtobufReader
{
    public static IReadOnlyList<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtobufField>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var key = Varint(span, ref at);
            var number = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0:
                    fields.Add(new ProtobufField(number, wire, Varint(span, ref at), default));
                    break;
                case 1:
                    fields.Add(new ProtobufField(number, wire, BitConverter.ToUInt64(span.Slice(at, 8)), default));
                    at += 8;
                    break;
                case 2:
                    var length = (int)Varint(span, ref at);
                    fields.Add(new ProtobufField(number, wire, 0, message.Slice(at, length)));
                    at += length;
                    break;
                case 5:
                    fields.Add(new ProtobufField(number, wire, BitConverter.ToUInt32(span.Slice(at, 4)), default));
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wire} at byte {at} is not protobuf");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
