using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>
/// A thorough search for the people in one image (a photo; not a camera's frames, which cannot afford it): the
/// detector on the whole frame, then on each tile of a <see cref="Grid"/> x <see cref="Grid"/> grid of overlapping
/// tiles, which it sees Grid / (1 + <see cref="Overlap"/>) times larger (1.8x for the default), so people a sixth of the
/// frame tall are found. From the tiles only people the whole-frame pass cannot have missed for their size are added:
/// shorter than <see cref="MaxShareOfTile"/> of a tile, not cut by a tile's inner edge (a neighbouring tile or the
/// whole frame shows them whole), not inside a box the whole frame found, and scored at least
/// <see cref="MinTileScore"/>: a tile shows the background larger too, and its weak boxes were more often things than
/// people. Costs 1 + Grid² detector runs.
/// The settings are the quality benchmark's choice (docs/quality.md, "A photo's people").
/// </summary>
public sealed record TiledPersonSearch(int Grid = 2, float Overlap = 0.1f, float MaxShareOfTile = 0.6f, float MinTileScore = 0.35f)
{
    /// <summary>Pixels from a tile's inner edge within which a box counts as cut by it.</summary>
    private const float EdgeMargin = 3;

    /// <summary>Boxes overlapping a better one by more than this are dropped, as the detector's own pass does.</summary>
    private const float MaxOverlap = 0.5f;

    public List<PersonBox> Detect(IPersonDetector detector, Mat bgrFrame)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(bgrFrame);
        var whole = detector.Detect(bgrFrame);
        var found = new List<PersonBox>(whole);
        foreach (var tile in TilesOf(bgrFrame.Size()))
        {
            using var view = new Mat(bgrFrame, tile);
            foreach (var box in detector.Detect(view))
            {
                var placed = box with { X = box.X + tile.X, Y = box.Y + tile.Y };
                if (box.Score >= MinTileScore && box.Height <= MaxShareOfTile * tile.Height && !CutByInnerEdge(box, tile, bgrFrame.Size())
                    && !whole.Any(w => w.Contains(placed.CenterX, placed.CenterY)))
                {
                    found.Add(placed);
                }
            }
        }
        return BoxSuppression.Suppress(found, MaxOverlap);
    }

    /// <summary>The grid's tiles, each (1 + <see cref="Overlap"/>) / <see cref="Grid"/> of the frame a side, spread evenly from edge to edge.</summary>
    public List<Rect> TilesOf(Size frame)
    {
        var width = Math.Min(frame.Width, (int)(frame.Width * (1 + Overlap) / Grid));
        var height = Math.Min(frame.Height, (int)(frame.Height * (1 + Overlap) / Grid));
        var tiles = new List<Rect>();
        for (var row = 0; row < Grid; row++)
        {
            for (var column = 0; column < Grid; column++)
            {
                tiles.Add(new Rect(Spread(column, frame.Width - width), Spread(row, frame.Height - height), width, height));
            }
        }
        return tiles;
    }

    private int Spread(int index, int room) => Grid == 1 ? 0 : index * room / (Grid - 1);

    /// <summary>Whether the box (in the tile's pixels) touches an edge of the tile that lies inside the frame.</summary>
    private static bool CutByInnerEdge(PersonBox box, Rect tile, Size frame) =>
        (tile.X > 0 && box.X < EdgeMargin)
        || (tile.Y > 0 && box.Y < EdgeMargin)
        || (tile.Right < frame.Width && box.Right > tile.Width - EdgeMargin)
        || (tile.Bottom < frame.Height && box.Bottom > tile.Height - EdgeMargin);
}
