"""Hypothesis profiles for the hostile-input tests.

``ci`` (the default) keeps the whole of ``tests/hostile`` near a minute on two
cores; ``fuzz`` (``make fuzz``) runs thousands of examples per property.
Choose with ``HYPOTHESIS_PROFILE=fuzz``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_SLOW_INPUTS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=_SLOW_INPUTS, print_blob=True
)
settings.register_profile(
    "fuzz", max_examples=5_000, deadline=None, suppress_health_check=_SLOW_INPUTS, print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


#: Examples each subprocess property runs, relative to the profile: a CLI run
#: costs a Python start-up, so those properties take a tenth.
def subprocess_examples() -> int:
    return max(5, settings.default.max_examples // 10)
