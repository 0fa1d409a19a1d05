namespace SparkVideo.TfliteToOnnx.Conversion.Ops;

/// <summary>RESIZE_BILINEAR → Resize(mode=linear) with the matching coordinate transformation.</summary>
public static class ResizeOps
{
    public static void ResizeBilinear(TfliteOperator op, ConversionContext context)
    {
        var options = op.Options as ResizeBilinearOptions ?? new ResizeBilinearOptions(false, false);
        var size = context.ConstantInts(op.Inputs[1], op); // [new_height, new_width]
        var input = context.Shape(op.Inputs[0]);
        var sizes = context.AddInt64Initializer($"op{op.Index}_sizes", [input[0], input[3],
            TfliteToOnnxConverter.Scaled(size[0], context.SpatialScale.Height), TfliteToOnnxConverter.Scaled(size[1], context.SpatialScale.Width)]);
        var mode = options switch
        {
            { AlignCorners: true } => "align_corners",
            { HalfPixelCenters: true } => "half_pixel",
            _ => "asymmetric",
        };
        context.AddNode(op, "Resize", [context.ValueName(op.Inputs[0]), "", "", sizes], [context.ValueName(op.Outputs[0])],
            OnnxAttribute.Of("coordinate_transformation_mode", mode),
            OnnxAttribute.Of("mode", "linear"));
    }
}
