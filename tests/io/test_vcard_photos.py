"""vCard photos: every form real exports use is read, a link is never fetched, and whatever
the bytes are, the answer is an avatar or a sentence saying why not, never a traceback."""

from __future__ import annotations

import base64
import io
import socket
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from tests.io.test_vcard import SHARED, only

from amity.io.photos import AVATAR_PIXELS, PhotoRefused, avatar_from, photo_digest
from amity.io.vcard import export_vcards, parse_vcards, read_vcard_path
from amity.io.vcard_photo import LINK_NOTE, MAX_PHOTO_BYTES
from amity.model import Person

LOCAL = Path(__file__).resolve().parents[1] / "fixtures" / "vcard"


def image_bytes(size: tuple[int, int], fmt: str = "JPEG", mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 40, 40, 128) if mode == "RGBA" else (200, 40, 40)).save(out, fmt)
    return out.getvalue()


def card(photo_line: str, version: str = "3.0", name: str = "Ana Lima") -> bytes:
    return (
        f"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:{name}\r\n{photo_line}\r\nEND:VCARD\r\n"
    ).encode()


def one(data: bytes) -> tuple[bytes, str]:
    (draft,), skipped = parse_vcards(data, "photo.vcf")
    assert not skipped
    return draft.photo, draft.photo_note


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """A photo is never fetched: any connection attempt fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a photo import tried to open a connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_each_real_export_s_photo_form_is_read() -> None:
    blackberry = only("CyanogenMod_android_frameworks_opt_vcard__v21_blackberry_photo.vcf")
    assert blackberry.photo.startswith(b"\x89PNG")  # 2.1 ENCODING=BASE64, folded
    ios = only("CyanogenMod_android_frameworks_opt_vcard__v30_ios_613_multiline.vcf")
    assert ios.photo.startswith(b"\xff\xd8")  # 3.0 ENCODING=b, CR CR LF line ends
    kontact = only("ical4j_ical4j-vcard__vcard-antoni-kontact.vcf")
    assert kontact.photo.startswith(b"\xff\xd8")  # TYPE=image/jpeg
    drafts, _ = read_vcard_path(LOCAL / "mangstadt_ez-vcard__John_Doe_ANDROID.vcf")
    cut = [d for d in drafts if d.photo_note]  # this export's 2.1 photo was cut short
    assert [d.photo_note for d in cut] == ["its photo is not valid base64: no photo kept"]
    for draft in (blackberry, ios, kontact):
        assert not [line for line in draft.extra if line.upper().startswith("PHOTO")]
        avatar = avatar_from(draft.photo)
        assert max(avatar.width, avatar.height) <= AVATAR_PIXELS


def test_a_4_0_data_uri_and_radicale_s_encoded_data_uri() -> None:
    png = image_bytes((20, 20), "PNG")
    encoded = base64.b64encode(png).decode()
    assert one(card(f"PHOTO:data:image/png;base64,{encoded}", "4.0")) == (png, "")
    radicale = f"PHOTO;ENCODING=b;TYPE=png:data:image/png;base64,{encoded.rstrip('=')}"
    assert one(card(radicale)) == (png, "")  # the padding Radicale drops is put back
    path = SHARED / "Kozea_Radicale__contact_photo_with_data_uri.vcf"
    if path.is_file():
        (draft,), _ = read_vcard_path(path)
        assert avatar_from(draft.photo).width == 1  # a 1x1 PNG, never enlarged


def test_a_photo_that_is_a_link_is_never_fetched_and_the_note_says_so() -> None:
    drafts, _ = read_vcard_path(LOCAL / "mangstadt_ez-vcard__fullcontact.vcf")
    assert drafts and all(d.photo == b"" for d in drafts)
    assert drafts[0].photo_note == LINK_NOTE
    assert one(card("PHOTO;VALUE=uri:http://example.com/me.jpg")) == (b"", LINK_NOTE)
    assert "web link" in LINK_NOTE and "never fetches" in LINK_NOTE


def test_an_empty_photo_says_nothing_and_a_later_good_one_wins() -> None:
    assert one(card("PHOTO;ENCODING=b;TYPE=JPEG:")) == (b"", "")
    jpeg = image_bytes((10, 10))
    two = f"PHOTO:https://example.com/a.jpg\r\nPHOTO;ENCODING=b;TYPE=JPEG:{base64.b64encode(jpeg).decode()}"
    assert one(card(two)) == (jpeg, "")


def test_bad_base64_and_a_huge_photo_are_refused_before_decoding() -> None:
    assert one(card("PHOTO;ENCODING=b;TYPE=JPEG:" + "!@#$%^&*" * 50))[1] == (
        "its photo is not valid base64: no photo kept"
    )
    huge = "A" * (MAX_PHOTO_BYTES * 4 // 3 + 100)
    photo, note = one(card(f"PHOTO;ENCODING=b;TYPE=JPEG:{huge}"))
    assert photo == b"" and note == "its photo is larger than 10 MB: no photo kept"


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (a decompression bomb)."""
    png = bytearray(image_bytes((1, 1), "PNG"))
    header = struct.pack(">II", width, height) + bytes(png[24:29])
    png[16:29] = header
    png[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + header))
    return bytes(png)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (_png_claiming(60_000, 60_000), "pixels"),
        (_png_claiming(8_000, 7_000), "8000×7000 pixels, too many to be a photo"),
        (image_bytes((300, 300))[:200], "not an image Amity can read"),  # truncated JPEG
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj", "not an image Amity can read"),
        (b"\x00" * 5000, "not an image Amity can read"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not an image Amity can read"),
    ],
    ids=["bomb", "too-many-pixels", "truncated", "pdf", "zeros", "svg"],
)
def test_what_is_no_photo_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(PhotoRefused, match=reason):
        avatar_from(data)


