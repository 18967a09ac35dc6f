"""Files read must stay inside the ledger's root.

Reported by the loader for a claim, speaker or corpus file that is a symbolic
link resolving outside the root (a pull request could otherwise make the hook
read any file on the machine).

Passing: ``claims/story.yaml`` is a regular file.

Failing: ``claims/story.yaml -> /etc/passwd``.
"""

from claimledger import codes
from claimledger.findings import Severity

CODE = codes.OUTSIDE_LEDGER
NAME = "outside-ledger"
SEVERITY = Severity.ERROR
