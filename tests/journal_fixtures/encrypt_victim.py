"""Child process of the encrypt crash test: switch a journal's encryption until killed.

Usage: ``encrypt_victim.py JOURNAL ACTION`` with ACTION ``encrypt``,
``decrypt`` or ``passphrase``. Prints ``ready`` once imports are done (the
parent starts its random delay then), ``done`` at the end. A low KDF
iteration count keeps each run short; the steps are the real ones.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reflect_tui.core.journal import encryption, keyfile

OLD = "oud wachtwoord"
NEW = "nieuw wachtwoord"


def main() -> None:
    journal, action = Path(sys.argv[1]), sys.argv[2]
    keyfile.MIN_ITERATIONS = 1
    print("ready", flush=True)
    if action == "encrypt":
        encryption.encrypt(journal, NEW, iterations=1)
    elif action == "decrypt":
        encryption.decrypt(journal, OLD)
    else:
        encryption.change_passphrase(journal, OLD, NEW)
    print("done", flush=True)


if __name__ == "__main__":
    main()