def test_avatars_are_small_squares_and_keep_transparency() -> None:
    big = avatar_from(image_bytes((1200, 800)))
    assert (big.media_type, big.width, big.height) == ("image/jpeg", 128, 128)
    with Image.open(io.BytesIO(big.data)) as opened:
        assert opened.format == "JPEG" and opened.size == (128, 128)
    clear = avatar_from(image_bytes((64, 200), "PNG", "RGBA"))
    assert (clear.media_type, clear.width, clear.height) == ("image/png", 64, 64)
    gif = avatar_from(image_bytes((30, 30), "GIF", "P"))
    assert gif.width == 30  # never enlarged
    assert big.digest == photo_digest(image_bytes((1200, 800)))  # of the source bytes


def test_export_writes_the_avatar_as_3_0_base64_and_4_0_data_uri_that_read_back() -> None:
    jpeg = avatar_from(image_bytes((256, 256))).data
    person = Person(name="Ana Lima", id=7)
    v3 = export_vcards([person], "3.0", photos={7: ("image/jpeg", jpeg)})
    assert "\r\nPHOTO;ENCODING=b;TYPE=JPEG:" in v3
    v4 = export_vcards([person], "4.0", photos={7: ("image/jpeg", jpeg)})
    assert "\r\nPHOTO:data:image/jpeg;base64," in v4
    for text in (v3, v4):
        (draft,), _ = parse_vcards(text, "out.vcf")
        assert draft.photo == jpeg


def test_a_kept_photo_line_of_an_older_import_is_not_written_twice() -> None:
    person = Person(name="Ana Lima", id=7)
    old = {7: ["PHOTO;ENCODING=b;TYPE=JPEG:/9j/AAAA", "X-FOO:bar"]}
    text = export_vcards([person], "3.0", old, {7: ("image/png", b"\x89PNG")})
    assert text.count("PHOTO") == 1 and "TYPE=PNG:iVBORw==" in text and "X-FOO:bar" in text
    assert export_vcards([person], "3.0", old).count("PHOTO;ENCODING=b;TYPE=JPEG:/9j/AAAA") == 1
