using OpenCvSharp;

namespace SparkVideo.Vision.People;

/// <summary>
/// Which crops the selfie model sees for a frame's people: one per person (<see cref="CropGeometry"/>); past
/// <see cref="MaxCrops"/>, the two whose joint crop adds the fewest pixels are merged, again and again, so a crowd costs
/// a bounded number of inferences (people side by side share a crop). Merging only past the cap: a joint crop shows
/// each person smaller, and the benchmark loses 0.05-0.10 IoU where people near the camera were merged.
/// </summary>
public sealed record CropPlan(CropGeometry Geometry, int MaxCrops = CropPlan.DefaultMaxCrops)
{
    public const int DefaultMaxCrops = 4;

    public List<Rect> CropsOf(IReadOnlyList<PersonBox> boxes, Size frame, Size modelInput)
    {
        var crops = boxes.Select(b => Geometry.CropOf(b, frame, modelInput)).Where(c => c.Width >= 2 && c.Height >= 2).ToList();
        while (crops.Count > MaxCrops)
        {
            var (best, extra) = ((-1, -1), long.MaxValue);
            for (var i = 0; i < crops.Count; i++)
            {
                for (var j = i + 1; j < crops.Count; j++)
                {
                    var union = Union(crops[i], crops[j], frame, modelInput);
                    var cost = Area(union) - Area(crops[i]) - Area(crops[j]);
                    if (cost < extra)
                    {
                        (best, extra) = ((i, j), cost);
                    }
                }
            }
            var merged = Union(crops[best.Item1], crops[best.Item2], frame, modelInput);
            crops.RemoveAt(best.Item2);
            crops[best.Item1] = merged;
        }
        return crops;
    }

    private Rect Union(Rect a, Rect b, Size frame, Size modelInput)
    {
        var bounds = a | b;
        // The union as a box with no padding of its own: the crops it joins are already padded.
        return (Geometry with { Padding = 0 }).CropOf(new PersonBox(bounds.X, bounds.Y, bounds.Width, bounds.Height), frame, modelInput);
    }

    private static long Area(Rect r) => (long)r.Width * r.Height;
}
