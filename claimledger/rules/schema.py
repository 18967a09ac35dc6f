"""Fields must be known, present when required and of the right type.

Reported by the loader from cattrs' detailed validation errors: an unknown field
is reported at its key, a missing one at its mapping, a wrongly typed one at its
value. Numbers are never coerced to strings, strings never split into lists, and
dates must be quoted ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` strings.

Passing::

    claims:
      - id: a
        statement: s
        speaker: someone
        said_on: "2016-10"

Failing (``said_on`` unquoted is an integer; ``colour`` is unknown)::

    claims:
      - id: a
        statement: s
        speaker: someone
        said_on: 2016
        colour: red
"""

from claimledger import codes
from claimledger.findings import Severity

CODE = codes.SCHEMA
NAME = "schema"
SEVERITY = Severity.ERROR
