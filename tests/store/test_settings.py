from __future__ import annotations

from amity.store import Store
from amity.store import settings as settings_store
from tests.store.accounts import second_account


def test_a_setting_is_saved_replaced_and_deleted_for_its_account_only(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        settings_store.put_setting(theirs, "tone", '"formal"')
        assert settings_store.setting_value(store, "tone") is None
        settings_store.put_setting(store, "tone", '"casual"')
        settings_store.put_setting(store, "tone", '"warm"')
        settings_store.delete_setting(store, "signature")
    assert settings_store.setting_value(store, "tone") == '"warm"'
    assert settings_store.setting_value(theirs, "tone") == '"formal"'
    with store.db.transaction():
        settings_store.delete_setting(store, "tone")
    assert settings_store.setting_value(store, "tone") is None
    assert settings_store.setting_value(theirs, "tone") == '"formal"'


def test_the_accounts_own_name_and_email_change_alone(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        settings_store.set_account_contact(store, "Ada Lovelace", "ada@example.com")
    assert settings_store.account_contact(store) == {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
    }
    assert settings_store.account_contact(theirs) == {
        "name": "them",
        "email": "them@example.com",
    }
