using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Worker.Delivery;

namespace Worker.Cli;

/// <summary>
/// <c>mail list [--state S] [--period P] [--recipient R]</c> and <c>mail resend ID... | --failed</c>: the outbox as the
/// store holds it, and the deliberate second try of a failed or unconfirmed mail. See docs/delivery.md.
/// </summary>
public static class MailCommand
{
    public const int StoreUnavailable = 1;

    /// <summary>No such state or mail, or a mail that is not failed or unconfirmed (a sent mail is never sent twice by accident).</summary>
    public const int Refused = 2;

    private static readonly string[] States = [OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Sent, OutboxStatus.Failed, OutboxStatus.Unconfirmed];

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var mail = new Command("mail", "The outbox: what was mailed to whom, what waits, failed or is unconfirmed.");

        var state = new Option<string?>("--state") { Description = $"Only mails in this state: {string.Join(", ", States)}." };
        var period = new Option<string?>("--period") { Description = "Only mails for this period (e.g. 2026-W47)." };
        var recipient = new Option<string?>("--recipient") { Description = "Only mails to this address." };
        var list = new Command("list", "List the outbox: id, state, recipient, report, attempts, last error.") { state, period, recipient };
        list.SetAction(async (parse, cancellationToken) => await WithHostAsync(compose, "mail list", host =>
            ListAsync(host, parse.GetValue(state), parse.GetValue(period), parse.GetValue(recipient), cancellationToken)));
        mail.Add(list);

