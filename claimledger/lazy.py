"""Packages that import their parts when a part is first used, so that an import costs what it uses.

``import claimledger.parse`` runs ``claimledger/__init__.py`` first; were that to
import the renderer, every validation would load Jinja2 and sqlite3 it never
uses. A package instead names where each of its exports lives and gets a
module ``__getattr__`` (PEP 562) that imports it on first use (type checkers
read the same names under ``TYPE_CHECKING``).

>>> get, names = lazy_exports("claimledger", {"Finding": "claimledger.findings"})
>>> get("Finding").__name__, names()
('Finding', ['Finding'])
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, where: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module's ``__getattr__`` and ``__dir__`` for exports ``name → module``."""

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        # Once imported, an export is an ordinary attribute of the package.
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(where)

    return __getattr__, __dir__
