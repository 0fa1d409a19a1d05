namespace SparkVideo.Vision.People;

/// <summary>Greedy non-maximum suppression: the best-scoring box of each overlapping group is kept.</summary>
public static class BoxSuppression
{
    public static List<PersonBox> Suppress(IEnumerable<PersonBox> boxes, float maxIou)
    {
        var kept = new List<PersonBox>();
        foreach (var box in boxes.OrderByDescending(b => b.Score))
        {
            if (kept.All(k => k.Iou(box) < maxIou))
            {
                kept.Add(box);
            }
        }
        return kept;
    }
}
