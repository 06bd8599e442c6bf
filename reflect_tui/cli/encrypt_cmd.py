"""``reflect encrypt|decrypt|passphrase``: encryption at rest from the shell.

Thin on purpose: the work lives in ``core/journal/encryption.py``; this
module asks for passphrases (``passphrase.py``), holds the app's instance
lock while a journal is switched, and says what happened in Dutch.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from reflect_tui.core.wording import by_count, counted

if TYPE_CHECKING:
    from reflect_tui.cli.context import CliContext
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.encryption import Conversion


KEYRING_HELP = "bewaar het wachtwoord ook in de sleutelhanger van het systeem (keyring)"
NO_KEYRING = (
    "er is geen sleutelhanger (keyring) beschikbaar; het wachtwoord wordt bij elke start "
    "gevraagd. Installeer die met: pip install 'reflect-tui[keyring]'"
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this group's subcommands to the parser."""
    p = sub.add_parser("encrypt", help="versleutel het dagboek en de back-ups met een wachtwoord")
    p.add_argument("--keyring", action="store_true", help=KEYRING_HELP)
    p.set_defaults(handler=run_encrypt)
    p = sub.add_parser("decrypt", help="haal de versleuteling van het dagboek weer af")
    p.set_defaults(handler=run_decrypt)
    p = sub.add_parser("passphrase", help="verander het wachtwoord van het versleutelde dagboek")
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--keyring",
        action="store_true",
        help="verander niets, bewaar alleen het huidige wachtwoord in de sleutelhanger",
    )
    which.add_argument(
        "--forget", action="store_true", help="haal het wachtwoord uit de sleutelhanger"
    )
    p.set_defaults(handler=run_passphrase)


def _say(ctx: CliContext, text: str) -> None:
    ctx.stdout.write(text + "\n")
    ctx.stdout.flush()


def _report(ctx: CliContext, result: Conversion, done: str) -> None:
    if result.backups_changed:
        _say(ctx, f"{counted(len(result.backups_changed), 'back-up', 'back-ups')} omgezet.")
    for path in result.backups_failed:
        ctx.warn(f"de back-up {path} kon niet worden omgezet (beschadigd?); bekijk hem zelf.")
    _say(ctx, done)


def _locked(ctx: CliContext) -> InstanceLock:
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.instance import InstanceLock
    from reflect_tui.core.journal.backup import APP_OPEN

    lock = InstanceLock.acquire(ctx.locations.lock_path)
    if lock is None:
        raise ReflectError(APP_OPEN.replace("'reflect restore'", "de opdracht"))
    return lock


def run_encrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.cli.passphrase import read_new_secret, read_secret
    from reflect_tui.core.journal import encryption, keys

    journal = ctx.locations.journal_path
    keys.cipher_driver(keys.MISSING_DRIVER_TO_ENCRYPT)
    lock = _locked(ctx)
    try:
        if keys.journal_is_encrypted(journal):
            result = encryption.encrypt(journal, read_secret("Wachtwoord van het dagboek: "))
            _report(ctx, result, "Het dagboek was al versleuteld; de back-ups zijn het nu ook.")
            return 0
        passphrase = read_new_secret()
        result = encryption.encrypt(journal, passphrase)
    finally:
        lock.release()
    if args.keyring:
        _keep(ctx, journal, passphrase)
    _report(
        ctx,
        result,
        "Het dagboek is versleuteld. Zonder het wachtwoord is het niet meer te lezen: "
        "vergeet het niet (er is geen herstelcode).",
    )
    if result.plaintext_exports:
        ctx.warn(
            by_count(
                (
                    "in {folder} staat nog 1 onversleutelde export; verwijder die als je "
                    "hem niet meer nodig hebt.",
                    "in {folder} staan nog {n} onversleutelde exports; verwijder ze als je "
                    "ze niet meer nodig hebt.",
                ),
                len(result.plaintext_exports),
                folder=journal.parent / "exports",
            )
        )
    return 0


def _keep(ctx: CliContext, journal: Path, passphrase: str) -> None:
    from reflect_tui.core.journal import keystore

    if keystore.put(journal, passphrase):
        _say(ctx, "Het wachtwoord staat in de sleutelhanger; reflect vraagt er niet meer om.")
    else:
        ctx.warn(NO_KEYRING)


def run_decrypt(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.core.journal import encryption

    lock = _locked(ctx)
    try:
        result = encryption.decrypt(ctx.locations.journal_path)
    finally:
        lock.release()
    from reflect_tui.core.journal import keystore

    keystore.delete(ctx.locations.journal_path)
    _report(ctx, result, "De versleuteling is eraf: het dagboek en de back-ups zijn weer leesbaar.")
    return 0


def run_passphrase(args: argparse.Namespace, ctx: CliContext) -> int:
    from reflect_tui.cli.passphrase import ASK, read_new_secret, read_secret
    from reflect_tui.core.errors import ReflectError
    from reflect_tui.core.journal import encryption, keys, keystore

    journal = ctx.locations.journal_path
    if not keys.journal_is_encrypted(journal):
        raise ReflectError(encryption.NOT_ENCRYPTED)
    if args.forget:
        keystore.delete(journal)
        _say(ctx, "Het wachtwoord staat niet (meer) in de sleutelhanger.")
        return 0
    if args.keyring:
        current = read_secret(ASK)
        keys.unlock(journal, current)  # wrong: says so, stores nothing
        _keep(ctx, journal, current)
        return 0
    keys.unlock(journal)  # the current passphrase first (three tries)
    new = read_new_secret()
    lock = _locked(ctx)
    try:
        encryption.change_passphrase(journal, None, new)
    finally:
        lock.release()
    _say(ctx, "Het wachtwoord is veranderd.")
    if keystore.get(journal) is not None:
        keystore.put(journal, new)
    return 0
