"""A contact's photo made into a small avatar: checked to be a real image, then resized.

The only module that imports Pillow, and it is imported only by an import or export that
has a photo. Whatever the bytes are (a decompression bomb, a truncated JPEG, a PDF, a GIF
of a thousand frames), the answer is an `Avatar` or a `PhotoRefused` with a sentence that
says why, never a traceback: Pillow reads only the formats a contact photo comes in, the
size in the header is checked before a pixel is decoded, and a JPEG is decoded straight at
a reduced scale.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from amity.errors import AmityError

AVATAR_PIXELS = 128  # the stored square: sharp at 64 CSS pixels on a phone's screen
MAX_SOURCE_PIXELS = 50_000_000  # a 50-megapixel camera; a bigger "photo" is a bomb
MAX_SIDE = 20_000
FORMATS = ("JPEG", "PNG", "GIF", "WEBP", "BMP")
JPEG_QUALITY = 85


class PhotoRefused(AmityError):
    """The bytes are not a photo Amity keeps; the message says why."""


@dataclass(frozen=True, slots=True)
class Avatar:
    media_type: str  # image/jpeg or image/png (kept when the picture has transparency)
    data: bytes
    width: int
    height: int
    digest: str  # of the bytes the source held: the same photo imported again is known


def photo_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def avatar_from(data: bytes) -> Avatar:
    """A square avatar of at most `AVATAR_PIXELS` (never enlarged), or `PhotoRefused`."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return _avatar(data)
    except PhotoRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoRefused("its photo is far too many pixels to be a photo") from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError, IndexError, TypeError):
        raise PhotoRefused("its photo is not an image Amity can read") from None


def _avatar(data: bytes) -> Avatar:
    with Image.open(io.BytesIO(data), formats=FORMATS) as image:
        width, height = image.size
        if width < 1 or height < 1 or max(width, height) > MAX_SIDE:
            raise PhotoRefused(f"its photo is {width}×{height} pixels: not a photo")
        if width * height > MAX_SOURCE_PIXELS:
            raise PhotoRefused(f"its photo is {width}×{height} pixels, too many to be a photo")
        if image.format == "JPEG":
            image.draft("RGB", (AVATAR_PIXELS * 2, AVATAR_PIXELS * 2))  # decode at 1/2..1/8
        image.load()
        return _encoded(_squared(image), photo_digest(data))


def _squared(image: Image.Image) -> Image.Image:
    upright = ImageOps.exif_transpose(image)
    side = min(AVATAR_PIXELS, *upright.size)
    has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
    converted = upright.convert("RGBA" if has_alpha else "RGB")
    return ImageOps.fit(converted, (side, side), Image.Resampling.LANCZOS)


def _encoded(image: Image.Image, digest: str) -> Avatar:
    out = io.BytesIO()
    if image.mode == "RGBA":
        image.save(out, "PNG", optimize=True)
        media_type = "image/png"
    else:
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        media_type = "image/jpeg"
    return Avatar(media_type, out.getvalue(), image.width, image.height, digest)
