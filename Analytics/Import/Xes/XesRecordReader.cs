using System.Xml;

namespace Analytics.Import.Xes;

/// <summary>
/// Streams an XES log's events as records laid out by a fixed list of attribute names, so the event-log
/// import reads them as it reads CSV rows. An event attribute is named by its key ("concept:name",
/// "org:group"); an attribute of the event's trace by "trace:" and its key ("trace:concept:name"). An
/// event lacking an attribute that its trace has takes the trace's value under the plain key too.
/// A record's line is the line of its &lt;event&gt; element. Nested attribute values (lists, containers)
/// are not read: ticket fields are flat.
/// </summary>
public sealed class XesRecordReader : IRecordReader, IDisposable
{
    public const string TracePrefix = "trace:";

    private readonly XmlReader _xml;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly int _width;
    private readonly Dictionary<string, string> _trace = new(StringComparer.Ordinal);
    private bool _ended;

    public XesRecordReader(Stream content, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _width = names.Count;
        for (var i = 0; i < names.Count; i++)
        {
            _index.TryAdd(names[i], i);
        }

        _xml = XmlReader.Create(content, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        });
    }

    public CsvReadResult? Read()
    {
        if (_ended)
        {
            return null;
        }

        try
        {
            while (_xml.Read())
            {
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (_xml.LocalName)
                {
                    case "trace":
                        _trace.Clear();
                        if (_xml.IsEmptyElement)
                        {
                            continue;
                        }

                        ReadTraceAttributes();
                        if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "event")
                        {
                            return ReadEvent();
                        }

                        break;
                    case "event":
                        return ReadEvent();
                }
            }
        }
        catch (XmlException ex)
        {
            // Nothing after a well-formedness error can be trusted; what was read before it is kept.
            _ended = true;
            return CsvReadResult.Broken(ex.LineNumber, string.Empty, $"the XES file is not well-formed XML from here on: {ex.Message}");
        }

        _ended = true;
        return null;
    }

    /// <summary>Reads the trace's own attributes, stopping at its first event (or its end).</summary>
    private void ReadTraceAttributes()
    {
        var depth = _xml.Depth;
        _xml.Read();
        while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth) && !_xml.EOF)
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == depth + 1)
            {
                if (_xml.LocalName == "event")
                {
                    return;
                }

                if (_xml.GetAttribute("key") is { } key)
                {
                    _trace[key] = _xml.GetAttribute("value") ?? string.Empty;
                }

                _xml.Skip();
                continue;
            }

            _xml.Read();
        }
    }

    private CsvReadResult ReadEvent()
    {
        var line = ((IXmlLineInfo)_xml).LineNumber;
        var fields = new string[_width];
        Array.Fill(fields, string.Empty);
        foreach (var (key, value) in _trace)
        {
            if (_index.TryGetValue(TracePrefix + key, out var i))
            {
                fields[i] = value;
            }

            if (_index.TryGetValue(key, out var plain))
            {
                fields[plain] = value;
            }
        }

        if (!_xml.IsEmptyElement)
        {
            var depth = _xml.Depth;
            _xml.Read();
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.Depth == depth) && !_xml.EOF)
            {
                if (_xml.NodeType == XmlNodeType.Element && _xml.Depth == depth + 1)
                {
                    if (_xml.GetAttribute("key") is { } key && _index.TryGetValue(key, out var i))
                    {
                        fields[i] = _xml.GetAttribute("value") ?? string.Empty;
                    }

                    _xml.Skip();
                    continue;
                }

                _xml.Read();
            }
        }

        return CsvReadResult.Ok(new CsvRecord(line, fields, $"<event> at line {line}"));
    }

    public void Dispose() => _xml.Dispose();
}
