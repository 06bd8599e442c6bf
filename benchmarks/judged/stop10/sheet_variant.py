"""Print a judge sheet with the coach's knobs set: sheet_variant.py CASES MIN_SHOWN RELATIVE_FLOOR"""
import sys
from pathlib import Path
ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks"))
from reflect_tui.core.coach import tips
cases, tips.MIN_SHOWN, tips.RELATIVE_FLOOR = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
sys.argv = ["coach_judge_sheet.py", cases]
import coach_judge_sheet
raise SystemExit(coach_judge_sheet.main())
