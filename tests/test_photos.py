"""Photos through the real CLI on both engines: an import keeps them once, a new one
replaces the old, a refused one is reported, and backups, merges and undo carry them."""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path

from PIL import Image

from amity.io.vcard import parse_vcards
from tests.conftest import Amity, open_for_reading
from tests.test_backup import _fresh


def jpeg(color: tuple[int, int, int], size: tuple[int, int] = (400, 300)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def vcard(path: Path, *cards: tuple[str, str, bytes | str]) -> Path:
    """A vCard file of (name, email, photo) cards; a str photo is written as it is."""
    lines = []
    for name, email, photo in cards:
        value = photo if isinstance(photo, str) else base64.b64encode(photo).decode()
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", f"EMAIL:{email}"]
        lines += [f"PHOTO;ENCODING=b;TYPE=JPEG:{value}"] if value else []
        lines += ["END:VCARD"]
    path.write_text("\r\n".join(lines) + "\r\n")
    return path


def photos(amity: Amity) -> dict[str, bytes]:
    """Each person's photo as `amity export vcard` writes it (name -> JPEG bytes)."""
    drafts, _ = parse_vcards(amity.ok("export", "vcard").out, "export.vcf")
    return {d.name: d.photo for d in drafts if d.photo}


def stored_digests(amity: Amity) -> dict[int, str]:
    from amity.store.photos import digests_of

    url = amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"
    store = open_for_reading(url)
    try:
        return digests_of(store, range(1, 100))
    finally:
        store.close()


def test_an_import_keeps_each_photo_once_and_a_new_one_replaces_it(
    amity: Amity, tmp_path: Path
) -> None:
    red, blue = jpeg((200, 30, 30)), jpeg((30, 30, 200))
    cards = [("Ana Lima", "ana@x.example", red), ("Bo Chen", "bo@x.example", b"")]
    first = vcard(tmp_path / "a.vcf", *cards)
    report = amity.ok("import", "vcard", str(first), "--json").json()
    assert report["photos"] == {"kept": 1, "not_kept": []}
    kept = photos(amity)
    assert set(kept) == {"Ana Lima"}
    with Image.open(io.BytesIO(kept["Ana Lima"])) as avatar:
        assert avatar.format == "JPEG" and avatar.size == (128, 128)  # resized, squared
    assert stored_digests(amity) == {1: hashlib.sha256(red).hexdigest()}

    again = amity.ok("import", "vcard", str(first), "--json").json()
    assert (again["unchanged"], again["photos"]["kept"]) == (2, 0)
    assert photos(amity) == kept

    newer = vcard(tmp_path / "b.vcf", ("Ana Lima", "ana@x.example", blue))
    assert amity.ok("import", "vcard", str(newer), "--json").json()["photos"]["kept"] == 1
    assert photos(amity)["Ana Lima"] != kept["Ana Lima"]
    assert stored_digests(amity) == {1: hashlib.sha256(blue).hexdigest()}
    amity.ok("undo")
    assert photos(amity) == kept  # the import's undo puts the old photo back


def test_a_photo_that_is_no_image_is_reported_and_the_person_still_imports(
    amity: Amity, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\n" * 20
    path = vcard(
        tmp_path / "bad.vcf",
        ("Ana Lima", "ana@x.example", pdf),
        ("Bo Chen", "bo@x.example", "!!not base64!!"),
        ("Cy Dunn", "cy@x.example", b""),
    )
    link = "BEGIN:VCARD\r\nFN:Di Eze\r\nPHOTO;VALUE=uri:https://example.com/d.jpg\r\nEND:VCARD"
    path.write_text(path.read_text() + link + "\r\n")
    result = amity.ok("import", "vcard", str(path))
    assert "Imported: 4 created" in result.out and "Traceback" not in result.err
    assert "bad.vcf:1: Ana Lima: its photo is not an image Amity can read: no photo kept" in (
        result.out
    )
    assert "Bo Chen: its photo is not valid base64: no photo kept" in result.out
    assert "Di Eze: its photo is a web link, which Amity never fetches" in result.out
    assert photos(amity) == {}


def test_google_csv_photo_links_are_reported_never_fetched(amity: Amity, tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    path.write_text(
        "First Name,Last Name,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value\n"
        "Ana,Lima,https://lh3.googleusercontent.com/a/abc,* myContacts,* Home,ana@x.example\n"
        "Bo,Chen,,* myContacts,* Home,bo@x.example\n"
    )
    report = amity.ok("import", "google", str(path), "--json").json()
    assert report["created"] == 2
    assert [r["reason"] for r in report["photos"]["not_kept"]] == [
        "Ana Lima: its photo is a web link, which Amity never fetches: no photo kept"
    ]


def test_a_photo_survives_a_backup_and_restore(amity: Amity, tmp_path: Path) -> None:
    path = vcard(tmp_path / "a.vcf", ("Ana Lima", "a@x.example", jpeg((9, 99, 9))))
    amity.ok("import", "vcard", str(path))
    before = photos(amity)
    amity.ok("export", "json", "-o", str(tmp_path / "backup.json"))
    restored = _fresh(amity, tmp_path / "second")
    restored.ok("restore", str(tmp_path / "backup.json"))
    assert photos(restored) == before and before


def test_a_merge_keeps_the_kept_person_s_photo_or_the_only_one_and_undo_restores(
    amity: Amity, tmp_path: Path
) -> None:
    red, blue = jpeg((200, 30, 30)), jpeg((30, 30, 200))
    cards = [("Ana Lima", "a1@x.example", red), ("Ana L.", "a2@x.example", blue)]
    cards.append(("Bo Chen", "b@x.example", b""))
    amity.ok("import", "vcard", str(vcard(tmp_path / "a.vcf", *cards)))
    before = photos(amity)
    assert set(before) == {"Ana Lima", "Ana L."}
    amity.ok("merge", "1", "2", "--yes")  # Ana L. goes into Ana Lima: hers stays
    assert photos(amity) == {"Ana Lima": before["Ana Lima"]}
    amity.ok("undo")
    assert photos(amity) == before
    amity.ok("merge", "3", "2", "--yes")  # Ana L. into Bo Chen, who has none: hers moves
    assert photos(amity) == {"Ana Lima": before["Ana Lima"], "Bo Chen": before["Ana L."]}
    amity.ok("undo")
    assert photos(amity) == before
