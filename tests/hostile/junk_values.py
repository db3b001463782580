"""Hostile values in the real fixtures' CSV cells and vCard properties, and dates at the
edges of the calendar: the part of the junk (`tests/hostile/junk.py`) that reaches past the
line and cell readers into the mapping of each field."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

from tests.hostile.junk import (
    Build,
    Case,
    _card,
    _members,
    _short,
    _text,
    _zip,
    fixture_files,
)

# --- hostile values in real files' cells and properties -----------------------------------

EXTREME_DAYS = ("0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01", "2026-02-30",
                "--02-29", "--13-45", "00010101", "99991231", "31 Feb 2020", "01 Jan 0001",
                "31 Dec 9999", "00 Jan 2020", "1/1/0", "12/31/9999", "0/0/00",
                "9999/12/31 23:59:59 UTC", "0001-01-01 00:00:00 UTC", "Jan 0001", "Dec 9999",
                "Feb 29, 2023", "Dec 31, 9999", "9999", "0001")  # fmt: skip
HOSTILE_VALUES = (*EXTREME_DAYS, "", " ", "0", "-1", "9" * 40, "1e309", "NaN", "\x00",
                  "a\x00b", "\u202eevil", "😀" * 50, "=cmd|' /C calc'!A0",
                  "<script>alert(1)</script>", "x" * 5000, "@", "mailto:", "tel:", "http://",
                  "javascript:alert(1)", "::::", ";;;;", "\\", '"', "'", "null", "\r", "\n\n",
                  "ａｂｃ", "İı", "x@y@z", "+" + "9" * 30, "0" * 400, "\udcff")  # fmt: skip


def _hostile(rng: random.Random) -> str:
    return rng.choice(HOSTILE_VALUES)


def _csv_cells(path: Path) -> Build:
    """The fixture CSV with about a third of its data cells replaced by hostile values."""

    def build(rng: random.Random) -> bytes:
        import csv

        raw = path.read_bytes()
        encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
        text = raw.decode(encoding, "replace")
        dialect = "excel-tab" if "\t" in text.partition("\n")[0] else "excel"
        delimiter = ";" if text.partition("\n")[0].count(";") > text.count(",") / 4 else None
        rows = list(
            csv.reader(
                io.StringIO(text), dialect, **({"delimiter": delimiter} if delimiter else {})
            )
        )
        out = io.StringIO()
        writer = csv.writer(out, dialect, **({"delimiter": delimiter} if delimiter else {}))
        for number, row in enumerate(rows):
            junk = number > 0 and len(row) > 2  # keep the header (and LinkedIn's notes)
            writer.writerow([_hostile(rng) if junk and rng.random() < 0.35 else c for c in row])
        return out.getvalue().encode("utf-8", "surrogateescape")

    return build


def _vcard_values(path: Path) -> Build:
    """The fixture vCard with about a third of its property values replaced."""

    def build(rng: random.Random) -> bytes:
        lines = path.read_bytes().decode("utf-8", "surrogateescape").splitlines()
        kept = []
        for line in lines:
            name, colon, _value = line.partition(":")
            fixed = name.upper() in ("BEGIN", "END", "VERSION") or line[:1] in " \t"
            if colon and not fixed and rng.random() < 0.35:
                value = _hostile(rng).replace("\r", "").replace("\n", "")
                line = f"{name}:{value}"
            kept.append(line)
        return "\r\n".join(kept).encode("utf-8", "surrogateescape")

    return build


def _extreme_dates(rng: random.Random) -> bytes:
    """The real export with every date at the edge of the calendar."""
    members = []
    for info, data in _members():
        text = data.decode("utf-8-sig")
        for found in re.findall(r"\d{1,2} [A-Z][a-z]{2} \d{4}", text):
            text = text.replace(found, rng.choice(("31 Dec 9999", "01 Jan 0001")))
        for found in re.findall(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", text):
            text = text.replace(found, rng.choice(("9999-12-31 23:59:59 UTC",
                                                   "0001-01-01 00:00:00 UTC")))  # fmt: skip
        for found in re.findall(r"\d{1,2}/\d{1,2}/\d{2}, ", text):
            text = text.replace(found, rng.choice(("12/31/9999, ", "1/1/0001, ")))
        members.append((info.filename, text.encode()))
    return _zip(members)


def value_cases() -> list[Case]:
    cases = [Case("zip-extreme-dates", "linkedin", "export.zip", _extreme_dates)]
    vcards = [p for s, p in fixture_files() if s == "vcard"][::2]  # half of them is plenty
    cases += [Case(f"values-{_short(p)}", "vcard", p.name, _vcard_values(p)) for p in vcards]
    for source, path in fixture_files():
        if path.suffix == ".csv":
            name = f"cells-{source}-{_short(path)}"
            cases.append(Case(name, source, path.name, _csv_cells(path)))
    days = [("BDAY", d) for d in EXTREME_DAYS[::2]] + [("ANNIVERSARY", d) for d in EXTREME_DAYS[:4]]
    cases += [
        Case(f"vcard-date-{prop}-{n}", "vcard", "cards.vcf", _text(_card(f"{prop}:{day}")))
        for n, (prop, day) in enumerate(days)
    ]
    return cases
