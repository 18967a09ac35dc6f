"""``make test-min`` runs the suite on the declared floors; this checks it really did.

With ``CLAIMLEDGER_FLOORS=1`` (set by ``make test-min``) every runtime and test
dependency must be installed at exactly the lower bound ``pyproject.toml``
declares, so a floor that the suite does not pass on cannot stay declared.
"""

from __future__ import annotations

import importlib.metadata
import os

import pytest
from packaging.requirements import Requirement
from packaging.version import Version


def floors() -> dict[str, Version]:
    declared = importlib.metadata.requires("claimledger") or []
    found = {}
    for line in declared:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": "test"}):
            continue  # another extra (the development tools)
        lower = [s.version for s in requirement.specifier if s.operator == ">="]
        assert lower, f"{requirement} declares no lower bound"
        found[requirement.name] = Version(lower[0])
    return found


def test_every_dependency_declares_a_floor() -> None:
    assert {"attrs", "cattrs", "pyyaml", "rapidfuzz", "jinja2", "edtf", "pytest"} <= set(floors())


@pytest.mark.skipif(not os.environ.get("CLAIMLEDGER_FLOORS"), reason="only under make test-min")
def test_the_floors_are_installed() -> None:
    installed = {name: Version(importlib.metadata.version(name)) for name in floors()}
    assert installed == floors()
