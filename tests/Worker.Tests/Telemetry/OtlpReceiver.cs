using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Worker.Tests.Telemetry;

/// <summary>One data point of a received metric: its attributes and its value (a sum or gauge's number, a histogram's count).</summary>
internal sealed record ReceivedPoint(IReadOnlyDictionary<string, string> Attributes, double Value);

internal sealed record ReceivedMetric(string Scope, string Name, IReadOnlyList<ReceivedPoint> Points);

internal sealed record ReceivedSpan(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP collector on loopback, for tests: takes protobuf exports on POST /v1/metrics and /v1/traces,
/// decodes them field by field as opentelemetry-proto defines them, and keeps what it got.
/// </summary>
internal sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        Endpoint = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(ReceiveAsync);
    }

    public int Port { get; }

    public string Endpoint { get; }

    public ConcurrentQueue<ReceivedMetric> Metrics { get; } = new();

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();

    public ConcurrentQueue<string> Paths { get; } = new();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url!.AbsolutePath;
            Paths.Enqueue($"{context.Request.HttpMethod} {path} {context.Request.ContentType}");
            if (path == "/v1/metrics")
            {
                ReadMetrics(body.ToArray());
            }
            else if (path == "/v1/traces")
            {
                ReadSpans(body.ToArray());
            }

            // An empty Export*ServiceResponse: full success.
            context.Response.StatusCode = path is "/v1/metrics" or "/v1/traces" ? 200 : 404;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    // ExportMetricsServiceRequest.resource_metrics(1) > ResourceMetrics.scope_metrics(2) > ScopeMetrics{scope(1), metrics(2)}
    private void ReadMetrics(byte[] request)
    {
        foreach (var resource in Fields(request, 1))
        {
            foreach (var scoped in Fields(resource.Bytes, 2))
            {
                var scope = ScopeName(scoped.Bytes);
                foreach (var metric in Fields(scoped.Bytes, 2))
                {
                    var name = Fields(metric.Bytes, 1).Single().Text;
                    var points = new List<ReceivedPoint>();

                    // Metric.gauge(5) and sum(7) hold NumberDataPoints (attributes 7, as_double 4, as_int 6);
                    // histogram(9) holds HistogramDataPoints (attributes 9, count 4).
                    foreach (var data in Fields(metric.Bytes, 5).Concat(Fields(metric.Bytes, 7)))
                    {
                        foreach (var point in Fields(data.Bytes, 1))
                        {
                            var fields = point.Message;
                            var value = fields.FirstOrDefault(f => f.Number == 4 && f.WireType == 1) is { Number: 4 } d ? d.Double
                                : fields.FirstOrDefault(f => f.Number == 6) is { Number: 6 } i ? (long)i.Value : double.NaN;
                            points.Add(new ReceivedPoint(Attributes(fields, 7), value));
                        }
                    }

                    foreach (var data in Fields(metric.Bytes, 9))
                    {
                        foreach (var point in Fields(data.Bytes, 1))
                        {
                            var fields = point.Message;
                            points.Add(new ReceivedPoint(Attributes(fields, 9), fields.First(f => f.Number == 4).Value));
                        }
                    }

                    Metrics.Enqueue(new ReceivedMetric(scope, name, points));
                }
            }
        }
    }

    // ExportTraceServiceRequest.resource_spans(1) > ResourceSpans.scope_spans(2) > ScopeSpans{scope(1), spans(2)};
    // Span: trace_id 1, span_id 2, parent_span_id 4, name 5, attributes 9.
    private void ReadSpans(byte[] request)
    {
        foreach (var resource in Fields(request, 1))
        {
            foreach (var scoped in Fields(resource.Bytes, 2))
            {
                var scope = ScopeName(scoped.Bytes);
                foreach (var span in Fields(scoped.Bytes, 2))
                {
                    var fields = span.Message;
                    Spans.Enqueue(new ReceivedSpan(
                        scope,
                        fields.First(f => f.Number == 5).Text,
                        Hex(fields, 1),
                        Hex(fields, 2),
                        Hex(fields, 4),
                        Attributes(fields, 9)));
                }
            }
        }
    }

    private static string ScopeName(ReadOnlyMemory<byte> scoped) =>
        Fields(scoped, 1).FirstOrDefault() is { Number: 1 } scope && Fields(scope.Bytes, 1).FirstOrDefault() is { Number: 1 } name ? name.Text : string.Empty;

    private static string Hex(IReadOnlyList<ProtobufField> fields, int number) =>
        fields.FirstOrDefault(f => f.Number == number) is { Number: > 0 } f ? Convert.ToHexStringLower(f.Bytes.Span) : string.Empty;

    // KeyValue{key 1, value 2: AnyValue{string_value 1, bool_value 2, int_value 3, double_value 4}}
    private static Dictionary<string, string> Attributes(IReadOnlyList<ProtobufField> fields, int number)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in fields.Where(f => f.Number == number))
        {
            var kv = pair.Message;
            var key = kv.First(f => f.Number == 1).Text;
            var any = kv.FirstOrDefault(f => f.Number == 2) is { Number: 2 } v ? v.Message : [];
            attributes[key] = (any.Count > 0 ? any[0] : default) switch
            {
                { Number: 1 } s => s.Text,
                { Number: 2 or 3 } n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                { Number: 4 } d => d.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => string.Empty,
            };
        }

        return attributes;
    }

    private static IEnumerable<ProtobufField> Fields(ReadOnlyMemory<byte> message, int number) =>
        ProtobufReader.Read(message).Where(f => f.Number == number && f.WireType == 2);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
