using Microsoft.Extensions.Options;
using MimeKit;

namespace Worker.Delivery;

/// <summary>
/// The embedded default: each mail becomes an .eml file in a folder (open it with any mail client). The file
/// name is derived from the outbox key and written by rename, so a file is there whole or not at all, writing
/// it twice leaves one file, and a send interrupted by a crash can be checked afterwards.
/// </summary>
public sealed class PickupFolderTransport(IOptions<DeliveryOptions> options) : IMailTransport
{
    private string Folder => Path.GetFullPath(options.Value.PickupFolder);

    public Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        return Task.FromResult<IMailSession>(new Session(this));
    }

    public bool? WasDelivered(OutboxKey key, string messageId) => File.Exists(PathOf(key));

    /// <summary>The file a mail with <paramref name="key"/> is written to.</summary>
    public string PathOf(OutboxKey key) =>
        Path.Combine(Folder, OutboxKey.Slug($"{key.ReportKind}_{key.Period}_{key.Scope}_{key.Recipient}") + ".eml");

    private sealed class Session(PickupFolderTransport owner) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, OutboxKey key, CancellationToken cancellationToken)
        {
            var path = owner.PathOf(key);
            var temporary = path + ".tmp";
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
