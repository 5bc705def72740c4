namespace Reports.Email;

/// <summary>A picture in the mail body, referenced from the HTML as cid:<see cref="ContentId"/>.</summary>
public sealed record InlineImage(string ContentId, string FileName, byte[] Png, string AltText);

/// <summary>The HTML body (with a plain-text alternative) of a report mail; delivery attaches the PDF.</summary>
public sealed record EmailBody(string Subject, string Html, string PlainText, IReadOnlyList<InlineImage> Images)
{
    /// <summary>The language the body is written in ("en", "nl").</summary>
    public string Language { get; init; } = Text.Wording.NeutralLanguage;
}
