"""Allow ``python -m reflect_tui``."""

from reflect_tui.cli.main import run

if __name__ == "__main__":
    run()
