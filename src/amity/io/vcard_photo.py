"""A vCard PHOTO's bytes: base64 in 2.1 and 3.0, a `data:` URI in 4.0, never a download.

The forms real exports use: `PHOTO;ENCODING=BASE64;TYPE=JPEG:` (2.1, also with a bare
`BASE64` or `JPEG`), `PHOTO;ENCODING=b;TYPE=JPEG:` (3.0), `PHOTO:data:image/png;base64,...`
(4.0, and Radicale's `ENCODING=b` in front of one), and `PHOTO;VALUE=uri:https://...`, a
link, which is never fetched: Amity keeps nothing of it and says so. What comes out is
only bytes: whether they are an image is for `amity.io.photos` to decide.
"""

from __future__ import annotations

import binascii
import re

from amity.io.vcard_lines import ContentLine

# A photo straight from a phone's camera is a few MB; past this it is not a contact photo.
MAX_PHOTO_BYTES = 10_000_000
_MAX_BASE64 = MAX_PHOTO_BYTES * 4 // 3 + 4
_SPACE = re.compile(rb"\s+")
_LINK = re.compile(rb"^(?:https?|ftp|file|cid|content):", re.IGNORECASE)
LINK_NOTE = "its photo is a web link, which Amity never fetches: no photo kept"


def photo_bytes(content: ContentLine) -> tuple[bytes, str]:
    """The decoded picture of one PHOTO line, or no bytes and why ("" when it is empty)."""
    raw = _SPACE.sub(b"", content.raw)
    if not raw:
        return b"", ""
    base64 = content.param("ENCODING").upper() in ("B", "BASE64")
    if raw[:5].lower() == b"data:":
        head, comma, raw = raw.partition(b",")
        if not comma or b";base64" not in head.lower():
            return b"", "its photo is a data link Amity cannot read: no photo kept"
        base64 = True
    elif _LINK.match(raw) or content.param("VALUE").lower() in ("uri", "url"):
        return b"", LINK_NOTE
    if not base64:
        return b"", "its photo is in an encoding Amity cannot read: no photo kept"
    if len(raw) > _MAX_BASE64:
        return b"", f"its photo is larger than {MAX_PHOTO_BYTES // 1_000_000} MB: no photo kept"
    return _decoded(raw)


def _decoded(raw: bytes) -> tuple[bytes, str]:
    """Base64, with the missing padding some exporters forget put back."""
    raw = raw.rstrip(b"=")
    raw += b"=" * (-len(raw) % 4)
    try:
        data = binascii.a2b_base64(raw, strict_mode=True)
    except (binascii.Error, ValueError):
        return b"", "its photo is not valid base64: no photo kept"
    return (data, "") if data else (b"", "")
