"""The one reader and writer of settings (`amity.service.settings.edit`), on both engines:
preferences land in the database, SMTP settings in config.toml, and one bad value writes
nothing, whichever interface sent it."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from amity.errors import UsageError
from amity.model import Circle, InteractionKind
from amity.service.interactions import Happening, met
from amity.service.people import NewPerson, add_person
from amity.service.settings import preferences
from amity.service.settings.edit import (
    KEYS,
    Place,
    change,
    change_settings,
    read_settings,
    setting,
)
from amity.store import Store
from amity.store import settings as settings_store
from tests.conftest import TODAY
from tests.store.accounts import second_account


def test_a_fresh_home_reads_the_defaults(store: Store, tmp_path: Path) -> None:
    shown = read_settings(store, tmp_path).as_dict()
    assert shown == {
        "daily_budget": 5,
        "weekly_goal": 3,
        "follow_up_fade_days": 7,
        "tone": "casual",
        "signature": "",
        "cadence": {c.value: d for c, d in preferences.circle_cadences(store).items()},
        "smtp": {
            "host": "",
            "port": 25,
            "username": "",
            "password": "",
            "sender": "",
            "to": "",
            "starttls": False,
            "ssl": False,
        },
    }


def test_each_setting_lives_in_one_place() -> None:
    assert setting("smtp.password").place is Place.CONFIG_FILE
    for key in ("daily_budget", "tone", "signature", "cadence.inner"):
        assert setting(key).place is Place.DATABASE
    assert KEYS[-2:] == ("cadence.<circle>", "smtp.<key>")
    with pytest.raises(UsageError, match="unknown setting 'budget'"):
        setting("budget")


def test_the_writer_puts_preferences_in_the_database_and_smtp_in_config_toml(
    store: Store, tmp_path: Path
) -> None:
    with store.db.transaction():
        theirs = second_account(store)
    texts = {
        "daily_budget": " 8 ",
        "tone": "formal",
        "signature": "Ada\\nLovelace ",
        "cadence.inner": "10",
        "smtp.host": " mail.example.org ",
        "smtp.port": "587",
        "smtp.password": " s3cret ",
        "smtp.starttls": "yes",
    }
    change_settings(store, tmp_path, texts, TODAY)
    now = read_settings(store, tmp_path)
    assert (now.daily_budget, now.tone, now.signature) == (8, "formal", "Ada\nLovelace")
    assert now.cadence[Circle.INNER] == 10
    smtp = tomllib.loads((tmp_path / "config.toml").read_text())["smtp"]
    assert smtp == {
        "host": "mail.example.org",
        "port": 587,
        "password": " s3cret ",
        "starttls": True,
    }
    assert settings_store.setting_value(store, "smtp") is None
    assert now.as_dict()["smtp"]["password"] == "********"
    assert settings_store.setting_value(theirs, "daily_budget") is None  # their own account


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("daily_budget", "lots", r"daily_budget \(the daily budget\) must be a whole number"),
        ("weekly_goal", "0", r"weekly_goal .* must be a whole number from 1 to 50, not '0'"),
        ("follow_up_fade_days", "61", "must be a whole number from 1 to 60"),
        ("tone", "warm", r"tone \(the tone of drafts\) must be casual or formal"),
        ("cadence.bestie", "10", "unknown circle 'bestie'"),
        ("cadence.inner", "4000", r"cadence.inner \(the days between check-ins\) must be"),
        ("smtp.port", "99999", "smtp.port must be a port number"),
        ("smtp.starttls", "maybe", "smtp.starttls must be true or false"),
        ("smtp.server", "x", "unknown SMTP setting 'server'"),
    ],
)
def test_one_bad_value_writes_nothing(
    store: Store, tmp_path: Path, key: str, text: str, message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        change_settings(store, tmp_path, {"daily_budget": "9", "smtp.host": "h", key: text}, TODAY)
    assert read_settings(store, tmp_path).daily_budget == 5
    assert not (tmp_path / "config.toml").exists()


def test_a_blank_port_or_cadence_means_the_default_or_never(store: Store, tmp_path: Path) -> None:
    change(store, tmp_path, "cadence.close", "30", TODAY)
    change_settings(store, tmp_path, {"smtp.port": "", "cadence.close": "none"}, TODAY)
    now = read_settings(store, tmp_path)
    assert now.smtp.port == 25 and now.cadence[Circle.CLOSE] is None


def test_a_new_cadence_plans_its_circles_check_ins_again(store: Store, tmp_path: Path) -> None:
    ada, _ = add_person(store, NewPerson("Ada Lovelace", circle="close"), TODAY)
    own, _ = add_person(store, NewPerson("Own Cadence", circle="close", every=90), TODAY)
    met(store, "Ada Lovelace", Happening(InteractionKind.MET), TODAY)
    met(store, "Own Cadence", Happening(InteractionKind.MET), TODAY)
    change(store, tmp_path, "cadence.close", "11", TODAY)
    due, kept = _next_due(store, ada), _next_due(store, own)
    change(store, tmp_path, "cadence.close", "40", TODAY)
    assert (_next_due(store, ada) - due).days == 29
    assert _next_due(store, own) == kept


def _next_due(store: Store, person_id: int) -> date:
    rows = store.db.query(
        "SELECT next_due_on FROM person WHERE owner_id = ? AND id = ?", (store.owner_id, person_id)
    )
    value = rows[0]["next_due_on"]
    return value if isinstance(value, date) else date.fromisoformat(str(value))
