using Microsoft.Extensions.Options;
using MimeKit;

namespace Worker.Delivery;

/// <summary>
/// The embedded default: each mail becomes an .eml file in a folder (open it with any mail client). The file
/// name is derived from the outbox key (<see cref="PickupFileName"/>: unique per key) and written by rename
/// without overwrite, so a file is there whole or not at all, writing it twice leaves one file, and a send
/// interrupted by a crash can be checked afterwards by looking for that key's file alone.
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
        Path.Combine(Folder, PickupFileName.For(key));

    private sealed class Session(PickupFolderTransport owner) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, OutboxKey key, CancellationToken cancellationToken)
        {
            var path = owner.PathOf(key);
            // Unique per attempt, so an attempt never truncates or deletes another's half-written file.
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await using (var file = File.Create(temporary))
                {
                    await message.WriteToAsync(file, cancellationToken);
                }

                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // The file of this key is already there: the same mail (same key, same Message-ID) was written
                // before, by an attempt the outbox did not see finish. Leave it; it is this mail, delivered.
            }
            finally
            {
                File.Delete(temporary);
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