        var ids = new Argument<string[]>("id") { Description = "The mail's id from 'mail list' (or its whole Message-ID).", Arity = ArgumentArity.ZeroOrMore };
        var failed = new Option<bool>("--failed") { Description = "Every failed mail (after fixing the setting that failed them)." };
        var resend = new Command(
            "resend",
            "Queue a failed or unconfirmed mail again; the running worker sends it at its next poll. Check an unconfirmed one in the mail server's log first: it may have arrived.")
        {
            ids, failed,
        };
        resend.SetAction(async (parse, cancellationToken) => await WithHostAsync(compose, "mail resend", host =>
            ResendAsync(host, parse.GetValue(ids) ?? [], parse.GetValue(failed), cancellationToken)));
        mail.Add(resend);
        return mail;
    }

    private static async Task<int> WithHostAsync(Action<IHostApplicationBuilder> compose, string what, Func<IHost, Task<int>> action)
    {
        using var host = CliHost.Build(compose);
        try
        {
            return await action(host);
        }
        catch (System.Data.Common.DbException ex)
        {
            await Console.Error.WriteLineAsync($"{what}: the outbox cannot be read ({ex.Message}); check Store:ConnectionString.");
            return StoreUnavailable;
        }
    }

    private static async Task<int> ListAsync(IHost host, string? state, string? period, string? recipient, CancellationToken cancellationToken)
    {
        if (state is not null && !States.Contains(state, StringComparer.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"mail list: --state '{Printable(state)}' is not a state; the states are {string.Join(", ", States)}.");
            return Refused;
        }

        var entries = (await host.Services.GetRequiredService<Outbox>().GetAsync(state?.ToLowerInvariant(), cancellationToken))
            .Where(e => period is null || string.Equals(e.Key.Period, period, StringComparison.OrdinalIgnoreCase))
            .Where(e => recipient is null || string.Equals(e.Key.Recipient, recipient, StringComparison.OrdinalIgnoreCase))
            .ToList();

        // Piped to a file or grep, rows stay on one line each instead of wrapping (last errors are long).
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 1000;
        }

        var table = new Table().AddColumns("id", "state", "recipient", "report", "attempts", "sent / next attempt (UTC)", "last error");
        foreach (var e in entries)
        {
            var when = e.Status switch
            {
                OutboxStatus.Sent => e.SentAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                OutboxStatus.Pending => e.NextAttemptAt.ToString("u", CultureInfo.InvariantCulture),
                _ => "-",
            };
            table.AddRow(
                e.Id,
                e.Status is OutboxStatus.Failed or OutboxStatus.Unconfirmed ? $"[yellow]{e.Status}[/]" : e.Status,
                Markup.Escape(Printable(e.Key.Recipient)),
                Markup.Escape(Printable($"{e.Key.ReportKind} {e.Key.Period} {e.Key.Scope}")),
                e.Attempts.ToString(CultureInfo.InvariantCulture),
                when,
                Markup.Escape(Printable(e.LastError ?? string.Empty)));
        }

        AnsiConsole.Write(table);
        var counts = entries.GroupBy(e => e.Status).Select(g => $"{g.Count()} {g.Key}");
        AnsiConsole.WriteLine($"{entries.Count} mails{(entries.Count == 0 ? "." : ": " + string.Join(", ", counts) + ".")}");
        foreach (var unconfirmed in entries.Where(e => e.Status == OutboxStatus.Unconfirmed))
        {
            AnsiConsole.WriteLine(
                $"{unconfirmed.Id} may have reached {Printable(unconfirmed.Key.Recipient)}: look for Message-ID <{Printable(unconfirmed.MessageId)}> in the mail server's log; " +
                $"if it is not there, 'mail resend {unconfirmed.Id}' sends it.");
        }

        if (entries.Any(e => e.Status == OutboxStatus.Failed))
        {
            AnsiConsole.WriteLine("After fixing what the last error names, 'mail resend ID' (or 'mail resend --failed') queues failed mails again.");
        }

        return 0;
    }

    private static async Task<int> ResendAsync(IHost host, string[] ids, bool allFailed, CancellationToken cancellationToken)
    {
        if (ids.Length == 0 && !allFailed)
        {
            await Console.Error.WriteLineAsync("mail resend: name the mails to send again (their id from 'mail list'), or --failed for every failed mail.");
            return Refused;
        }

        var outbox = host.Services.GetRequiredService<Outbox>();
        var everything = await outbox.GetAsync(null, cancellationToken);
        var chosen = new List<OutboxEntry>();
        var refused = 0;
        foreach (var id in ids)
        {
            var wanted = id.Trim().Trim('<', '>');
            var matches = wanted.Length < 6
                ? []
                : everything.Where(e => e.MessageId.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
            switch (matches.Count)
            {
                case 0:
                    await Console.Error.WriteLineAsync($"mail resend: no mail with id '{Printable(id)}'; 'mail list' shows the ids.");
                    refused++;
                    continue;
                case > 1:
                    await Console.Error.WriteLineAsync($"mail resend: '{Printable(id)}' names {matches.Count} mails; give more of its Message-ID.");
                    refused++;
                    continue;
            }

            var entry = matches[0];
            if (entry.Status is not (OutboxStatus.Failed or OutboxStatus.Unconfirmed))
            {
                await Console.Error.WriteLineAsync($"mail resend: {entry.Id} to {Printable(entry.Key.Recipient)} is {Describe(entry)}; only failed or unconfirmed mails are sent again.");
                refused++;
                continue;
            }

            chosen.Add(entry);
        }

        if (allFailed)
        {
            chosen.AddRange(everything.Where(e => e.Status == OutboxStatus.Failed && !chosen.Contains(e)));
        }

        var queued = 0;
        foreach (var entry in chosen)
        {
            if (await outbox.RequeueAsync(entry, cancellationToken))
            {
                queued++;
                AnsiConsole.WriteLine($"{entry.Id} to {Printable(entry.Key.Recipient)} ({Printable($"{entry.Key.ReportKind} {entry.Key.Period} {entry.Key.Scope}")}) queued again.");
            }
            else
            {
                await Console.Error.WriteLineAsync($"mail resend: {entry.Id} changed state meanwhile; 'mail list' shows it now.");
                refused++;
            }
        }

        var poll = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value.PollInterval;
        AnsiConsole.WriteLine(queued == 0
            ? "Nothing queued."
            : $"{queued} mails queued; the running worker sends them within {poll.TotalSeconds:0.#} s (Delivery:PollInterval).");
        return refused == 0 ? 0 : Refused;
    }

    private static string Describe(OutboxEntry entry) => entry.Status switch
    {
        OutboxStatus.Sent => $"sent ({entry.SentAt?.ToString("u", CultureInfo.InvariantCulture)})",
        OutboxStatus.Pending => "already queued",
        OutboxStatus.Sending => "being sent",
        _ => entry.Status,
    };

    /// <summary>Team names and errors come from data and servers: no control character reaches the operator's terminal.</summary>
    private static string Printable(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
}
