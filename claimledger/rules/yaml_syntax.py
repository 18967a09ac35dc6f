"""A claim, speaker or source file must be well-formed YAML.

Reported by the loader. Besides syntax errors it covers what the strict loader
refuses: tabs for indentation, explicit tags (``!!python/object``, ``!!binary``
...), non-string keys, recursive aliases, alias bombs, nesting deeper than 64
levels, files over 10 MB and bytes that are not UTF-8.

Passing::

    claims:
      - id: a-claim

Failing (unclosed flow sequence)::

    claims: [
"""

from claimledger import codes
from claimledger.findings import Severity

CODE = codes.YAML_SYNTAX
NAME = "yaml-syntax"
SEVERITY = Severity.ERROR
