"""The import registry: one table of sources that the CLI, the web upload and the API read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import amity
from amity.errors import UsageError
from amity.service.imports.sources import (
    NAMES,
    SOURCES,
    UPLOAD_SUFFIXES,
    find_source,
    source_named,
    source_of_file,
)

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 22)


def test_every_source_has_one_name_and_its_own_files() -> None:
    names = [s.name for s in SOURCES] + [a for s in SOURCES for a in s.aliases]
    assert len(names) == len(set(names)) and NAMES == ("linkedin", "vcard", "csv")
    suffixes = [x for s in SOURCES for x in s.suffixes]
    assert len(suffixes) == len(set(suffixes))
    assert sorted(UPLOAD_SUFFIXES) == [".csv", ".vcf", ".zip"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("linkedin", "linkedin"), (" VCF ", "vcard"), ("Google", "csv"), ("outlook", "csv")],
)
def test_a_source_is_found_by_any_of_its_names(text: str, name: str) -> None:
    assert source_named(text).name == name


def test_an_unknown_source_names_the_ones_there_are() -> None:
    assert find_source("myspace") is None and find_source("auto") is None
    with pytest.raises(UsageError, match="expected linkedin, vcard or csv"):
        source_named("myspace")


@pytest.mark.parametrize(
    ("filename", "name"),
    [("Export.ZIP", "linkedin"), ("phone.vcf", "vcard"), ("a.vcard", "vcard"), ("g.csv", "csv")],
)
def test_the_web_tells_a_source_by_its_file_name(filename: str, name: str) -> None:
    found = source_of_file(filename)
    assert found is not None and found.name == name
    assert source_of_file("notes.txt") is None


@pytest.mark.parametrize(
    ("name", "fixture"),
    [
        ("linkedin", FIXTURES / "linkedin" / "Complete_LinkedInDataExport_06-15-2026.zip"),
        (
            "vcard",
            FIXTURES / "vcard" / "CyanogenMod_android_frameworks_opt_vcard__v21_complicated.vcf",
        ),
        ("csv", FIXTURES / "csv" / "outlook_en.csv"),
    ],
)
def test_each_source_reads_its_own_files(name: str, fixture: Path) -> None:
    data = source_named(name).read(fixture, TODAY)
    assert data.people
    assert data.full_connections is (name == "linkedin")


def test_the_api_refuses_an_unknown_source_before_reading(tmp_path: Path) -> None:
    with (
        amity.open_home(tmp_path / "home", today=TODAY) as home,
        pytest.raises(UsageError, match="unknown source 'myspace'"),
    ):
        amity.import_file(home, "myspace", tmp_path / "missing.zip")
