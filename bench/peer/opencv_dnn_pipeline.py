#!/usr/bin/env python3
"""The seed's pipeline as a user would write it with OpenCV's DNN module: the peer the bench compares the bare loop with.

For each JPEG frame: decode, stretch to the model's 256x256 RGB input in [0, 1], forward, the mask back to the frame
size, composite over gray 192, JPEG-encode (quality 90) and write the file. One OpenCV thread, as the bare loop runs.
Prints one line: `frames=N cpu_seconds=S elapsed_seconds=E`, the process CPU time (all threads) over the measured
frames, the warm-up frames excluded.
"""
import argparse
import os
import sys
import time

import cv2
import numpy as np

MODEL_SIZE = 256
BACKGROUND_GRAY = 192
JPEG_QUALITY = 90


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", required=True, help="selfie_segmentation.onnx")
    parser.add_argument("--frames-dir", required=True, help="folder of JPEG frames, read in name order")
    parser.add_argument("--output-dir", required=True, help="folder the composited frames are written to")
    parser.add_argument("--frames", type=int, required=True, help="frames to measure (the inputs are cycled)")
    parser.add_argument("--warmup-frames", type=int, default=3, help="frames run before the measurement")
    return parser.parse_args()


def remove_background(net, jpeg):
    frame = cv2.imdecode(jpeg, cv2.IMREAD_COLOR)
    height, width = frame.shape[:2]
    rgb = cv2.cvtColor(cv2.resize(frame, (MODEL_SIZE, MODEL_SIZE)), cv2.COLOR_BGR2RGB)
    blob = (rgb.astype(np.float32) / 255.0)[np.newaxis]  # NHWC, as the model takes it
    net.setInput(blob)
    mask = net.forward().reshape(MODEL_SIZE, MODEL_SIZE)
    alpha = cv2.resize(mask, (width, height), interpolation=cv2.INTER_LINEAR)[:, :, np.newaxis]
    composite = frame * alpha + BACKGROUND_GRAY * (1.0 - alpha)
    ok, encoded = cv2.imencode(".jpg", composite.astype(np.uint8), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise RuntimeError("JPEG encoding failed")
    return encoded


def main():
    arguments = parse_arguments()
    cv2.setNumThreads(1)
    names = sorted(name for name in os.listdir(arguments.frames_dir) if name.endswith(".jpg"))
    if not names:
        print(f"error: no .jpg frames in {arguments.frames_dir}", file=sys.stderr)
        return 1
    jpegs = [np.fromfile(os.path.join(arguments.frames_dir, name), dtype=np.uint8) for name in names]
    net = cv2.dnn.readNetFromONNX(arguments.model)

    def run(index):
        encoded = remove_background(net, jpegs[index % len(jpegs)])
        encoded.tofile(os.path.join(arguments.output_dir, f"frame_{index:07d}.jpg"))

    for index in range(arguments.warmup_frames):
        run(index)
    cpu_start, clock_start = time.process_time(), time.perf_counter()
    for index in range(arguments.frames):
        run(arguments.warmup_frames + index)
    cpu, elapsed = time.process_time() - cpu_start, time.perf_counter() - clock_start
    print(f"frames={arguments.frames} cpu_seconds={cpu:.4f} elapsed_seconds={elapsed:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
