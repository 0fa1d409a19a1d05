#!/usr/bin/python3
"""One-off derivation of the quality benchmark's person cutouts and scenes (run once; the images are committed).

Per person: crop a hand-picked box, run the selfie model (models/selfie_segmentation.onnx) on the crop,
use its probability to seed OpenCV GrabCut (p > 0.9 sure person, p < 0.1 sure background, else probable),
keep the largest connected component, and write an RGBA PNG whose alpha is 0 or 255. The masks were then
checked by eye. Scenes: centre-cropped to 4:3, area-resized to 640x480, JPEG quality 95. Needs Debian's python3-opencv, opencv-doc and python3-skimage.
"""
import sys
import cv2
import numpy as np

OPENCV = '/usr/share/doc/opencv-doc/examples/data/'
SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data/'
PEOPLE = [
    # name, source image, box (x0, y0, x1, y1), hints in source pixels, checked by eye:
    # sure-person strokes ((x, y) points, 9 px wide) and sure-background rectangles
    ('astronaut', SKIMAGE + 'astronaut.png', (60, 10, 480, 512), [], [(318, 320, 480, 512)]),
    ('footballer', OPENCV + 'messi5.jpg', (55, 50, 470, 342), [[(72, 92), (110, 108), (160, 125)]], []),
    ('basketball', OPENCV + 'basketball1.png', (20, 70, 200, 480), [], []),
]
SCENES = [
    # name, source image (no person in any of them)
    ('building', OPENCV + 'building.jpg'),
    ('yellow_building', OPENCV + 'home.jpg'),
    ('street', OPENCV + 'leuvenA.jpg'),
    ('desk', OPENCV + 'stuff.jpg'),
    ('room_books', OPENCV + 'left.jpg'),
    ('coffee', SKIMAGE + 'coffee.png'),
    ('cat', SKIMAGE + 'chelsea.png'),
    ('rocket', SKIMAGE + 'rocket.jpg'),
]


def scene(path):
    image = cv2.imread(path)
    h, w = image.shape[:2]
    cw, ch = min(w, h * 4 // 3), min(h, w * 3 // 4)
    x, y = (w - cw) // 2, (h - ch) // 2
    return cv2.resize(image[y:y + ch, x:x + cw], (640, 480), interpolation=cv2.INTER_AREA)


def probability(net, crop):
    rgb = cv2.cvtColor(crop, cv2.COLOR_BGR2RGB)
    x = cv2.resize(rgb, (256, 256), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    net.setInput(x[None])
    p = net.forward()[0, :, :, 0]
    return cv2.resize(p, (crop.shape[1], crop.shape[0]), interpolation=cv2.INTER_LINEAR)


def main(model, out_dir):
    net = cv2.dnn.readNetFromONNX(model)
    for name, path, (x0, y0, x1, y1), strokes, backgrounds in PEOPLE:
        crop = cv2.imread(path)[y0:y1, x0:x1].copy()
        p = probability(net, crop)
        seed = np.where(p > 0.9, cv2.GC_FGD, np.where(p < 0.1, cv2.GC_BGD,
                        np.where(p >= 0.5, cv2.GC_PR_FGD, cv2.GC_PR_BGD))).astype(np.uint8)
        for bx0, by0, bx1, by1 in backgrounds:
            seed[by0 - y0:by1 - y0, bx0 - x0:bx1 - x0] = cv2.GC_BGD
        for stroke in strokes:
            points = np.array([(x - x0, y - y0) for x, y in stroke], np.int32)
            cv2.polylines(seed, [points], False, int(cv2.GC_FGD), 9)
        bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
        cv2.grabCut(crop, seed, None, bgd, fgd, 6, cv2.GC_INIT_WITH_MASK)
        person = np.isin(seed, (cv2.GC_FGD, cv2.GC_PR_FGD)).astype(np.uint8)
        count, labels, stats, _ = cv2.connectedComponentsWithStats(person, connectivity=8)
        largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
        alpha = np.where(labels == largest, 255, 0).astype(np.uint8)
        ys, xs = np.nonzero(alpha)
        t, b, l, r = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
        rgba = cv2.merge([*cv2.split(crop), alpha])[t:b, l:r]
        cv2.imwrite(f'{out_dir}/{name}.png', rgba)
        print(name, rgba.shape)
    for name, path in SCENES:
        cv2.imwrite(f'{out_dir}/{name}.jpg', scene(path), [cv2.IMWRITE_JPEG_QUALITY, 95])


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
