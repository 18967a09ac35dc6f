"""Every exception claimledger raises on purpose shares one base."""

from __future__ import annotations

import pytest

from claimledger.cli.common import UsageError
from claimledger.config import ConfigError
from claimledger.errors import ClaimledgerError
from claimledger.export import ExportRefused
from claimledger.importers import InputError
from claimledger.parse import YamlError
from claimledger.query import LedgerError, QueryError
from claimledger.render import TemplateError
from claimledger.structure import SchemaError


@pytest.mark.parametrize(
    "error",
    [
        ConfigError,
        ExportRefused,
        InputError,
        LedgerError,
        QueryError,
        SchemaError,
        TemplateError,
        UsageError,
        YamlError,
    ],
)
def test_each_error_is_a_claimledger_error(error: type[Exception]) -> None:
    assert issubclass(error, ClaimledgerError)


def test_a_bad_query_is_caught_as_a_claimledger_error() -> None:
    from claimledger import load

    with pytest.raises(ClaimledgerError, match="no claim"):
        load("tests/examples/clean").claim("no-such-claim")
