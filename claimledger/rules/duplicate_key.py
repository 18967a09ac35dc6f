"""A mapping must not repeat a key (PyYAML would silently keep the last one).

Reported by the loader, at the second occurrence.

Passing::

    id: a
    statement: s

Failing::

    id: a
    id: b
"""

from claimledger import codes
from claimledger.findings import Severity

CODE = codes.DUPLICATE_KEY
NAME = "duplicate-key"
SEVERITY = Severity.ERROR
