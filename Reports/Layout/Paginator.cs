using SkiaSharp;

namespace Reports.Layout;

/// <summary>A fragment at its place on a page.</summary>
internal readonly record struct PlacedFragment(Fragment Fragment, SKRect Box);

/// <summary>The fragments of one page, in drawing order.</summary>
internal sealed record PageModel(IReadOnlyList<PlacedFragment> Fragments);

/// <summary>
/// Places fragments on pages top to bottom inside the body. Runs before anything is drawn so the
/// page count ("Page x of y") is known when pages are drawn.
/// </summary>
internal static class Paginator
{
    public static List<PageModel> Paginate(IReadOnlyList<Fragment> fragments, SKRect body)
    {
        var pages = new List<PageModel>();
        var current = new List<PlacedFragment>();
        float y = 0;

        void NewPage()
        {
            pages.Add(new PageModel(current));
            current = [];
            y = 0;
        }

        void Place(Fragment fragment)
        {
            // A fragment taller than the body (never produced by the fragmenter) is cut to the body.
            float h = Math.Min(fragment.Height, body.Height - y);
            current.Add(new PlacedFragment(fragment, new SKRect(body.Left, body.Top + y, body.Right, body.Top + y + h)));
            y += fragment.Height;
        }

        for (int i = 0; i < fragments.Count; i++)
        {
            var fragment = fragments[i];
            if (fragment is PageBreakFragment)
            {
                if (current.Count > 0)
                {
                    NewPage();
                }

                continue;
            }

            if (fragment.IsSpacing && y == 0)
            {
                continue;
            }

            float needed = ChainHeight(fragments, i);
            if (needed > body.Height)
            {
                needed = fragment.Height;
            }

            if (y > 0 && y + needed > body.Height + 0.01f)
            {
                if (fragment.IsSpacing)
                {
                    // Space that does not fit is not carried over: it would only open the next page.
                    continue;
                }

                NewPage();
            }

            if (y == 0 && fragment is TableRowFragment { Header: { } header })
            {
                Place(header);
            }

            Place(fragment);
        }

        if (current.Count > 0 || pages.Count == 0)
        {
            pages.Add(new PageModel(current));
        }

        return pages;
    }

    /// <summary>
    /// Height of the fragment plus every following one it must stay with. A chain taller than a
    /// page cannot be kept together and is only as tall as its first fragment.
    /// </summary>
    private static float ChainHeight(IReadOnlyList<Fragment> fragments, int start)
    {
        float total = fragments[start].Height;
        int i = start;
        while (fragments[i].KeepWithNext && i + 1 < fragments.Count && fragments[i + 1] is not PageBreakFragment)
        {
            i++;
            total += fragments[i].Height;
            if (fragments[i] is TableRowFragment { Header: not null })
            {
                break;
            }
        }

        return total;
    }
}
