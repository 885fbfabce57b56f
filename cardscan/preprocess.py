"""OpenCV steps from an upright photo to the image Tesseract should read: find and flatten the card,
turn it upright, even out the light, invert light-on-dark regions, scale the text to a good height.

Each step is a module-level function ndarray -> ndarray that can be switched off in Settings;
`prepare` alone chains them. Nothing here calls Tesseract, and nothing here
writes files: `keep` hands each step's image to the caller.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import cv2
import numpy as np

from .config import Settings

Keep = Callable[[str, np.ndarray], None]

#: width/height of common cards: US 3.5x2 in, Japan 91x55 mm, ISO/EU 85x55 mm
CARD_ASPECTS: tuple[float, ...] = (1.75, 1.65, 1.55)
#: the card finder works on a copy whose long side is this many pixels
FIND_SIDE = 800
#: rescale aims the x-height (30th percentile of letter-like blob heights) at this many pixels;
#: measured on dev photos, 16 reads as well as 20 or better, on 35% fewer pixels
TARGET_TEXT_HEIGHT = 16.0
#: light/invert work on at most this long a side: enough for the smallest print, and 4x cheaper
#: than a full-resolution crop from a 12 MP photo
WORK_SIDE = 1800
#: and never makes the OCR image larger than this (pixels), because Tesseract's time grows with it
MAX_OCR_PIXELS = 3_000_000
#: `light` maps every background to this grey, leaving room for print on both sides of it
PAPER = 192.0
#: a card whose median grey is below this is dark: `light` turns its light print dark, as there is more
#: room below PAPER than above it (light print stretched upwards clipped at white and lost its strokes)
DARK_CARD = 100


@dataclass(frozen=True)
class Prepared:
    """What preprocessing made of one photo."""

    image: np.ndarray  # greyscale uint8, upright, text at a good height: what OCR reads
    card_found: bool  # a card outline was found and flattened (False: the whole photo is used)
    warnings: tuple[str, ...] = ()
    quad: tuple[tuple[float, float], ...] | None = None  # card corners in the photo (tl, tr, br, bl)
    rotation: int = 0  # degrees counter-clockwise applied so the text is upright (0, 90, 180 or 270)
    scale: float = 1.0  # factor applied by rescale
    text_height: float | None = None  # estimated letter height before rescale, pixels
    upright_sure: bool = False  # the letter shapes left no doubt which way is up (no need to read it turned)
    unlit: np.ndarray | None = None  # the card before `light` (None with light off): see without_light
    unlit_contrast: tuple[np.ndarray, np.ndarray] | None = None  # print_contrast(unlit), measured for `light`
    others: tuple[np.ndarray, ...] = ()  # the next most card-like outlines: what to read if this one held no card
    guess: np.ndarray | None = None  # no outline was found: the best guess at one, to read if the print held no card


# --------------------------------------------------------------------------- geometry helpers


def order_quad(points: np.ndarray | Sequence[Sequence[float]]) -> np.ndarray:
    """Four points -> float32 (4, 2) in the order top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(points, dtype=np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    # clockwise on screen (y grows downwards) starting from the smallest angle, then start at top-left
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def order_quads(quads: np.ndarray) -> np.ndarray:
    """`order_quad` of many quads at once: (n, 4, 2) -> float32 (n, 4, 2)."""
    pts = np.asarray(quads, dtype=np.float32).reshape(-1, 4, 2)
    centre = pts.mean(axis=1, keepdims=True)
    angles = np.arctan2(pts[..., 1] - centre[..., 1], pts[..., 0] - centre[..., 0])
    pts = np.take_along_axis(pts, np.argsort(angles, axis=1)[..., None], axis=1)
    start = np.argmin(pts.sum(axis=2), axis=1)
    return np.take_along_axis(pts, ((start[:, None] + np.arange(4)) % 4)[..., None], axis=1)


def quad_size(quad: np.ndarray) -> tuple[float, float]:
    """Width and height of a quad (tl, tr, br, bl): the mean of opposite sides."""
    w, h = quad_sizes(np.asarray(quad)[None])
    return float(w[0]), float(h[0])


def quad_sizes(quads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`quad_size` of many quads (n, 4, 2) at once: their widths and heights."""
    q = np.asarray(quads, dtype=np.float64)
    side = np.hypot(*(np.roll(q, -1, axis=1) - q).transpose(2, 0, 1))  # (n, 4): top, right, bottom, left
    return (side[:, 0] + side[:, 2]) / 2, (side[:, 3] + side[:, 1]) / 2


def aspect_score(width: float, height: float) -> float:
    """1.0 for a business-card shape (either way round), falling towards 0 away from it.

    Tolerant, because perspective foreshortens one side of a photographed card.
    """
    return float(aspect_scores(np.array(width, np.float64), np.array(height, np.float64)))


def aspect_scores(width: np.ndarray, height: np.ndarray) -> np.ndarray:
    """`aspect_score` of many shapes at once (arrays of widths and heights)."""
    real = (width > 0) & (height > 0)
    ratio = np.where(real, np.maximum(width, height), 1.0) / np.where(real, np.minimum(width, height), 1.0)
    err = np.min([np.abs(np.log(ratio / a)) for a in CARD_ASPECTS], axis=0)
    return np.where(real, np.exp(-((err / 0.25) ** 2)), 0.0)


def warp_size(quad: np.ndarray) -> tuple[int, int]:
    """Output size (w, h) of the flattened card.

    Keeps the longer side and, when the shape is near a card's, snaps the shorter side to the
    nearest card aspect: that undoes most of the foreshortening of a tilted photo.
    """
    w, h = quad_size(quad)
    long_side, short_side = max(w, h), max(min(w, h), 1.0)
    ratio = long_side / short_side
    nearest = min(CARD_ASPECTS, key=lambda a: abs(math.log(ratio / a)))
    if abs(math.log(ratio / nearest)) < 0.3:
        short_side = long_side / nearest
    if w >= h:
        return round(long_side), round(short_side)
    return round(short_side), round(long_side)


def warp(image: np.ndarray, quad: np.ndarray, max_side: int = 0) -> np.ndarray:
    """Flatten the quad (tl, tr, br, bl) of `image` into an upright rectangle, at most `max_side` long."""
    q = order_quad(quad)
    w, h = warp_size(q)
    if max_side and max(w, h) > max_side:
        f = max_side / max(w, h)
        w, h = round(w * f), round(h * f)
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(q, dst)
    return cv2.warpPerspective(image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _interior_angles(quad: np.ndarray) -> list[float]:
    return [float(a) for a in interior_angles(np.asarray(quad)[None])[0]]


def interior_angles(quads: np.ndarray) -> np.ndarray:
    """The angle at each corner of many quads (n, 4, 2) at once, in degrees: (n, 4)."""
    q = np.asarray(quads, np.float64)
    v1, v2 = np.roll(q, 1, axis=1) - q, np.roll(q, -1, axis=1) - q  # from each corner to its two neighbours
    cos = (v1[..., 0] * v2[..., 0] + v1[..., 1] * v2[..., 1]) / (
        np.hypot(v1[..., 0], v1[..., 1]) * np.hypot(v2[..., 0], v2[..., 1]) + 1e-9
    )
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))


def _line_intersection(p1: np.ndarray, p2: np.ndarray, p3: np.ndarray, p4: np.ndarray) -> np.ndarray | None:
    d1, d2 = p2 - p1, p4 - p3
    den = d1[0] * d2[1] - d1[1] * d2[0]
    if abs(den) < 1e-9:
        return None
    t = ((p3[0] - p1[0]) * d2[1] - (p3[1] - p1[1]) * d2[0]) / den
    return p1 + t * d1


def quad_from_polygon(poly: np.ndarray) -> np.ndarray | None:
    """A convex polygon with 4-8 corners -> the quad of its four longest sides, extended.

    A finger or a cut-off corner adds a short side; dropping it and meeting the neighbours
    again restores the corner that is hidden.
    """
    p = np.asarray(poly, dtype=np.float64).reshape(-1, 2)
    n = len(p)
    if n == 4:
        return order_quad(p)
    if n < 4 or n > 8:
        return None
    lengths = [np.linalg.norm(p[(i + 1) % n] - p[i]) for i in range(n)]
    keep = sorted(sorted(range(n), key=lambda i: -lengths[i])[:4])
    corners = []
    for j in range(4):
        a, b = keep[j], keep[(j + 1) % 4]
        pt = _line_intersection(p[a], p[(a + 1) % n], p[b], p[(b + 1) % n])
        if pt is None:
            return None
        corners.append(pt)
    quad = np.array(corners)
    # an intersection far outside the polygon means two nearly parallel sides met: not a card
    span = np.ptp(p, axis=0).max()
    if np.any(np.abs(quad - p.mean(axis=0)) > 1.5 * span):
        return None
    return order_quad(quad)


# --------------------------------------------------------------------------- finding the card


def _grey(rgb: np.ndarray) -> np.ndarray:
    return rgb if rgb.ndim == 2 else cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)


def _ink(rgb: np.ndarray) -> np.ndarray:
    """Greyscale where coloured ink on light paper stays dark: the minimum of the channels."""
    if rgb.ndim == 2:
        return rgb
    # cv2.min is ~10x faster than np.min over the channel axis
    return cv2.min(cv2.min(rgb[:, :, 0], rgb[:, :, 1]), rgb[:, :, 2])


def strokes(grey: np.ndarray) -> np.ndarray:
    """Thin strokes (either polarity) in a small greyscale image, white on black."""
    k = cv2.getStructuringElement(cv2.MORPH_RECT, (9, 9))
    dark = cv2.morphologyEx(grey, cv2.MORPH_BLACKHAT, k)
    light = cv2.morphologyEx(grey, cv2.MORPH_TOPHAT, k)
    _, bw = cv2.threshold(cv2.max(dark, light), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return bw


def text_mask(grey: np.ndarray, bw: np.ndarray | None = None) -> np.ndarray:
    """Blobs of text lines (either polarity) in a small greyscale image (`bw`: its strokes, if known)."""
    bw = strokes(grey) if bw is None else bw
    bw = cv2.morphologyEx(bw, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    bw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return bw


def blob_stats(mask: np.ndarray) -> tuple[int, np.ndarray]:
    """The count and the statistics (x, y, w, h, area) of a mask's 8-connected blobs, row 0 the
    background, the others in no set order. Grana's block-based labelling, twice as fast as the default."""
    n, _, stats, _ = cv2.connectedComponentsWithStatsWithAlgorithm(mask, 8, cv2.CV_32S, cv2.CCL_GRANA)
    return n, stats


def _candidate_polygons(small: np.ndarray) -> list[np.ndarray]:
    """Outlines of large regions, from edges and from brightness/colour segmentation."""
    grey = _grey(small)
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB) if small.ndim == 3 else None
    area = grey.shape[0] * grey.shape[1]
    masks: list[np.ndarray] = []
    channels = [grey] + ([lab[:, :, 1], lab[:, :, 2]] if lab is not None else [])
    for ch in channels:
        blur = cv2.GaussianBlur(ch, (5, 5), 0)
        if ch is grey:
            med = float(np.median(blur))
            edges = cv2.Canny(blur, max(5.0, 0.4 * med), max(15.0, 1.0 * med))
        else:  # colour channels are flat, so their edges are weak but telling
            edges = cv2.Canny(blur, 8, 24)
        edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
        masks.append(cv2.bitwise_not(edges))  # regions enclosed by edges
    # brightness: a light card on a darker desk, or the reverse
    blur = cv2.GaussianBlur(grey, (7, 7), 0)
    _, otsu = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    masks += [otsu, cv2.bitwise_not(otsu)]
    polys: list[np.ndarray] = []
    for mask in masks:
        # open away thin bridges (fingers, cables), close text holes inside the card
        m = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
        # labels alone, and areas counted by numpy: OpenCV's own 4-connected statistics take 4x as long
        n, labels = cv2.connectedComponents(m, connectivity=4)
        for i in np.flatnonzero(np.bincount(labels.ravel(), minlength=n) >= 0.03 * area):
            if i == 0:
                continue
            contours, _ = cv2.findContours((labels == i).view(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            if not contours:
                continue
            hull = cv2.convexHull(max(contours, key=cv2.contourArea))
            peri = cv2.arcLength(hull, True)
            for frac in (0.015, 0.03, 0.05):
                poly = cv2.approxPolyDP(hull, frac * peri, True)
                if 4 <= len(poly) <= 8:
                    polys.append(poly.reshape(-1, 2))
                    break
    return polys


def _segments(grey: np.ndarray) -> np.ndarray:
    """Straight edge segments (x1, y1, x2, y2) found by OpenCV's line segment detector."""
    found = cv2.createLineSegmentDetector().detect(grey)[0]
    return np.zeros((0, 4), np.float32) if found is None else found.reshape(-1, 4)


def _colour_segments(small: np.ndarray, least: float) -> np.ndarray:
    """Edge segments at least `least` long in the photo's two colour channels (Lab's a and b), each stretched to
    full contrast: the edges between colours as light as each other, which grey does not show."""
    lab = cv2.cvtColor(small, cv2.COLOR_RGB2LAB)
    found = [np.zeros((0, 4), np.float32)]
    for ch in (1, 2):
        blur = cv2.GaussianBlur(lab[:, :, ch], (3, 3), 0)
        lo, hi = np.percentile(blur[::2, ::2], (1, 99))
        if hi - lo < COLOUR_RANGE:
            continue  # a grey scene: stretching it would only stretch its noise
        stretched = np.clip((blur.astype(np.float32) - lo) * (255 / (hi - lo)), 0, 255).astype(np.uint8)
        seg = _segments(stretched)
        found.append(seg[np.hypot(seg[:, 2] - seg[:, 0], seg[:, 3] - seg[:, 1]) >= least])
    return np.concatenate(found)


#: a colour channel whose middle 98% of pixels span fewer levels than this holds no colour worth its edges
#: (measured: grey desks and cards 2-8, a dark green card on a red desk 47)
COLOUR_RANGE = 10


def _same_line(a: Sequence[float], b: Sequence[float], rho_tol: float) -> bool:
    """Lines as (theta in [0, pi), rho): theta near 0 and near pi are one direction, rho negated."""
    dt = abs(a[0] - b[0])
    if dt > math.pi / 2:
        return math.pi - dt < math.radians(2) and abs(a[1] + b[1]) < rho_tol
    return dt < math.radians(2) and abs(a[1] - b[1]) < rho_tol


def long_lines(segments: np.ndarray, long_side: int, limit: int = 20) -> list[tuple[float, float, float]]:
    """The longest straight edges as (theta, rho, length): collinear segments are merged, so a side
    broken by a finger, a glare spot or a shadow still counts at its full length."""
    return _longest(_merged_lines(segments, long_side), limit)


def _merged_lines(segments: np.ndarray, long_side: int) -> list[list[float]]:
    """Every straight line the segments lie on, as [theta, rho, total length, longest piece]."""
    if len(segments) == 0:
        return []
    dx, dy = segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1]
    lengths = np.hypot(dx, dy)
    theta = np.mod(np.arctan2(dy, dx) + np.pi / 2, np.pi)
    rho = segments[:, 0] * np.cos(theta) + segments[:, 1] * np.sin(theta)
    lines: list[list[float]] = []  # theta, rho, total length, longest piece
    for i in np.argsort(-lengths):
        seg = (float(theta[i]), float(rho[i]))
        match = next((ln for ln in lines if _same_line(ln, seg, 0.01 * long_side)), None)
        if match is None:
            lines.append([seg[0], seg[1], float(lengths[i]), float(lengths[i])])
        else:
            match[2] += float(lengths[i])
    return lines


def _longest(lines: list[list[float]], limit: int) -> list[tuple[float, float, float]]:
    """`long_lines`' pick among `_merged_lines`."""
    # rows of keys or of printed lines add up to long lines too; a card's side is also one long piece,
    # so the lines with the longest pieces get places of their own
    by_total = sorted(lines, key=lambda ln: -ln[2])[:limit]
    by_piece = [ln for ln in sorted(lines, key=lambda ln: -ln[3]) if ln not in by_total][: limit // 4]
    return [(t, r, n) for t, r, n, _ in by_total + by_piece]


def _angle_between(a: float, b: float) -> float:
    """Angle between two undirected line directions, 0..pi/2."""
    d = abs(a - b) % math.pi
    return min(d, math.pi - d)


#: degrees apart that a card's opposite sides may lie in a photo taken at a steep angle
PARALLEL_WITHIN = 42


#: how far beyond the photo's border a corner of a line quad may lie, as a share of its long side
NEAR_FRAME = 0.02
#: ...and of a card running off the photo, its hidden corner, looked for when no outline convinced
OFF_FRAME = 0.08
#: the score a quad with such a corner needs: its corner is a guess, and the edges of shadows and desks that run off
#: the photo make big quads too (on synthetic photos those scored 0.53-0.62, the real Azure card 0.875)
OFF_FRAME_SCORE = 0.75


def line_quads(
    segments: np.ndarray, shape: tuple[int, int], lines_used: int = 20, off_frame: bool = False
) -> list[np.ndarray]:
    """Quads bounded by four long straight edges: two roughly parallel pairs meeting at roughly
    right angles. They survive what breaks region outlines: a hard shadow or glare across the
    card, or a card lying on paper as bright as itself. `off_frame`: only the quads of a card running off
    the photo, a corner beyond its border (by more than NEAR_FRAME, up to OFF_FRAME).

    A cluttered photo has hundreds of such quads, so they are all built at once with numpy."""
    h, w = shape
    long_side = max(h, w)
    lines = long_lines(segments, long_side, lines_used)
    n = len(lines)
    # perspective leaves opposite sides up to PARALLEL_WITHIN degrees apart
    pairs = [
        (i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if _angle_between(lines[i][0], lines[j][0]) < math.radians(PARALLEL_WITHIN)
        and not _same_line(lines[i], lines[j], 0.04 * long_side)
    ]
    if len(pairs) < 2:
        return []
    theta, rho = np.array([ln[0] for ln in lines]), np.array([ln[1] for ln in lines])
    # where each two lines cross: the normal equations x cos(theta) + y sin(theta) = rho, solved together
    m = np.empty((n, n, 2, 2))
    m[..., 0, 0], m[..., 0, 1] = np.cos(theta)[:, None], np.sin(theta)[:, None]
    m[..., 1, 0], m[..., 1, 1] = np.cos(theta)[None, :], np.sin(theta)[None, :]
    meets = np.abs(np.linalg.det(m)) >= 1e-6
    rhs = np.stack(np.broadcast_arrays(rho[:, None], rho[None, :]), axis=-1)
    cross = np.zeros((n, n, 2))
    cross[meets] = np.linalg.solve(m[meets], rhs[meets][..., None])[..., 0]
    # every two pairs (a, b) and (c, d) that cross at a large angle
    p = np.array(pairs)
    first, second = np.triu_indices(len(p), 1)
    a, b, c, d = p[first, 0], p[first, 1], p[second, 0], p[second, 1]
    turn = np.abs(theta[a] - theta[c]) % math.pi
    keep = (
        (np.minimum(turn, math.pi - turn) >= math.radians(50)) & meets[a, c] & meets[c, b] & meets[b, d] & meets[d, a]
    )
    a, b, c, d = a[keep], b[keep], c[keep], d[keep]
    quads = np.stack([cross[a, c], cross[c, b], cross[b, d], cross[d, a]], axis=1)

    def outside(margin: float) -> np.ndarray:
        reach = margin * long_side
        return (
            np.any(quads < -reach, axis=(1, 2))
            | np.any(quads[..., 0] > w + reach, axis=1)
            | np.any(quads[..., 1] > h + reach, axis=1)
        )

    within = ~outside(OFF_FRAME) & outside(NEAR_FRAME) if off_frame else ~outside(NEAR_FRAME)
    quads = order_quads(quads[within])
    q = quads.astype(np.float64)
    sides = np.hypot(*(np.roll(q, -1, axis=1) - q).transpose(2, 0, 1))  # (quads, 4): top, right, bottom, left
    shaped = aspect_scores((sides[:, 0] + sides[:, 2]) / 2, (sides[:, 1] + sides[:, 3]) / 2) >= 0.3
    # what score_quad gives nothing for: too small a share of the photo, or a corner far from square (a
    # keyboard's rows of keys make thousands of such quads, which crowded whole cards out of the ranking)
    nxt = np.roll(q, -1, axis=1)
    area = 0.5 * np.abs(np.sum(q[..., 0] * nxt[..., 1] - nxt[..., 0] * q[..., 1], axis=1))
    out_, in_ = np.roll(q, 1, axis=1) - q, nxt - q  # the two sides at each corner
    cos = np.sum(out_ * in_, axis=2) / np.maximum(
        np.hypot(*out_.transpose(2, 0, 1)) * np.hypot(*in_.transpose(2, 0, 1)), 1e-9
    )
    square = np.all(np.abs(cos) <= math.cos(math.radians(45)), axis=1)
    return list(quads[shaped & square & (area >= MIN_AREA * w * h)])


def _edge_support(segments: np.ndarray, quad: np.ndarray, tol: float) -> float:
    """How much of the quad's outline lies on long straight edges running along it: the mean cover
    of the four sides, pulled down by the weakest (three edges of a sheet under a card are no card).

    Only segments parallel to a side and within `tol` of it count, so text and dashes crossing
    or near a side do not make it look like an edge.
    """
    return float(edge_supports(segments, [quad], tol)[0])


#: each side of a quad is cut into this many stretches, each covered by an edge or not
SIDE_BINS = 50


def edge_supports(segments: np.ndarray, quads: Sequence[np.ndarray], tol: float) -> np.ndarray:
    """`_edge_support` of many quads at once (a photo has hundreds of line quads to rank)."""
    if len(segments) == 0 or len(quads) == 0:
        return np.zeros(len(quads))
    if len(quads) > 128:  # in slices, so the (quads, 4 sides, segments) arrays stay small
        return np.concatenate([edge_supports(segments, quads[i : i + 128], tol) for i in range(0, len(quads), 128)])
    return _support(side_bins(segments, quads, tol).mean(axis=2))


def _support(covers: np.ndarray) -> np.ndarray:
    """Edge support from the (quads, 4) cover of each side: the mean pulled down by the weakest side."""
    weakest = covers.min(axis=1)
    # a side with no edge under it is a guess, not a card's outline
    return np.where(weakest < 0.25, 0.0, 0.5 * covers.mean(axis=1) + 0.5 * weakest)


def side_bins(
    segments: np.ndarray, quads: Sequence[np.ndarray], tol: float, start: float = 0.0, end: float = 1.0
) -> np.ndarray:
    """(quads, 4, bins), True where a stretch of each side's line lies on an edge segment along it: the
    line from `start` to `end` (0 and 1: the side's corners; below 0 or above 1: the line carried on past
    them), in stretches of 1 / SIDE_BINS of the side.

    Only segments parallel to the side and within `tol` of its line count, so text and dashes crossing
    or near a side do not make it look like an edge."""
    a = np.asarray(quads, np.float64).reshape(-1, 4, 2)
    bins = max(1, round((end - start) * SIDE_BINS))
    if len(segments) == 0:
        return np.zeros((*a.shape[:2], bins), bool)
    p1, p2 = segments[:, :2].astype(np.float64), segments[:, 2:].astype(np.float64)
    seg_dir = p2 - p1
    seg_len = np.maximum(np.hypot(seg_dir[:, 0], seg_dir[:, 1]), 1e-9)
    b = np.roll(a, -1, axis=1)
    side = np.maximum(np.hypot(*(b - a).transpose(2, 0, 1)), 1e-9)  # (quads, 4)
    ux, uy = (b[..., 0] - a[..., 0]) / side, (b[..., 1] - a[..., 1]) / side
    # few segments run along any one side: the rest of the work is done for those (side, segment) pairs only
    parallel = np.abs(seg_dir[:, 1] * ux[..., None] - seg_dir[:, 0] * uy[..., None]) / seg_len < math.sin(
        math.radians(5)
    )
    q, s, g = np.nonzero(parallel)  # quad, side, segment of each pair
    ux, uy, side = ux[q, s], uy[q, s], side[q, s]
    # each segment's ends against its side: across it (must be within tol) and along it (start..end)
    ax, ay = a[q, s, 0], a[q, s, 1]
    x1, y1, x2, y2 = p1[g, 0] - ax, p1[g, 1] - ay, p2[g, 0] - ax, p2[g, 1] - ay
    near = (np.abs(y1 * ux - x1 * uy) < tol) & (np.abs(y2 * ux - x2 * uy) < tol)
    t1 = ((x1 * ux + y1 * uy) / side - start) / (end - start)
    t2 = ((x2 * ux + y2 * uy) / side - start) / (end - start)
    lo = np.clip(np.trunc(np.minimum(t1, t2) * bins), 0, bins).astype(np.int64)
    hi = np.clip(np.ceil(np.maximum(t1, t2) * bins), 0, bins).astype(np.int64)
    on = near & (hi > lo)
    # which stretches of each side some segment covers: +1 where a segment starts, -1 where it ends
    first = (q[on] * 4 + s[on]) * (bins + 1)  # each pair's side's row in the flattened (quads, 4, bins + 1)
    size = a.shape[0] * 4 * (bins + 1)
    starts = np.bincount(first + lo[on], minlength=size) - np.bincount(first + hi[on], minlength=size)
    return np.cumsum(starts.reshape(*a.shape[:2], bins + 1)[..., :bins], axis=2) > 0


#: a side's line carried on past a corner for this share of the side's length (in whole SIDE_BINS)...
CARRY = 0.24
#: ...and covered by edges for at least this share of that stretch, is no card's side
CARRIED = 0.8
#: the score a quad loses for each such side
THROUGH_COST = 0.25


def outline_support(segments: np.ndarray, quad: np.ndarray, tol: float, sides: int = 4) -> tuple[float, int]:
    """(`_edge_support`, `sides_carried_on`) of one quad, of its first `sides` sides, from one pass over the
    segments."""
    support, carried = outline_supports(segments, [quad], tol, sides)
    return float(support[0]), int(carried[0])


def outline_supports(
    segments: np.ndarray, quads: Sequence[np.ndarray], tol: float, sides: int = 4
) -> tuple[np.ndarray, np.ndarray]:
    """`outline_support` of each quad, all in one pass over the segments."""
    k = round(CARRY * SIDE_BINS)
    bins = side_bins(segments, quads, tol, -k / SIDE_BINS, 1 + k / SIDE_BINS)[:, :sides]
    covers = bins[..., k:-k].mean(axis=2)
    beyond = np.maximum(bins[..., :k].mean(axis=2), bins[..., -k:].mean(axis=2))
    return _support(covers), np.count_nonzero(beyond >= CARRIED, axis=1)


#: the three sides of a card whose fourth shows no edge must each lie on edges for this share of their length
THREE_SIDES = 0.6
#: and such an outline, one side a guess, must score this much (a whole outline 0.5)
THREE_SIDED_SCORE = 0.6
#: the card shapes the guessed side is placed for: the side across the two parallel ones is the short or the long one
_SIDE_RATIOS = sorted({r for aspect in CARD_ASPECTS for r in (aspect, 1 / aspect)})


def three_sided_quads(segments: np.ndarray, shape: tuple[int, int], lines_used: int = 20) -> list[np.ndarray]:
    """Outlines of a card one side of which shows no edge (a finger over it, a sheet as light as the card
    beside it): two roughly parallel long edges, an edge across both, and the fourth side where a card's
    shape puts it, each way. Their first three sides lie on those edges; the last is the guess. Only the
    outlines whose three sides are each well covered by edges are kept, for `score_quad(..., sides=3)`."""
    long_side = max(shape)
    tol = 0.012 * long_side
    lines = long_lines(segments, long_side, lines_used)
    corners = []  # where the edge across meets the two parallel ones, and the directions along those
    for a, b in itertools.combinations(lines, 2):
        if _angle_between(a[0], b[0]) >= math.radians(35) or _same_line(a, b, 0.04 * long_side):
            continue
        for c in lines:
            if min(_angle_between(c[0], a[0]), _angle_between(c[0], b[0])) < math.radians(50):
                continue
            p, q = _crossing(a, c), _crossing(b, c)
            if p is not None and q is not None and float(np.hypot(*(q - p))) >= 0.1 * long_side:
                along_a = np.array([-math.sin(a[0]), math.cos(a[0])])
                along_b = np.array([-math.sin(b[0]), math.cos(b[0])])
                corners.append((p, q, along_a, along_b if float(along_a @ along_b) >= 0 else -along_b))
    if not corners:
        return []
    # the edge across must show first: it is the same for every shape and side the card may lie on
    across = np.concatenate(
        [
            side_bins(segments, [np.array([p, q, q, p]) for p, q, _, _ in corners[i : i + 128]], tol)
            for i in range(0, len(corners), 128)
        ]
    )[:, 0].mean(axis=1)
    quads = []
    for (p, q, along_a, along_b), cover in zip(corners, across, strict=True):
        if cover < THREE_SIDES:
            continue
        width = float(np.hypot(*(q - p)))
        for sense in (1.0, -1.0):  # the card lies on either side of the edge across
            for r in _SIDE_RATIOS:
                d = sense * r * width
                quads.append(np.array([p + d * along_a, p, q, q + d * along_b]))
    if not quads:
        return []
    covers = np.concatenate([side_bins(segments, quads[i : i + 128], tol) for i in range(0, len(quads), 128)])
    covers = covers[:, :3].mean(axis=2)
    q = np.asarray(quads)
    h, w = shape
    # what score_quad gives nothing for: reaching out of the photo, or too small a share of it
    inside = np.all((q >= -0.02 * long_side) & (q <= [1.02 * w, 1.02 * h]), axis=(1, 2))
    nxt = np.roll(q, -1, axis=1)
    area = 0.5 * np.abs(np.sum(q[..., 0] * nxt[..., 1] - nxt[..., 0] * q[..., 1], axis=1))
    keep = (covers.min(axis=1) >= THREE_SIDES) & inside & (area >= MIN_AREA * w * h)
    return [quad for quad, ok in zip(quads, keep, strict=True) if ok]


#: the longest edges a card's short sides are looked for among, between two of the `long_lines` (see `rung_quads`)
RUNGS_USED = 80


def rung_quads(
    segments: np.ndarray, shape: tuple[int, int], rails_used: int = 20, rungs_used: int = RUNGS_USED
) -> list[np.ndarray]:
    """Quads of two roughly parallel long edges (rails) and two edges across both (rungs), the rungs taken from
    many more edges than `line_quads` uses. A card's short sides are short lines: on a desk strewn with sheets of
    print, whose rows and borders make dozens of longer ones, they rank 30th to 50th by length, out of
    `line_quads`' reach, while its long sides still rank among the first. Each rung must lie on edges for most
    of its length between the rails (THREE_SIDES), so few of the many edges crossing two rails make quads."""
    long_side = max(shape)
    h, w = shape
    tol = 0.012 * long_side
    merged = _merged_lines(segments, long_side)
    rails, rungs = _longest(merged, rails_used), _longest(merged, rungs_used)
    if len(rails) < 2 or len(rungs) < 2:
        return []
    rt = np.array([ln[0] for ln in rails])
    rr = np.array([ln[1] for ln in rails])
    ct = np.array([ln[0] for ln in rungs])
    cr = np.array([ln[1] for ln in rungs])
    # where each rail crosses each rung, (rails, rungs, 2), by Cramer's rule; nan where they are parallel
    det = np.cos(rt)[:, None] * np.sin(ct)[None, :] - np.sin(rt)[:, None] * np.cos(ct)[None, :]
    det = np.where(np.abs(det) < 1e-6, np.nan, det)
    x = (rr[:, None] * np.sin(ct)[None, :] - cr[None, :] * np.sin(rt)[:, None]) / det
    y = (np.cos(rt)[:, None] * cr[None, :] - np.cos(ct)[None, :] * rr[:, None]) / det
    cross = np.stack([x, y], axis=-1)
    reach = NEAR_FRAME * long_side
    inside = (x >= -reach) & (y >= -reach) & (x <= w + reach) & (y <= h + reach)
    turn = np.abs(rt[:, None] - ct[None, :]) % math.pi
    across = (np.minimum(turn, math.pi - turn) >= math.radians(50)) & inside  # (rails, rungs)
    found: list[tuple[int, int, int]] = []  # rail, rail, rung
    for i, j in itertools.combinations(range(len(rails)), 2):
        if _angle_between(rails[i][0], rails[j][0]) >= math.radians(PARALLEL_WITHIN) or _same_line(
            rails[i], rails[j], 0.04 * long_side
        ):
            continue
        found += [(i, j, int(k)) for k in np.flatnonzero(across[i] & across[j])]
    if not found:
        return []
    f = np.array(found)
    p, q = cross[f[:, 0], f[:, 2]], cross[f[:, 1], f[:, 2]]
    apart = np.hypot(*(q - p).T) >= 0.1 * long_side
    f, p, q = f[apart], p[apart], q[apart]
    keep = _rung_covers(segments, rungs, f[:, 2], p, q, tol) >= THREE_SIDES
    f, p, q = f[keep], p[keep], q[keep]
    quads = []
    for _, same_rails in itertools.groupby(range(len(f)), key=lambda n: (int(f[n, 0]), int(f[n, 1]))):
        for m, n in itertools.combinations(list(same_rails), 2):
            if np.hypot(*(p[m] - p[n])) >= 0.1 * long_side and np.hypot(*(q[m] - q[n])) >= 0.1 * long_side:
                quads.append(order_quad(np.array([p[m], q[m], q[n], p[n]])))
    return quads


def _rung_covers(
    segments: np.ndarray,
    lines: Sequence[tuple[float, float, float]],
    which: np.ndarray,
    p: np.ndarray,
    q: np.ndarray,
    tol: float,
) -> np.ndarray:
    """The share of each stretch p[n]..q[n] of line lines[which[n]] that lies on segments along that line
    (parallel within 5 degrees, both ends within `tol` of it), to the pixel: thousands of stretches lie on a
    few dozen lines, so each line's cover is made once, as a running count along it."""
    if len(which) == 0:
        return np.zeros(0)
    theta = np.array([ln[0] for ln in lines])[:, None]
    rho = np.array([ln[1] for ln in lines])[:, None]
    x1, y1, x2, y2 = (segments[:, i].astype(np.float64)[None, :] for i in range(4))
    seg_theta = np.mod(np.arctan2(y2 - y1, x2 - x1) + np.pi / 2, np.pi)
    turn = np.abs(seg_theta - theta) % math.pi
    along = (np.minimum(turn, math.pi - turn) < math.radians(5)) & (
        (np.abs(x1 * np.cos(theta) + y1 * np.sin(theta) - rho) < tol)
        & (np.abs(x2 * np.cos(theta) + y2 * np.sin(theta) - rho) < tol)
    )
    # positions along each line (its direction (-sin, cos)), shifted to be non-negative
    s1, s2 = -x1 * np.sin(theta) + y1 * np.cos(theta), -x2 * np.sin(theta) + y2 * np.cos(theta)
    reach = float(np.abs(segments).max()) + 1.0 if len(segments) else 1.0
    reach = max(reach, float(np.abs(p).max()), float(np.abs(q).max())) + 2.0
    size = int(2 * math.ceil(reach)) + 2
    k, g = np.nonzero(along)
    lo = np.floor(np.minimum(s1, s2)[k, g] + reach).astype(np.int64)
    hi = np.ceil(np.maximum(s1, s2)[k, g] + reach).astype(np.int64)
    edges = np.zeros((len(lines), size + 1), np.int64)
    np.add.at(edges, (k, lo), 1)
    np.add.at(edges, (k, hi), -1)
    covered = np.cumsum(edges, axis=1)[:, :size] > 0
    running = np.concatenate([np.zeros((len(lines), 1), np.int64), np.cumsum(covered, axis=1)], axis=1)
    t = theta[which, 0]
    sp = -p[:, 0] * np.sin(t) + p[:, 1] * np.cos(t) + reach
    sq = -q[:, 0] * np.sin(t) + q[:, 1] * np.cos(t) + reach
    a = np.clip(np.round(np.minimum(sp, sq)), 0, size).astype(np.int64)
    b = np.clip(np.round(np.maximum(sp, sq)), 0, size).astype(np.int64)
    return (running[which, b] - running[which, a]) / np.maximum(b - a, 1)


#: the least share of its length a faint side lies on edges: some edge shows where the card ends
FAINT_SIDE = 0.1


def faint_sided_quads(segments: np.ndarray, shape: tuple[int, int], lines_used: int = 28) -> list[np.ndarray]:
    """Quads of four long edges, three of them well covered and the fourth faint (a dark band on a desk in
    shadow), with the faint side last, for `score_quad(..., sides=3)`. Unlike `three_sided_quads`, the
    fourth side is where an edge shows, not where a card's shape would put it, so a card shot at a steep
    angle, its sides of unequal length, is outlined too."""
    quads = line_quads(segments, shape, lines_used)
    if not quads:
        return []
    tol = 0.012 * max(shape)
    covers = np.concatenate([side_bins(segments, quads[i : i + 128], tol) for i in range(0, len(quads), 128)]).mean(
        axis=2
    )
    out = []
    for quad, cover in zip(quads, covers, strict=True):
        faint = int(np.argmin(cover))
        if FAINT_SIDE <= cover[faint] < THREE_SIDES and np.sort(cover)[1] >= THREE_SIDES:
            out.append(np.roll(quad, -(faint + 1), axis=0))  # the faint side, quad[faint] to the next, last
    return out


def _crossing(a: tuple[float, float, float], b: tuple[float, float, float]) -> np.ndarray | None:
    """Where two lines given as (theta, rho, ...) cross; None for parallel ones (Cramer's rule: thousands
    of pairs, where numpy's solver costs more than the arithmetic)."""
    ca, sa, cb, sb = math.cos(a[0]), math.sin(a[0]), math.cos(b[0]), math.sin(b[0])
    det = ca * sb - sa * cb
    if abs(det) < 1e-6:
        return None
    return np.array([(a[1] * sb - b[1] * sa) / det, (ca * b[1] - cb * a[1]) / det])


def sides_carried_on(segments: np.ndarray, quad: np.ndarray, tol: float) -> int:
    """How many of the quad's sides run on past a corner as the same straight edge. A card's side ends at
    its corners; the line of a shadow or of a desk's edge crosses the card and runs on. A quad bounded by
    one is part of a card (cut off where a hard shadow crosses it, or where its printed band meets the
    desk), or a stretch of desk, and the sides of the whole card it cuts run on past its corners too."""
    return outline_support(segments, quad, tol)[1]


def sides_on_frame(quad: np.ndarray, shape: tuple[int, int], near: float = 0.006) -> int:
    """How many sides of the quad run along the photo's border, within `near` of its size
    (a card cut off by the frame)."""
    h, w = shape
    tol = near * max(h, w)
    count = 0
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        for axis, limit in ((0, 0), (0, w - 1), (1, 0), (1, h - 1)):
            if abs(a[axis] - limit) < tol and abs(b[axis] - limit) < tol:
                count += 1
    return count


def _on_mask(mask: np.ndarray, quad: np.ndarray) -> float:
    """Share of points along the quad's outline that fall on the mask."""
    return float(on_masks(mask, np.asarray(quad)[None])[0])


def on_masks(mask: np.ndarray, quads: np.ndarray) -> np.ndarray:
    """`_on_mask` of many quads (n, 4, 2) at once."""
    h, w = mask.shape
    q = np.asarray(quads)
    if len(q) == 0:
        return np.zeros(0)
    t = np.linspace(0.05, 0.95, 40)[:, None]
    # 40 points along each side: (n, 4 sides, 40, 2)
    pts = (q[:, :, None] + t * (np.roll(q, -1, axis=1) - q)[:, :, None]).round().astype(int).reshape(len(q), -1, 2)
    inside = (pts[..., 0] >= 0) & (pts[..., 0] < w) & (pts[..., 1] >= 0) & (pts[..., 1] < h)
    on = np.zeros(inside.shape, bool)
    on[inside] = mask[pts[..., 1][inside], pts[..., 0][inside]] != 0
    return on.sum(axis=1) / np.maximum(inside.sum(axis=1), 1)


#: straight edges inside a quad, parallel to its sides, as long as this share of its outline make a grid
#: (a keyboard's keys, tiles), not a card (measured: cards up to 0.55, with bands and rules; key blocks 1.0-2.0)
GRID = 0.8


def interior_edges(segments: np.ndarray, quad: np.ndarray, tol: float) -> float:
    """The length of the edge segments lying wholly inside the quad and parallel to one of its sides, as a
    share of its outline. A card holds print, and a band or a rule at most; in a block of keys each key
    is outlined by edges of its own."""
    return float(interior_edges_of(segments, np.asarray(quad)[None], tol)[0])


def interior_edges_of(segments: np.ndarray, quads: np.ndarray, tol: float) -> np.ndarray:
    """`interior_edges` of many quads (n, 4, 2) at once."""
    if len(segments) == 0 or len(quads) == 0:
        return np.zeros(len(quads))
    if len(quads) > 64:  # in slices, so the (quads, segments, 4 sides) arrays stay small
        return np.concatenate([interior_edges_of(segments, quads[i : i + 64], tol) for i in range(0, len(quads), 64)])
    a = np.asarray(quads, np.float64)
    u = np.roll(a, -1, axis=1) - a  # (n, 4, 2): each side
    sides = np.hypot(u[..., 0], u[..., 1])
    u /= np.maximum(sides, 1e-9)[..., None]
    # the sense the corners run in (the shoelace sum's sign, as cv2.contourArea(oriented=True) gives it)
    nxt = np.roll(a, -1, axis=1)
    sense = np.where(np.sum(a[..., 0] * nxt[..., 1] - nxt[..., 0] * a[..., 1], axis=1) >= 0, 1.0, -1.0)

    def depth(p: np.ndarray) -> np.ndarray:  # (n, segments): how far inside each quad each point is
        across = u[:, None, :, 0] * (p[None, :, 1:2] - a[:, None, :, 1]) - u[:, None, :, 1] * (
            p[None, :, 0:1] - a[:, None, :, 0]
        )
        return sense[:, None] * np.min(across, axis=2)

    p1, p2 = segments[:, :2].astype(np.float64), segments[:, 2:].astype(np.float64)
    d = p2 - p1
    length = np.hypot(d[:, 0], d[:, 1])
    across = np.abs(d[None, :, None, 1] * u[:, None, :, 0] - d[None, :, None, 0] * u[:, None, :, 1])
    parallel = np.any(across / np.maximum(length, 1e-9)[None, :, None] < math.sin(math.radians(5)), axis=2)
    inside = (depth(p1) > 2 * tol) & (depth(p2) > 2 * tol)
    return np.where(inside & parallel, length, 0.0).sum(axis=1) / np.maximum(sides.sum(axis=1), 1.0)


#: share of a card's area that its text-line blobs cover: up to this much is card-like, and
#: from DENSE on it looks like a printed page (measured: cards 0.03-0.15, sheets of print 0.3 and more)
CARD_TEXT = 0.15
DENSE = 0.3


def card_density(density: float) -> float:
    """1.0 for a card's share of print, falling to 0 for a page of dense print."""
    if density <= CARD_TEXT:
        return 1.0
    return max(0.0, (DENSE - density) / (DENSE - CARD_TEXT))


#: the least share of the photo a card's outline covers (a card held far from the camera)
MIN_AREA = 0.012


def score_quad(
    quad: np.ndarray, shape: tuple[int, int], segments: np.ndarray, text: np.ndarray, sides: int = 4
) -> float:
    """How card-like a quad is, 0..~1: card aspect, near-right angles, on edges, holding the text.
    `sides=3`: the quad's last side (from its fourth corner back to its first) is a guess, with no edge of
    its own to lie on; only the first three count."""
    return float(score_quads([quad], shape, segments, text, sides)[0])


def score_quads(
    quads: Sequence[np.ndarray], shape: tuple[int, int], segments: np.ndarray, text: np.ndarray, sides: int = 4
) -> np.ndarray:
    """`score_quad` of each quad. The quads that pass its quick tests have their outlines measured against the
    edges together, in one pass over the segments (a photo has dozens of quads to score)."""
    h, w = shape
    tol = 0.012 * max(h, w)
    frame = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    all_text = max(int(np.count_nonzero(text)), 1)
    scores = np.zeros(len(quads))
    passed: list[tuple[int, float, float, float, float]] = []  # (index, aspect, right, text_in, frac)
    # the tests that need no loop, on all quads at once
    q64 = np.array([np.asarray(q, np.float64).reshape(4, 2) for q in quads]).reshape(-1, 4, 2)
    angles = interior_angles(q64)
    aspects = aspect_scores(*quad_sizes(q64))
    # aspect: a band or a logo box inside the card, or a sheet of paper
    ok = (angles.min(axis=1) >= 45) & (angles.max(axis=1) <= 135) & (aspects >= 0.3)
    # a card's edge never runs through its print; lines along underlines and text rows do
    ok[ok] &= on_masks(text, q64[ok]) <= 0.15
    ok[ok] &= interior_edges_of(segments, q64[ok], tol) < GRID
    for i in np.flatnonzero(ok).tolist():
        quad = quads[i]
        f32 = quad.astype(np.float32)
        area = cv2.contourArea(f32)
        frac = area / (w * h)
        if frac < MIN_AREA or frac > 0.99 or not cv2.isContourConvex(f32.reshape(-1, 1, 2)):
            continue
        aspect = float(aspects[i])
        right = 1.0 - float(np.max(np.abs(angles[i] - 90))) / 45
        # the text inside, counted over the quad's bounding box only (hundreds of quads are scored per photo)
        corners = quad.astype(np.int32)
        x0, y0 = np.maximum(corners.min(axis=0), 0)
        x1, y1 = np.minimum(corners.max(axis=0) + 1, (w, h))
        inside = np.zeros((max(0, y1 - y0), max(0, x1 - x0)), np.uint8)
        cv2.fillConvexPoly(inside, corners - (x0, y0), 255)
        text_here = np.count_nonzero(text[y0:y1, x0:x1] & inside)
        # a card is mostly blank paper (print covers 5-15% of it); a page of dense print is a document
        density = text_here / max(area, 1.0)
        if density > 0.4:
            continue
        # holding the photo's text counts, but not text as dense as a printed page's: on a desk strewn with
        # sheets of print, those hold most of the text. (Capping the share, so a card among sheets needs to
        # hold only part of it, helped on synthetic desks but let a quad with no edges win on a real photo.)
        text_in = text_here / all_text * card_density(density)
        # a card cut off by the frame has no true outline: warping a guess would distort the text
        clipped = cv2.intersectConvexConvex(f32, frame)[0]
        if clipped / max(area, 1.0) < 0.95 or sides_on_frame(quad, shape) >= 2:
            continue
        passed.append((i, aspect, right, text_in, frac))
    if passed:
        supports, carried = outline_supports(segments, [quads[i] for i, *_ in passed], tol, sides)
        for (j, shaped, square, holds, share), support, through in zip(passed, supports, carried, strict=True):
            # a tiny quad is a logo or a key (the photo border gives no edge segments, so it never wins)
            size = min(share / 0.03, 1.0) * (1.0 - THROUGH_COST * int(through))
            scores[j] = (0.3 * shaped + 0.15 * square + 0.35 * float(support) + 0.2 * holds) * size
    return scores


#: how far a partial card may be extended across its missing band, in lengths of the sides that meet it
MAX_BAND = 0.8
#: rows of the band with at least this share of text-blob pixels count as print
BAND_INK = 0.02


def _strip_profile(text: np.ndarray, a: np.ndarray, b: np.ndarray, a2: np.ndarray, b2: np.ndarray) -> np.ndarray:
    """Share of text pixels in each of 80 rows of the strip (a, b, b2, a2), from side a-b outwards."""
    rows, cols = 80, 100
    src = np.array([a, b, b2, a2], dtype=np.float32)
    dst = np.array([[0, 0], [cols - 1, 0], [cols - 1, rows - 1], [0, rows - 1]], dtype=np.float32)
    strip = cv2.warpPerspective(text, cv2.getPerspectiveTransform(src, dst), (cols, rows), flags=cv2.INTER_NEAREST)
    return np.count_nonzero(strip, axis=1) / cols


def complete_card(quad: np.ndarray, text: np.ndarray) -> np.ndarray | None:
    """The whole card, when `quad` is only its paper and a printed band the colour of the desk is missing.

    A band that matches the desk (a dark header on a dark desk) leaves a clean, square outline of too
    long a shape. One of its sides is pushed outwards along the two sides that meet it, just past the
    print found there, to the nearest card shape; the desk beyond must hold no print. None when no
    side has print beyond it, or when print runs on into the desk.
    """
    q = order_quad(quad).astype(np.float64)
    h, w = text.shape[:2]
    best: tuple[float, np.ndarray] | None = None
    for i in range(4):
        a, b = q[i], q[(i + 1) % 4]
        da, db = a - q[(i - 1) % 4], b - q[(i + 2) % 4]  # the adjacent sides, pointing outwards
        profile = _strip_profile(text, a, b, b + MAX_BAND * db, a + MAX_BAND * da)
        inked = np.flatnonzero(profile >= BAND_INK)
        if len(inked) == 0:
            continue
        # the band's print: rows from the first inked one on, with gaps under a fifth of the strip
        end = inked[0]
        for r in inked[1:]:
            if r - end > len(profile) // 5:
                break
            end = r
        if inked[-1] > end or inked[0] > len(profile) // 3:
            continue  # print runs on past a gap (the desk holds print), or starts far from the paper
        for s in np.arange((end + 3) / len(profile) * MAX_BAND, MAX_BAND, 0.01):
            grown = q.copy()
            grown[i], grown[(i + 1) % 4] = a + s * da, b + s * db
            ratio = max(quad_size(grown)) / max(min(quad_size(grown)), 1e-9)
            if min(abs(math.log(ratio / c)) for c in CARD_ASPECTS) < 0.04:
                break
        else:
            continue
        if np.any(grown < 0) or np.any(grown[:, 0] > w - 1) or np.any(grown[:, 1] > h - 1):
            continue
        ink = float(profile[: end + 1].mean())
        if best is None or ink > best[0]:
            best = (ink, grown)
    return None if best is None else order_quad(best[1])


def _partial_cards(quads: Sequence[np.ndarray], shape: tuple[int, int], segments: np.ndarray) -> list[np.ndarray]:
    """Clean square outlines whose shape is too long or too square for a card: a card missing a band."""
    h, w = shape
    tol = 0.012 * max(shape)
    out = []
    for q in quads:
        frac = cv2.contourArea(q.astype(np.float32)) / (w * h)
        angles = _interior_angles(q)
        if (
            0.03 <= frac <= 0.8
            and max(abs(a - 90) for a in angles) < 25
            and aspect_score(*quad_size(q)) < 0.9
            and sides_on_frame(q, shape) == 0
            and _edge_support(segments, q, tol) >= 0.8
        ):
            out.append(q)
    return sorted(out, key=lambda q: -cv2.contourArea(q.astype(np.float32)))


#: a whole card is taken over the part of it that scored best when it is clearly more card-shaped than the
#: part (by WHOLE_SHAPE) and scores this share of the part's score
WHOLE_SHAPED_SCORE = 0.75
#: how much more card-shaped (`_shape_of`) the whole must be. A card-shaped best that a larger quad of much the
#: same shape and score shares two sides with is the card, and the larger quad reaches onto the desk: on 1,020
#: synthetic photos, taking that larger quad (at 0.9 of the best's score) never found a card and lost 19
WHOLE_SHAPE = 0.3


#: a best outline less card-shaped than this may be a card's part, split off by a band the colour of the desk (a card
#: is ~0.95-1; from 0.6 to 0.9, a green header dark as the brown desk in grey was joined back to its card, and no other
#: outline of 640 dev photos changed: a join must make a more card-shaped outline than the part anyway)
JOIN_BELOW = 0.9
#: ...and one less card-shaped than this, with print just beyond a side, is completed over that band (measured on
#: dev photos: from 0.9 on, whole cards at a slant were grown onto the sheet of print beside them)
BAND_MISSING = 0.6
#: ...and is joined to a region beside it when together they are this card-shaped
JOINED_SHAPE = 0.8


def _joined(part: np.ndarray, regions: Sequence[np.ndarray]) -> np.ndarray:
    """`part` joined to the region beside it when the two make a card: a coloured band that is as dark as the
    desk in grey (a blue header on brown wood) has no edge against it there, but its colour sets it apart.
    The two must meet side to side and line up, so together they cover no more than each does alone."""
    best, best_shape = part, aspect_score(*quad_size(part))
    area = cv2.contourArea(part.astype(np.float32))
    for region in regions:
        extra = cv2.contourArea(region.astype(np.float32))
        if extra < 0.1 * area or _overlap(region, part) > 0.1:
            continue
        hull = cv2.convexHull(np.concatenate([part, region]).astype(np.float32))
        if cv2.contourArea(hull) > 1.06 * (area + extra):
            continue  # not side by side, or not lined up
        quad = quad_from_polygon(cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True).reshape(-1, 2))
        if quad is None:
            continue
        shape = aspect_score(*quad_size(quad))
        if shape >= max(JOINED_SHAPE, best_shape):
            best, best_shape = quad, shape
    return best


def find_card_quad(rgb: np.ndarray) -> np.ndarray | None:
    """The card's corners (tl, tr, br, bl) in `rgb`'s pixels, or None when no outline is convincing."""
    quads = card_quads(rgb, limit=1)
    return quads[0] if quads else None


#: how far from a region outline's side an edge may lie to be the card's side, as a share of the photo's long side
SNAP_REACH = 0.04
#: the edges a side is moved onto must run along at least this share of it
SNAP_COVER = 0.3
#: and within this many degrees of its direction (a rounded corner turns a region's short side)
SNAP_TURN = 12


def snapped(quad: np.ndarray, segments: np.ndarray, long_side: int) -> np.ndarray | None:
    """The region outline `quad` with each side moved onto the straight edge running along it nearby; None
    when no side moves. A region's outline follows the card's paper only roughly (a shadow or a glare
    rounds it), so its sides can miss the card's edges by a few pixels and score no edge support at all.

    Of the edges along a side (within SNAP_TURN degrees of its direction, within SNAP_REACH of it, beside it and
    together at least SNAP_COVER of its length), the side goes to the offset carrying the most edge length."""
    if len(segments) == 0:
        return None
    q = np.asarray(quad, np.float64)
    p1, p2 = segments[:, :2].astype(np.float64), segments[:, 2:].astype(np.float64)
    seg_len = np.maximum(np.hypot(*(p2 - p1).T), 1e-9)
    # edges at offsets within half the edge-support tolerance of each other are one edge
    reach, step = SNAP_REACH * long_side, 0.006 * long_side
    lines = []
    moved = False
    for i in range(4):
        a, b = q[i], q[(i + 1) % 4]
        side = max(float(np.hypot(*(b - a))), 1e-9)
        u = (b - a) / side
        n = np.array([-u[1], u[0]])
        along = np.abs((p2 - p1) @ n) / seg_len < math.sin(math.radians(SNAP_TURN))
        off1, off2 = (p1 - a) @ n, (p2 - a) @ n
        mid = ((p1 + p2) / 2 - a) @ u / side
        near = along & (np.abs(off1) < reach) & (np.abs(off2) < reach) & (mid > 0) & (mid < 1)
        offset = (off1 + off2) / 2
        bins = np.round(offset[near] / step)
        if len(bins) == 0:
            lines.append((a, u))
            continue
        weight = {k: float(seg_len[near][bins == k].sum()) for k in np.unique(bins)}
        best = max(weight, key=lambda k: weight[k])
        if weight[best] < SNAP_COVER * side:
            lines.append((a, u))
            continue
        pick = near.copy()
        pick[near] = bins == best
        d = p2[pick] - p1[pick]
        d *= np.where(d @ u < 0, -1.0, 1.0)[:, None]  # each edge pointing the side's way
        direction = d.sum(axis=0) / max(float(np.hypot(*d.sum(axis=0))), 1e-9)
        centre = (seg_len[pick][:, None] * (p1[pick] + p2[pick]) / 2).sum(axis=0) / seg_len[pick].sum()
        lines.append((centre, direction))
        moved = True
    if not moved:
        return None
    corners = []
    for i in range(4):
        (pa, ua), (pb, ub) = lines[i - 1], lines[i]
        pt = _line_intersection(pa, pa + ua, pb, pb + ub)
        if pt is None:
            return None
        corners.append(pt)
    return order_quad(np.array(corners))


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Area two convex quads share, as a share of the smaller one."""
    shared = cv2.intersectConvexConvex(a.astype(np.float32), b.astype(np.float32))[0]
    return shared / max(1.0, min(cv2.contourArea(a.astype(np.float32)), cv2.contourArea(b.astype(np.float32))))


#: when the best outline scores below this, the quads of more long edges are scored as well
LOOK_FURTHER = 0.6


#: line quads scored fully, of those whose outlines lie most on edges
RANKED = 30
#: ...of those with a corner beyond the photo (whose outline lies on edges only where it is inside)
OFF_RANKED = 10


def _ranked(
    candidates: list[np.ndarray],
    segments: np.ndarray,
    shape: tuple[int, int],
    text: np.ndarray,
    lines_used: int,
    off_frame: bool = False,
) -> list[tuple[float, np.ndarray]]:
    """Region outlines and the quads of the `lines_used` longest edges (`off_frame`: only those with a corner
    beyond the photo), scored, best first. The many line quads are ranked cheaply by how much of their outline
    lies on edges, and the best RANKED (OFF_RANKED) scored fully."""
    lines = line_quads(segments, shape, lines_used, off_frame)
    return _best_ranked(candidates, lines, segments, shape, text, OFF_RANKED if off_frame else RANKED)


def _best_ranked(
    candidates: list[np.ndarray],
    quads: Sequence[np.ndarray],
    segments: np.ndarray,
    shape: tuple[int, int],
    text: np.ndarray,
    ranked: int,
) -> list[tuple[float, np.ndarray]]:
    """`candidates` and the `ranked` of `quads` most of whose outline lies on edges, scored, best first."""
    support = edge_supports(segments, quads, 0.012 * max(shape))
    best = [quads[i] for i in np.argsort(-support, kind="stable")]
    quads = candidates + best[:ranked]
    return sorted(zip(score_quads(quads, shape, segments, text).tolist(), quads, strict=True), key=lambda sq: -sq[0])


def card_quads(rgb: np.ndarray, limit: int = 3) -> list[np.ndarray]:
    """The most card-like outlines in `rgb`'s pixels, best first, none overlapping another (empty when
    none is convincing). The first is the card; the others are what to read when it held no card."""
    return outlines(rgb, limit).cards


#: when no outline convinces (scores 0.5), the best one scoring this much is kept as a guess: read only when the
#: photo's print held no card (on 800 hard dev and bench photos, 4 of the 8 that failed for want of an outline
#: had a guess from 0.35 to 0.5, and 3 of those 4 read as their card; the card scored below 0.35 in none)
GUESS_SCORE = 0.35


class Outlines(NamedTuple):
    cards: list[np.ndarray]  # card_quads: the card first, then what to read when it held no card
    guess: np.ndarray | None  # when `cards` is empty, the most card-like outline scoring GUESS_SCORE or more


def outlines(rgb: np.ndarray, limit: int = 3) -> Outlines:
    """`card_quads`, and when none convinces the best guess at the card's outline, in `rgb`'s pixels."""
    h, w = rgb.shape[:2]
    f = min(1.0, FIND_SIDE / max(h, w))
    small = cv2.resize(rgb, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else rgb
    grey = _grey(small)
    shape = grey.shape[:2]
    segments = _segments(grey)
    # letters and dashes give short segments; a card's side gives long ones
    lengths = np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1])
    segments = segments[lengths >= 0.03 * max(shape)]
    text = text_mask(grey)
    candidates = [q for q in map(quad_from_polygon, _candidate_polygons(small)) if q is not None]
    scored = _ranked(candidates, segments, shape, text, 20)
    if not scored or scored[0][0] < LOOK_FURTHER:
        # a weak best: the region outlines may lie a few pixels off the card's edges, so try them moved onto
        # the edges (only then: moving a convincing outline changes its corners, and its reading, for nothing)
        moved = [q for q in (snapped(c, segments, max(shape)) for c in candidates) if q is not None]
        candidates += moved
        moved_scores = score_quads(moved, shape, segments, text).tolist()
        scored = sorted(scored + list(zip(moved_scores, moved, strict=True)), key=lambda sq: -sq[0])
        # a side that barely stands out (a card on paper nearly as light as itself) is not among the
        # longest edges: a weak best is worth a second search among more of them (several times the quads)
        scored = sorted(scored + _ranked([], segments, shape, text, 28), key=lambda sq: -sq[0])
        if scored and scored[0][0] >= 0.5:
            # an outline cut off by the photo's border (a card running off it): its corner hidden beyond the border,
            # on the outline's other sides (where no outline was found at all, the photo's print is read instead)
            off = [
                sq
                for sq in _ranked([], segments, shape, text, 28, off_frame=True)
                if sq[0] >= OFF_FRAME_SCORE and _shared_sides(scored[0][1], sq[1], 0.012 * max(shape)) >= 2
            ]
            scored = sorted(scored + off, key=lambda sq: -sq[0])
    if (not scored or scored[0][0] < 0.5) and small.ndim == 3:
        # no outline convinces: the card may differ from the desk in colour only (dark green on dark red),
        # which leaves no edge in grey; its sides show in the colour channels, stretched to full contrast
        coloured = np.concatenate([segments, _colour_segments(small, 0.03 * max(shape))])
        in_colour = _ranked(candidates, coloured, shape, text, 20)
        if in_colour and in_colour[0][0] >= 0.5:
            segments, scored = coloured, in_colour
    if not scored or scored[0][0] < 0.5:
        # a card among sheets of print, whose rows make more long edges than the card's short sides: those are
        # looked for among many more edges, between two of the longest (only here: where an outline convinced
        # already, such quads displaced it with one a few pixels off as often as they found a card)
        rungs = _best_ranked([], rung_quads(segments, shape), segments, shape, text, RANKED)
        if rungs and rungs[0][0] >= 0.5:
            scored = sorted(scored + rungs, key=lambda sq: -sq[0])
    tol = 0.012 * max(shape)
    if not scored or scored[0][0] < 0.5:
        for part in _partial_cards(candidates, shape, segments):
            whole = complete_card(part, text)
            if whole is not None:
                return Outlines([order_quad(whole / f)], None)
        sided = three_sided_quads(segments, shape) + faint_sided_quads(segments, shape)
        three = list(zip(score_quads(sided, shape, segments, text, sides=3).tolist(), sided, strict=True))
        best_three = max(three, key=lambda sq: sq[0], default=(0.0, None))
        if best_three[1] is not None and best_three[0] >= THREE_SIDED_SCORE:
            return Outlines([order_quad(best_three[1] / f)], None)
        guess = order_quad(scored[0][1] / f) if scored and scored[0][0] >= GUESS_SCORE else None
        return Outlines([], guess)
    best_score, best = scored[0]
    best = _inner_card(best, best_score, scored, segments, tol)
    # a coloured band or a shadow cuts a part too long or too square for a card off it: prefer the whole card,
    # clearly more card-shaped than that part, whose other part holds print too (a strip of desk or drop
    # shadow does not); it may score lower, as a band's edge on the desk is faint
    best_shape = _shape_of(best)
    for s, quad in scored[1:]:
        if s < WHOLE_SHAPED_SCORE * best_score:
            break  # best first: no later quad scores enough either
        if (
            _shape_of(quad) >= best_shape + WHOLE_SHAPE
            and _text_inside(text, quad) > 1.1 * _text_inside(text, best)
            and _shared_sides(quad, best, tol) >= 2
            and cv2.contourArea(quad.astype(np.float32)) > 1.2 * cv2.contourArea(best.astype(np.float32))
        ):
            best = quad
            break
    if aspect_score(*quad_size(best)) < JOIN_BELOW:
        best = _joined(best, candidates)
    if aspect_score(*quad_size(best)) < BAND_MISSING:
        # a clean outline too long for a card, with print beyond one side: a band the colour of the desk
        whole = complete_card(best, text)
        best = best if whole is None else whole
    # a scan is nearly all card: a part of it that runs along the border and holds less than half the
    # print (a card's coloured band, the card itself white on a white scanner bed) is not the card
    if sides_on_frame(best, shape, near=0.03) >= 2 and _text_inside(text, best) < 0.5 * np.count_nonzero(text):
        return Outlines([], None)
    picked = [best]
    for s, quad in scored:
        if len(picked) >= limit or s < 0.5:
            break
        if all(_overlap(quad, p) < 0.3 for p in picked):
            picked.append(quad)
    return Outlines([order_quad(q / f) for q in picked], None)


#: a printed region (with its margin) covering more of the photo than this is no crop worth making
PRINT_REGION_MAX = 0.4


def print_region(rgb: np.ndarray) -> tuple[int, int, int, int] | None:
    """(x, y, w, h) around the photo's print, with a margin, in `rgb`'s pixels; None when the print
    is spread over most of the photo (a scan, a textured desk). Where no card outline shows (a dark
    card on a dark desk), the print itself says where the card is."""
    h, w = rgb.shape[:2]
    f = min(1.0, FIND_SIDE / max(h, w))
    small = cv2.resize(rgb, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else rgb
    text = text_mask(_grey(small))
    n, stats = blob_stats(text)
    keep = [i for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 12]
    if len(keep) < 3:
        return None
    x0 = min(stats[i, cv2.CC_STAT_LEFT] for i in keep)
    y0 = min(stats[i, cv2.CC_STAT_TOP] for i in keep)
    x1 = max(stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] for i in keep)
    y1 = max(stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] for i in keep)
    sh, sw = text.shape
    m = round(0.08 * max(x1 - x0, y1 - y0)) + 4  # room for a card's margin and a deskew
    x0, y0, x1, y1 = max(0, x0 - m), max(0, y0 - m), min(sw, x1 + m), min(sh, y1 + m)
    if (x1 - x0) * (y1 - y0) > PRINT_REGION_MAX * sw * sh:
        return None
    return round(x0 / f), round(y0 / f), round((x1 - x0) / f), round((y1 - y0) / f)


#: an outline inside the best one, sharing two of its sides, is the card when it scores this share of the best...
INNER_SCORE = 0.85
#: ...and lies on edges nearly as much (`outline_support` at most this much lower)
INNER_SUPPORT = 0.15


def _inner_card(
    best: np.ndarray, best_score: float, scored: list[tuple[float, np.ndarray]], segments: np.ndarray, tol: float
) -> np.ndarray:
    """The card, when the best outline reaches past it in two directions: an outline inside the best sharing
    only two of its sides, nearly as convincing. A card's band or a shadow's edge extends a card one way
    only; an outline grown two ways has taken in the keyboard, sheet or note lying against the card's corner
    (on 1,020 synthetic photos taking the inner outline mended 15 card outlines and lost 1)."""
    area = cv2.contourArea(best.astype(np.float32))
    support = outline_support(segments, best, tol)[0]
    for s, quad in scored[1:]:
        if s < INNER_SCORE * best_score:
            break  # best first
        if (
            cv2.contourArea(quad.astype(np.float32)) < area / 1.05
            and _overlap(quad, best) > 0.95
            and _shared_sides(best, quad, tol) == 2
            and outline_support(segments, quad, tol)[0] >= support - INNER_SUPPORT
        ):
            return quad
    return best


def _text_inside(text: np.ndarray, quad: np.ndarray) -> int:
    inside = np.zeros(text.shape, np.uint8)
    cv2.fillConvexPoly(inside, quad.astype(np.int32), 255)
    return int(np.count_nonzero(text & inside))


def _shape_of(quad: np.ndarray) -> float:
    """How card-like the outline alone is: the worse of its aspect and its corners' squareness."""
    right = 1.0 - max(abs(a - 90) for a in _interior_angles(quad)) / 45
    return min(aspect_score(*quad_size(quad)), right + 0.3)


def _shared_sides(outer: np.ndarray, inner: np.ndarray, tol: float) -> int:
    """How many sides of `inner` lie on a side line of `outer`."""
    count = 0
    for i in range(4):
        a, b = inner[i], inner[(i + 1) % 4]
        for j in range(4):
            p, q = outer[j].astype(np.float64), outer[(j + 1) % 4].astype(np.float64)
            u = (q - p) / max(float(np.linalg.norm(q - p)), 1e-9)
            n = np.array([-u[1], u[0]])
            if abs(float((a - p) @ n)) < tol and abs(float((b - p) @ n)) < tol:
                count += 1
                break
    return count


def find_card(rgb: np.ndarray) -> np.ndarray:
    """The flattened card, or the photo unchanged when no card outline is found."""
    quad = find_card_quad(rgb)
    return rgb if quad is None else warp(rgb, quad)


# --------------------------------------------------------------------------- deskew and orientation


#: the steepest slope of text lines that is levelled (degrees); beyond it the lines' angles are not believed
MAX_SKEW = 30


def deskew_angle(grey: np.ndarray) -> float:
    """Small rotation (degrees, counter-clockwise positive as in cv2) that levels the text lines."""
    h, w = grey.shape[:2]
    f = min(1.0, FIND_SIDE / max(h, w))
    small = cv2.resize(grey, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else grey
    mask = text_mask(small)
    angles, weights = [], []
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    for c in contours:
        (_, _), (rw, rh), a = cv2.minAreaRect(c)
        if max(rw, rh) < 3 * max(min(rw, rh), 1) or max(rw, rh) < 20:
            continue  # only long, thin blobs are text lines
        # cv2 gives angles in (0, 90]; bring them to the line's slope in (-45, 45]
        a = a - 90 if rw < rh else a
        a = a + 90 if a <= -45 else a
        angles.append(a)
        weights.append(max(rw, rh))
    if len(angles) < 2:
        return 0.0
    order = np.argsort(angles)
    cum = np.cumsum(np.asarray(weights)[order])
    median = float(np.asarray(angles)[order][np.searchsorted(cum, cum[-1] / 2)])
    return median if 0.3 <= abs(median) <= MAX_SKEW else 0.0


def rotate_small(image: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by a small angle (degrees) about the centre, growing the canvas so no corner is lost."""
    if angle == 0:
        return image
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(image, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


_TURNS = {1: cv2.ROTATE_90_COUNTERCLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_CLOCKWISE}


def turn(image: np.ndarray, ccw: int) -> np.ndarray:
    """Turn by a multiple of 90 degrees counter-clockwise (OpenCV's copy: numpy's rot90 then a contiguous copy
    gives the same pixels six times slower)."""
    k = (ccw // 90) % 4
    return np.ascontiguousarray(image) if k == 0 else cv2.rotate(np.ascontiguousarray(image), _TURNS[k])


def binarise(grey: np.ndarray) -> np.ndarray:
    """Black print on white by Otsu (for text-height estimates)."""
    _, bw = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return bw


def lines_vertical(grey: np.ndarray) -> bool:
    """True when the text lines run up and down (the card is lying on its side).

    Measured from the shape of text-line blobs, without Tesseract: it cannot tell 90 from 270
    degrees, which `upside_down` settles.
    """
    return _vertical(_Blobs.of(grey), _Blobs.of(turn(grey, 270)), grey.shape[:2])


class _Blobs:
    """A small copy of a card, its strokes and its text-line blobs: what both orientation tests measure."""

    def __init__(self, small: np.ndarray) -> None:
        self.strokes = strokes(small)
        self.stats = blob_stats(text_mask(small, self.strokes))[1]

    @classmethod
    def of(cls, grey: np.ndarray) -> _Blobs:
        return cls(shrink(grey, FIND_SIDE))


#: text lines run across a card when the blobs of text lines it holds as it lies are this many times longer
#: (in all) than those it holds turned on its side, or the reverse; in between, the card's shape decides
VERTICAL = 1.5


def _across(stats: np.ndarray) -> int:
    """The summed length of the blobs that are lines of text running across the image."""
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    return int(w[w > 3 * h].sum())


def _vertical(blobs: _Blobs, turned: _Blobs, shape: tuple[int, int]) -> bool:
    """The lines run up and down: the card turned on its side holds far more line-shaped blobs than the
    card as it lies. Both are measured across, as text_mask joins letters across a line (measuring the
    card's own blobs up and down missed tightly set columns of text, whose lines it joined sideways).
    When neither clearly holds more, text runs along the long side, as on nearly every card."""
    here, there = _across(blobs.stats), _across(turned.stats)
    if here > VERTICAL * there or there > VERTICAL * here:
        return there > here
    return shape[0] > shape[1]


#: `upside_down` decides only when ascenders outweigh descenders (or the reverse) by this share of the
#: ink outside the letters' core band, and there is at least this much of it (pixels at FIND_SIDE)
SURE_TILT = 0.15
SURE_MASS = 300.0


def ascender_balance(grey: np.ndarray) -> tuple[float, float]:
    """(balance, mass) of ink above against below the core band of each horizontal text line.

    Latin, Greek and Cyrillic lower case has far more ascenders (b d f h k l t, capitals, digits)
    than descenders (g j p q y), so upright lines carry more ink above their x-height band:
    balance = (above - below) / (above + below) is positive upright and negative upside down.
    No OCR call: a few milliseconds on a small copy.
    """
    return _balance(_Blobs.of(grey))


def _balance(blobs: _Blobs) -> tuple[float, float]:
    bw, stats = blobs.strokes, blobs.stats
    above = below = 0.0
    for i in range(1, len(stats)):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if w < 3 * h or h < 6:
            continue  # not a horizontal line of text, or too small to have a core band
        for profile in text_rows(np.count_nonzero(bw[y : y + h, x : x + w], axis=1).astype(np.float64)):
            core = np.flatnonzero(profile >= 0.5 * profile.max())
            above += float(profile[: core[0]].sum())
            below += float(profile[core[-1] + 1 :].sum())
    mass = above + below
    return (above - below) / max(mass, 1.0), mass


#: a row of a text blob lies between two lines of text where its ink is at most this share of the fuller rows
#: on both sides of it (within one line, the ink per row only rises to the core band and falls after it)
ROW_VALLEY = 0.5


def text_rows(profile: np.ndarray) -> list[np.ndarray]:
    """A text blob's ink per row, cut into its lines of text at the emptiest row between each two.

    Lines set close together join into one blob; as one profile, a block whose last line is the shorter
    (a company over "Pvt Ltd", an address) has its last line counted below the first line's core band, as
    descenders, and an upright card read as upside down."""
    before = np.maximum.accumulate(profile)
    after = np.maximum.accumulate(profile[::-1])[::-1]
    valley = profile <= ROW_VALLEY * np.minimum(before, after)
    cuts: list[int] = []
    r = 0
    while r < len(profile):
        if not valley[r]:
            r += 1
            continue
        end = r
        while end < len(profile) and valley[end]:
            end += 1
        cuts.append(r + int(np.argmin(profile[r:end])))
        r = end
    rows = np.split(profile, cuts)
    return [row for row in rows if row.size and row.max() > 0]


def upside_down(grey: np.ndarray) -> bool | None:
    """True/False when the letter shapes say so clearly; None when they do not (little text, all capitals)."""
    return _verdict(ascender_balance(grey))


def _verdict(balance_mass: tuple[float, float]) -> bool | None:
    balance, mass = balance_mass
    if mass < SURE_MASS or abs(balance) < SURE_TILT:
        return None
    return balance < 0


def orientation(grey: np.ndarray) -> tuple[int, bool | None]:
    """(degrees counter-clockwise to turn the card, whether it then lies upside down or None when the
    letters do not say): `lines_vertical`, then `upside_down`, measuring each way's blobs once."""
    blobs, turned = _Blobs.of(grey), _Blobs.of(turn(grey, 270))
    if _vertical(blobs, turned, grey.shape[:2]):
        return 270, _verdict(_balance(turned))
    return 0, _verdict(_balance(blobs))


def orient(image: np.ndarray) -> np.ndarray:
    """Turn a card lying on its side or upside down so its text reads upright (when that is clear)."""
    ccw, flip = orientation(_grey(image))
    return turn(image, (ccw + 180) % 360 if flip else ccw)


# --------------------------------------------------------------------------- the image for OCR


def shrink(image: np.ndarray, side: int) -> np.ndarray:
    """A copy whose long side is at most `side` (the image itself when it is small enough)."""
    h, w = image.shape[:2]
    if max(h, w) <= side:
        return image
    f = side / max(h, w)
    return cv2.resize(image, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA)


def _small_and_back(grey: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    h, w = grey.shape
    f = min(1.0, side / max(h, w))
    return (cv2.resize(grey, (round(w * f), round(h * f)), interpolation=cv2.INTER_AREA) if f < 1 else grey), f


def background(grey: np.ndarray) -> np.ndarray:
    """The local background brightness: a wide median, which keeps the edges of coloured bands.

    Computed on a small copy, so it is cheap even for a large card.
    """
    h, w = grey.shape
    small, _ = _small_and_back(grey, 400)
    k = max(3, round(max(small.shape) / 12) | 1)
    bg = cv2.medianBlur(small, k)
    return cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)


def amplitude(diff: np.ndarray) -> np.ndarray:
    """How strong the print is around each pixel (the largest |diff| over a few letters), at least 20."""
    h, w = diff.shape
    small, _ = _small_and_back(np.abs(diff), 400)
    k = max(3, round(max(small.shape) / 25) | 1)
    amp = cv2.blur(cv2.dilate(small, np.ones((k, k), np.uint8)), (k, k))
    return np.maximum(cv2.resize(amp, (w, h), interpolation=cv2.INTER_LINEAR), 30.0)


def _denoise(diff: np.ndarray) -> np.ndarray:
    """Shrink differences towards 0 by the paper's grain, so stretching faint print leaves blank
    paper blank. Most pixels are background, so the median |diff| measures the grain."""
    small, _ = _small_and_back(np.abs(diff), 400)
    grain = max(3.0 * float(np.median(small)), 4.0)
    return diff - np.clip(diff, -grain, grain)  # sign(diff) * max(|diff| - grain, 0), in two passes


def print_contrast(grey: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(diff, amp): each pixel against its local background, with the paper's grain shrunk away, and how
    strong the print is around it. `light` and `invert` both start from these."""
    diff = _denoise(grey.astype(np.float32) - background(grey).astype(np.float32))
    return diff, amplitude(diff)


def light(image: np.ndarray, contrast: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Even out shading and contrast: every background (paper, coloured band, shadow) becomes the
    same grey and faint print is stretched as far as bold print.

    Print keeps its polarity, so `invert` can still tell light print on a dark band from dark print;
    except on a dark card (median below DARK_CARD, and nearly all print lighter than its background), whose light
    print is turned dark here, so its strokes stretch into the 172 levels below PAPER and not the 63 above
    (where they clipped at white).
    """
    grey = _ink(image)
    diff, amp = print_contrast(grey) if contrast is None else contrast  # amp of |diff|: the same after a flip
    if np.median(grey[::4, ::4]) < DARK_CARD and _light_print(diff, amp):
        diff = -diff
    gain = np.minimum((PAPER - 20) / amp, 4.0)
    return np.clip(PAPER + diff * gain, 0, 255).astype(np.uint8)


#: light print outweighs dark print this many times on a dark card (measured: 3 to 1,000 on 14 dark cards,
#: 1.2 on a photo of a light card on a dark desk streaked with light, read whole when no outline was found)
LIGHT_PRINT = 2.0


def _light_print(diff: np.ndarray, amp: np.ndarray) -> bool:
    """Nearly all print is lighter than its background: a dark card, not a light one on a dark desk."""
    d, a = diff[::4, ::4], amp[::4, ::4]
    return int(np.count_nonzero(d > 0.4 * a)) > LIGHT_PRINT * int(np.count_nonzero(d < -0.4 * a))


def polarity_mask(diff: np.ndarray, amp_full: np.ndarray | None = None) -> np.ndarray:
    """True where print is lighter than its background, judged over a few text lines around it
    (`amp_full`: amplitude(diff), when known)."""
    h, w = diff.shape
    small, _ = _small_and_back(diff, 400)
    amp, _ = _small_and_back(amplitude(diff) if amp_full is None else amp_full, 400)
    k = max(3, round(max(small.shape) / 10))
    light_strokes, dark_strokes = small > 0.4 * amp, small < -0.4 * amp
    bright = cv2.blur(light_strokes.astype(np.float32), (k, k))
    dark = cv2.blur(dark_strokes.astype(np.float32), (k, k))
    flip = (bright > 1.5 * dark) & (bright > 0.002)
    # a region's edge may cut through a word (the card's bright rim beside an address line); a word is
    # flipped whole or not at all, and a word of mostly dark strokes is dark print, wherever it stands
    n, labels = cv2.connectedComponents(cv2.dilate((light_strokes | dark_strokes).view(np.uint8), np.ones((3, 3))))
    lit = np.bincount(labels[light_strokes], minlength=n)
    dim = np.bincount(labels[dark_strokes], minlength=n)
    dark_word = dim > lit
    dark_word[0] = False
    flip &= ~dark_word[labels]
    return cv2.resize(flip.view(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST) > 0


def invert(image: np.ndarray, contrast: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Dark print on white everywhere, deciding polarity per neighbourhood (a dark band on a light card).

    Print is measured against its local background, so flipping a region leaves no seam:
    the background maps to white whichever side of the band it is on. `contrast`: print_contrast(image),
    when known (it is not changed).
    """
    if contrast is None:
        diff, amp = print_contrast(_grey(image))  # amp of |diff|: the same after the flip
    else:
        diff, amp = contrast[0].copy(), contrast[1]
    flip = polarity_mask(diff, amp)
    if flip.any():
        diff[flip] = -diff[flip]
    ink = np.minimum(diff, 0)
    gain = np.minimum(235 / amp, 4.0)
    return np.clip(255 + ink * gain, 0, 255).astype(np.uint8)


def text_height(grey: np.ndarray) -> float | None:
    """The x-height: a low percentile of letter-like blob heights, in pixels; None without text."""
    bw = cv2.bitwise_not(binarise(grey))
    stats = blob_stats(bw)[1][1:].astype(np.int64)
    h_img = grey.shape[0]
    w, h, a = stats[:, 2], stats[:, 3], stats[:, 4]
    # specks of paper grain are not letters, and neither are logos or rules
    letters = (h >= max(5, h_img / 100)) & (h <= h_img / 5) & (w <= 3 * h) & (w >= 0.15 * h) & (a >= 0.1 * w * h)
    heights = h[letters]
    if len(heights) < 5:
        return None
    return float(np.percentile(heights, 30))


def rescale_factor(height: float | None, shape: tuple[int, int]) -> float:
    """Scale that brings `height` to TARGET_TEXT_HEIGHT without exceeding MAX_OCR_PIXELS."""
    f = TARGET_TEXT_HEIGHT / height if height else 1.0
    f = min(max(f, 0.25), 4.0)
    pixels = shape[0] * shape[1] * f * f
    if pixels > MAX_OCR_PIXELS:
        f *= math.sqrt(MAX_OCR_PIXELS / pixels)
    return f


def rescale(image: np.ndarray) -> np.ndarray:
    """Scale so letters are the height Tesseract reads best (and huge crops shrink)."""
    grey = _grey(image)
    f = rescale_factor(text_height(grey), grey.shape[:2])
    if abs(f - 1) < 0.05:
        return grey
    interp = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return cv2.resize(grey, None, fx=f, fy=f, interpolation=interp)


# --------------------------------------------------------------------------- the chain


#: `prepare` finds the card's outline itself (the default), or is handed one, or None for the whole photo
FIND = "find"


def prepare(
    rgb: np.ndarray, settings: Settings, keep: Keep | None = None, outline: np.ndarray | str | None = FIND
) -> Prepared:
    """Photo (HxWx3 uint8, upright by EXIF) -> the greyscale image OCR should read."""

    def kept(name: str, img: np.ndarray) -> np.ndarray:
        if keep is not None:
            keep(name, img)
        return img

    warnings: list[str] = []
    img = rgb
    quad = None
    others: tuple[np.ndarray, ...] = ()
    guess = None
    if settings.step_on("find_card"):
        found = outlines(rgb) if isinstance(outline, str) else Outlines([] if outline is None else [outline], None)
        quad, others = (found.cards[0], tuple(found.cards[1:])) if found.cards else (None, ())
        guess = found.guess
        region = print_region(rgb) if quad is None and isinstance(outline, str) else None
        if quad is not None:
            img = warp(rgb, quad, WORK_SIDE)
        elif region is not None:
            x, y, w, h = region
            img = rgb[y : y + h, x : x + w]
            warnings.append("No card outline was found; the printed part of the photo was read.")
        elif isinstance(outline, str):  # a whole photo asked for by the caller needs no word of it
            warnings.append("No card outline was found; the whole photo was read.")
        img = rotate_small(shrink(img, WORK_SIDE), deskew_angle(_grey(img)))
        kept("find_card", img)
    rotation, sure = 0, False
    if settings.step_on("orient"):
        rotation, flip = orientation(_grey(img))
        sure = flip is not None
        rotation = (rotation + 180) % 360 if flip else rotation
        img = kept("orient", turn(img, rotation))
    img = shrink(_ink(img), WORK_SIDE)
    unlit, contrast = None, None
    if settings.step_on("light"):
        unlit, contrast = img, print_contrast(img)
        img = kept("light", light(img, contrast))
    if settings.step_on("invert"):
        img = kept("invert", invert(img))
    scale, height = 1.0, None
    if settings.step_on("rescale"):
        height = text_height(img)
        scale = rescale_factor(height, img.shape[:2])
        if abs(scale - 1) >= 0.05:
            interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
            img = cv2.resize(img, None, fx=scale, fy=scale, interpolation=interp)
        kept("rescale", img)
    return Prepared(
        image=img,
        card_found=quad is not None,
        warnings=tuple(warnings),
        quad=None if quad is None else tuple((float(x), float(y)) for x, y in quad),
        rotation=rotation,
        scale=scale,
        text_height=height,
        upright_sure=sure,
        unlit=unlit,
        unlit_contrast=contrast,
        others=others,
        guess=guess,
    )


def without_light(prepared: Prepared, settings: Settings) -> np.ndarray | None:
    """The card as OCR would read it without the `light` step, in the pixels of `prepared.image`: a second
    opinion on the lines `light` left doubtful on small print, which was enlarged for OCR (its stretch
    of faint print also thickens small, blurred letters). None when light was off, and for large print,
    which reads as well from the image OCR read. Made only when asked for, as few cards need it."""
    if prepared.unlit is None or prepared.scale < 1:
        return None
    img = invert(prepared.unlit, prepared.unlit_contrast) if settings.step_on("invert") else prepared.unlit
    h, w = prepared.image.shape[:2]
    if img.shape[:2] != (h, w):
        img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA if prepared.scale < 1 else cv2.INTER_CUBIC)
    return img
