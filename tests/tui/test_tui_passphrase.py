"""The passphrase dialog before an encrypted journal opens (issue 17)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.core.journal import encryption, keyfile, keys
from reflect_tui.core.wording import by_count
from reflect_tui.tui import strings
from reflect_tui.tui.dialogs.passphrase import PassphraseApp

pytest.importorskip("sqlcipher3")

PASS = "lange zin als wachtwoord"


@pytest.fixture
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    home = tmp_path / "home"
    with open_store(home) as store:
        store.add(sample_reflection())
    encryption.encrypt(home / "journal.sqlite3", PASS, iterations=1)
    keys.forget()
    yield home / "journal.sqlite3"
    keys.forget()


async def _type(pilot: object, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]


async def _settle(app: PassphraseApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def test_wrong_then_right_passphrase_unlocks(journal: Path) -> None:
    app = PassphraseApp(journal)
    async with app.run_test(size=(80, 20)) as pilot:
        secret = app.query_one("#secret")
        assert secret.password  # never echoed
        await _type(pilot, "fout")
        await _settle(app, pilot)
        status = str(app.query_one("#status").render())
        assert status == by_count(strings.PASSPHRASE_WRONG, 2)
        await _type(pilot, PASS)
        await _settle(app, pilot)
    assert app.return_value is True
    assert keys.registered(journal) is not None


async def test_three_wrong_tries_close_the_door(journal: Path) -> None:
    app = PassphraseApp(journal)
    async with app.run_test(size=(80, 20)) as pilot:
        for _ in range(3):
            await _type(pilot, "fout")
            await _settle(app, pilot)
    assert app.return_value is False
    assert app.message == strings.PASSPHRASE_GAVE_UP
    assert keys.registered(journal) is None


def test_reflect_without_sqlcipher3_says_how_to_install(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from reflect_tui.cli.context import CliContext
    from reflect_tui.cli.tui_cmd import run_tui

    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    args = argparse.Namespace(data_dir=None, content=None)
    err = io.StringIO()
    ctx = CliContext(args=args, env={"REFLECT_HOME": str(journal.parent)}, stderr=err)
    assert run_tui(args, ctx) == 1
    assert "pip install 'reflect-tui[encrypt]'" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_a_passphrase_kept_in_the_keyring_opens_without_asking(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring = pytest.importorskip("keyring")
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):  # type: ignore[misc]
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.kept: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.kept.pop((service, username), None)

    from reflect_tui.core.journal import keystore

    previous = keyring.get_keyring()
    memory = Memory()
    keyring.set_keyring(memory)
    try:
        monkeypatch.delenv("REFLECT_KEYRING")
        assert keystore.put(journal, PASS)
        assert keys.unlock_from_keyring(journal)
        keys.forget()
        keystore.put(journal, "verouderd")
        assert not keys.unlock_from_keyring(journal)  # changed elsewhere: asked again
        monkeypatch.setenv("REFLECT_KEYRING", "off")
        assert keystore.get(journal) is None  # the switch wins
    finally:
        keyring.set_keyring(previous)
