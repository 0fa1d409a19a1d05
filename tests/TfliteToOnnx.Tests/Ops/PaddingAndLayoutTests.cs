namespace SparkVideo.TfliteToOnnx.Tests.Ops;

public class PaddingAndLayoutTests
{
    [Theory]
    [InlineData(256, 3, 2, 0, 1)] // the model's first conv: the odd pixel goes at the end
    [InlineData(7, 3, 2, 1, 1)]
    [InlineData(8, 5, 2, 1, 2)]
    [InlineData(16, 5, 1, 2, 2)]
    [InlineData(6, 1, 1, 0, 0)]
    public void Same_padding_puts_the_odd_pixel_at_the_end(int size, int kernel, int stride, int begin, int end) =>
        Assert.Equal((begin, end), TfPadding.ForConvolution(Padding.Same, size, kernel, stride));

    [Fact]
    public void Valid_padding_is_zero() => Assert.Equal((0, 0), TfPadding.ForConvolution(Padding.Valid, 9, 3, 2));

    [Theory]
    [InlineData(128, 256, 2, 2, 0, 0, 0)] // the model's final 2x2 stride-2 transposed conv
    [InlineData(4, 8, 3, 2, 0, 1, 0)]
    [InlineData(4, 8, 1, 2, 0, 0, 1)] // kernel smaller than stride: needs output_padding
    public void Transposed_convolution_crop(int input, int output, int kernel, int stride, int begin, int end, int extra) =>
        Assert.Equal((begin, end, extra), TfPadding.ForTransposedConvolution(input, output, kernel, stride));

    [Fact]
    public void Permute_ohwi_to_oihw_moves_input_channels_after_output_channels()
    {
        // shape [O=2, H=1, W=2, I=3]; value encodes its own OHWI index as o*100 + h*10 + w + i/10
        var shape = new[] { 2, 1, 2, 3 };
        var data = new float[12];
        for (int o = 0, n = 0; o < 2; o++)
            for (var w = 0; w < 2; w++)
                for (var i = 0; i < 3; i++)
                {
                    data[n++] = o * 100 + w + i / 10f;
                }
        var (result, dims) = WeightLayout.Permute(data, shape, WeightLayout.ConvOhwiToOihw);
        Assert.Equal([2, 3, 1, 2], dims);
        // OIHW element [o=1, i=2, h=0, w=1] sits at ((1*3+2)*1+0)*2+1 = 11
        Assert.Equal(101.2f, result[11], 5);
        // OIHW element [o=0, i=1, h=0, w=0] sits at ((0*3+1)*1+0)*2+0 = 2
        Assert.Equal(0.1f, result[2], 5);
    }

    [Fact]
    public void Permute_transpose_conv_ohwi_to_iohw()
    {
        var shape = new[] { 2, 1, 1, 3 }; // O=2, I=3
        float[] data = [0, 1, 2, 10, 11, 12]; // value = o*10 + i
        var (result, dims) = WeightLayout.Permute(data, shape, WeightLayout.TransposeConvOhwiToIohw);
        Assert.Equal([3, 2, 1, 1], dims);
        Assert.Equal([0, 10, 1, 11, 2, 12], result);
    }
}
