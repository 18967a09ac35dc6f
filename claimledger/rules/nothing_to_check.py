"""A ledger must have claim files to check, and the folders it configures must exist.

Reported by validation (it cannot be turned off): a pre-commit hook or CI job
over a ledger whose ``claims = "claimz"`` has a typo, or whose claim files were
moved away, would otherwise pass while checking nothing.

Passing: ``claims/story.yaml`` exists, and ``claims/`` and ``corpus/`` are folders.

Failing: ``[tool.claimledger] claims = "claimz"`` with no ``claimz/`` folder, or
an empty ``claims/`` folder.
"""

from claimledger import codes
from claimledger.findings import Severity

CODE = codes.NOTHING_TO_CHECK
NAME = "nothing-to-check"
SEVERITY = Severity.ERROR
