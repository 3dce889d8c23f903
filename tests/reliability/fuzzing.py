"""Hypothesis settings for the reliability suite: a fixed seed and a committed example database.

Every run tries the same examples (so a CI failure reproduces locally), plus the failing
examples committed in tests/reliability/hypothesis-examples/ (replayed, never pruned; run with
SMPOLICY_FUZZ_RECORD=1 to save new failures there). SMPOLICY_FUZZ_SCALE multiplies the number
of examples for a longer local hunt.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, seed, settings
from hypothesis.database import DirectoryBasedExampleDatabase, ReadOnlyDatabase

FIXED_SEED = 20_261_125
EXAMPLES_FOLDER = Path(__file__).with_name("hypothesis-examples")
SCALE = float(os.environ.get("SMPOLICY_FUZZ_SCALE", "1"))

_committed = DirectoryBasedExampleDatabase(EXAMPLES_FOLDER)
settings.register_profile(
    "smpolicy-reliability",
    database=_committed if os.environ.get("SMPOLICY_FUZZ_RECORD") else ReadOnlyDatabase(_committed),
    deadline=None,  # the machine is shared; slowness is measured elsewhere
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.large_base_example],
)


def fuzz(examples: int):
    """Decorate a @given test: `examples` examples (times SMPOLICY_FUZZ_SCALE), fixed seed."""
    chosen = settings(settings.get_profile("smpolicy-reliability"),
                      max_examples=max(1, round(examples * SCALE)))

    def decorate(test):
        # seed() switches the database off, so the settings (with the database) go on last
        return chosen(seed(FIXED_SEED)(test))

    return decorate


examples_run: Counter[str] = Counter()


def count_example(kind: str) -> None:
    """Note one example tried; the totals are printed at the end of the test run."""
    examples_run[kind] += 1
