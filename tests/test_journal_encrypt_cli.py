"""reflect encrypt|decrypt|passphrase and the other commands on an encrypted journal."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from journal_fixtures.helpers import open_store, sample_reflection

from reflect_tui.cli.main import main
from reflect_tui.core.journal import keyfile, keys

pytest.importorskip("sqlcipher3")

WORD = "vertrouwelijkzqx"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REFLECT_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(keyfile, "MIN_ITERATIONS", 1)
    monkeypatch.setattr(keyfile, "DEFAULT_ITERATIONS", 1)
    with open_store(tmp_path / "home") as store:
        store.add(sample_reflection(title=f"Over {WORD}"))
    yield tmp_path / "home"
    keys.forget()
    keys.set_passphrase_source(None)


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str
) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    keys.forget()  # every run is a fresh process as far as keys go
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_encrypt_use_change_and_decrypt_from_the_shell(home: Path, capsys, monkeypatch) -> None:
    code, out, err = _run(capsys, monkeypatch, "een\neen\n", "encrypt")
    assert code == 0, err
    assert "versleuteld" in out
    assert not [p for p in home.rglob("*") if p.is_file() and WORD.encode() in p.read_bytes()]
    code, out, err = _run(capsys, monkeypatch, "een\n", "search", WORD)
    assert code == 0 and WORD in out
    code, out, err = _run(capsys, monkeypatch, "fout\nfout\nfout\n", "list")
    assert code != 0
    assert "drie keer" in err and "probeer" not in err and "Traceback" not in err
    code, out, err = _run(capsys, monkeypatch, "een\ntwee\ntwee\n", "passphrase")
    assert code == 0, err
    code, out, err = _run(capsys, monkeypatch, "een\n", "list")
    assert code != 0
    code, out, err = _run(capsys, monkeypatch, "twee\n", "export", "--format", "md")
    assert code == 0 and WORD in out and "versleuteld, maar deze export niet" in err
    code, out, err = _run(capsys, monkeypatch, "twee\n", "decrypt")
    assert code == 0, err
    code, out, err = _run(capsys, monkeypatch, "", "list")
    assert code == 0 and WORD in out


def test_one_wrong_passphrase_from_a_pipe_says_only_that(home: Path, capsys, monkeypatch) -> None:
    """Reproduction: 'klopt niet; probeer het opnieuw' then 'geen wachtwoord gegeven'."""
    assert _run(capsys, monkeypatch, "een\neen\n", "encrypt")[0] == 0
    code, _out, err = _run(capsys, monkeypatch, "fout\n", "list")
    assert code != 0
    assert err.strip().splitlines() == ["reflect: het wachtwoord klopt niet."]


def test_encrypt_refuses_two_different_passphrases(home: Path, capsys, monkeypatch) -> None:
    code, _out, err = _run(capsys, monkeypatch, "een\ntwee\n", "encrypt")
    assert code != 0 and "niet gelijk" in err
    assert not keyfile.key_file_path(home / "journal.sqlite3").exists()


def test_no_passphrase_on_stdin_is_a_message_not_a_traceback(
    home: Path, capsys, monkeypatch
) -> None:
    assert _run(capsys, monkeypatch, "een\neen\n", "encrypt")[0] == 0
    code, _out, err = _run(capsys, monkeypatch, "", "list")
    assert code != 0 and "geen wachtwoord" in err and "Traceback" not in err


def test_without_sqlcipher3_the_message_says_how_to_install(
    home: Path, capsys, monkeypatch
) -> None:
    assert _run(capsys, monkeypatch, "een\neen\n", "encrypt")[0] == 0
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    code, _out, err = _run(capsys, monkeypatch, "een\n", "list")
    assert code != 0
    assert "pip install 'reflect-tui[encrypt]'" in err
    assert "dit dagboek is versleuteld" in err
    code, _out, err = _run(capsys, monkeypatch, "een\neen\n", "encrypt")
    assert code != 0 and err.startswith("reflect: versleutelen kan pas")


@pytest.mark.slow  # a real process: the passphrase arrives on a pipe, nothing in argv
def test_a_real_process_reads_the_passphrase_from_a_pipe(home: Path) -> None:
    env = {"REFLECT_HOME": str(home), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "reflect_tui", "--data-dir", str(home)]
    done = subprocess.run(
        [*run, "encrypt"], input="pw\npw\n", text=True, capture_output=True, env=env
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run([*run, "list"], input="pw\n", text=True, capture_output=True, env=env)
    assert done.returncode == 0 and WORD in done.stdout
    assert "pw" not in done.stderr
    # 'import -' after the passphrase line: the JSON on standard input arrives whole.
    exported = subprocess.run(
        [*run, "export", "--format", "json"], input="pw\n", text=True, capture_output=True, env=env
    )
    assert exported.returncode == 0, exported.stderr
    other = home.parent / "other"
    run_other = [sys.executable, "-m", "reflect_tui", "--data-dir", str(other)]
    env_other = {**env, "REFLECT_HOME": str(other)}
    assert subprocess.run([*run_other, "list"], capture_output=True, env=env_other).returncode == 0
    done = subprocess.run(
        [*run_other, "encrypt"], input="qq\nqq\n", text=True, capture_output=True, env=env_other
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*run_other, "import", "-"],
        input="qq\n" + exported.stdout,
        text=True,
        capture_output=True,
        env=env_other,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [*run_other, "list"], input="qq\n", text=True, capture_output=True, env=env_other
    )
    assert WORD in done.stdout


def test_restore_of_backups_written_elsewhere(home: Path, capsys, monkeypatch, tmp_path) -> None:
    plain = tmp_path / "plain-copy.sqlite3"
    assert _run(capsys, monkeypatch, "", "backup", "-o", str(plain))[0] == 0
    assert _run(capsys, monkeypatch, "een\neen\n", "encrypt")[0] == 0
    code, _out, err = _run(capsys, monkeypatch, "een\n", "restore", "--yes", str(plain))
    assert code != 0 and "niet versleuteld, het dagboek wel" in err
    assert "Traceback" not in err and "logic error" not in err
    encrypted = tmp_path / "encrypted-copy.sqlite3"
    assert _run(capsys, monkeypatch, "een\n", "backup", "-o", str(encrypted))[0] == 0
    assert WORD.encode() not in encrypted.read_bytes()
    code, out, err = _run(capsys, monkeypatch, "een\n", "restore", "--yes", str(encrypted))
    assert code == 0, err
    assert "Teruggezet: 1 reflectie" in out


class _Terminal(io.StringIO):
    """A stream that says it is a terminal (the passphrase prompt uses getpass then)."""

    def isatty(self) -> bool:
        return True


def test_ctrl_c_at_the_passphrase_prompt_ends_the_line(home: Path, monkeypatch) -> None:
    """Reproduction: exit 130 with the shell prompt on the prompt's line (no newline)."""
    import getpass

    assert _run_plain(monkeypatch, "een\neen\n", "encrypt") == 0

    def interrupted(prompt: str = "") -> str:
        sys.stderr.write(prompt)
        raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(getpass, "getpass", interrupted)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    keys.forget()
    assert main(["list"]) == 130
    assert terminal.getvalue().endswith("Wachtwoord van het dagboek: \n")


def _run_plain(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    keys.forget()
    return main(list(argv))
