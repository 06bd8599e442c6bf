"""What the app's start-up imports: only what the first screen needs.

Start-up is held to 1.15x a bare Textual app (benchmarks/bench_tui.py); a
module-level import of TextArea (key_burst.py) cost every start ~35 M
instructions (3 %) and took the ratio from 1.10x to 1.14x in callgrind.
TextArea belongs to the session screen, loaded when a reflection opens.
"""

from __future__ import annotations

import subprocess
import sys


def test_the_app_module_does_not_load_textarea() -> None:
    code = (
        "import sys\n"
        "import reflect_tui.tui.app\n"
        "print('textual.widgets._text_area' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", done.stderr
