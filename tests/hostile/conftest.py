"""Hypothesis profiles for the hostile-input tests.

``ci`` (the default) keeps the whole of ``tests/hostile`` near a minute on two
cores; ``fuzz`` (``make fuzz``) runs thousands of examples per property
(``FUZZ_EXAMPLES``, default 1,200: about ten minutes on two cores).
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
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1200")),
    deadline=None,
    suppress_health_check=_SLOW_INPUTS,
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def subprocess_examples() -> int:
    """Examples for a property that starts the CLI: a twentieth of the profile's.

    Each costs a Python start-up (and validates a batch of up to 12 files).
    """
    profile = settings.default
    assert profile is not None, "a Hypothesis profile is loaded"
    return max(5, profile.max_examples // 20)


def command_examples() -> int:
    """Examples for a property that runs every command on a ledger: a sixth of the profile's.

    Each runs about fifteen commands in this process (half a second to a second).
    """
    profile = settings.default
    assert profile is not None, "a Hypothesis profile is loaded"
    return max(5, profile.max_examples // 6)
