"""store/photos.py and store/reach.py: one photo per person, each account's own; how to
reach people and how the user last wrote to them."""

from __future__ import annotations

from datetime import timedelta

from amity.model import ContactKind, Direction, Interaction, InteractionKind
from amity.store import Store, photos, reach
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store.photos import StoredPhoto
from tests.conftest import TODAY
from tests.store.conftest import add_person


def _photo(person_id: int, data: bytes = b"\xff\xd8jpeg", digest: str = "d1") -> StoredPhoto:
    return StoredPhoto(person_id, "image/jpeg", data, 128, 128, digest, "vcard")


def test_a_photo_is_one_per_person_and_one_account_s(store: Store, other: Store) -> None:
    ana, bo = add_person(store, "Ana Lima"), add_person(store, "Bo Chen")
    theirs = add_person(other, "Tom")
    photos.put_photo(store, _photo(ana))
    photos.put_photo(store, _photo(ana, b"\x89PNG new", "d2"))  # replaces the first
    photos.put_photo(other, _photo(ana))  # not their person: nothing is written
    photos.put_photo(other, _photo(theirs, b"theirs", "t1"))
    found = photos.photo_of(store, ana)
    assert found is not None and (found.data, found.digest) == (b"\x89PNG new", "d2")
    assert isinstance(found.data, bytes)  # PostgreSQL's memoryview made bytes
    assert photos.photo_of(store, bo) is None and photos.digest_of(store, bo) is None
    assert photos.digests_of(store, [ana, bo, theirs]) == {ana: "d2"}
    assert photos.every_photo(store) == {ana: ("image/jpeg", b"\x89PNG new")}
    assert photos.photo_of(other, ana) is None
    assert photos.every_photo(other) == {theirs: ("image/jpeg", b"theirs")}
    photos.remove_photo(other, ana)
    assert photos.digest_of(store, ana) == "d2"
    photos.remove_photo(store, ana)
    assert photos.digests_of(store, [ana]) == {}


def test_contact_points_and_the_last_written_channel(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana Lima")
    people_store.add_contact_point(store, ana, ContactKind.EMAIL, "ana@x.example", "work")
    people_store.add_contact_point(store, ana, ContactKind.PHONE, "+1 415 555 0101", "mobile")
    points = reach.contact_points_of(store, [ana])[ana]
    assert [(k, v, label) for k, v, _, label in points] == [
        ("email", "ana@x.example", "work"),
        ("phone", "+1 415 555 0101", "mobile"),
    ]
    assert points[1][2] == "+14155550101"
    assert reach.contact_points_of(other, [ana]) == {}
    assert reach.last_written(store, ana) is None
    for kind, days, summary in (
        (InteractionKind.COFFEE, 0, "coffee"),
        (InteractionKind.EMAIL, 5, "emailed"),
        (InteractionKind.MESSAGE, 2, "checked in by text"),
    ):
        interaction_store.insert_interaction(
            store,
            Interaction(kind, TODAY - timedelta(days=days), Direction.OUTBOUND, [ana], summary),
        )
    assert reach.last_written(store, ana) == ("message", "", "checked in by text")
    assert reach.last_written(other, ana) is None
