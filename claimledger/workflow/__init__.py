"""The writing side of a ledger: start one, add sources, locate passages, record
corrections, apply safe fixes. Each module returns what it did (or would do) as
values; the command line only prints them.
"""

__all__: list[str] = []
