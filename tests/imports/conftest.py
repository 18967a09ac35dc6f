"""Fixtures shared with the export tests."""

from tests.export.conftest import named_ledger

__all__ = ["named_ledger"]
