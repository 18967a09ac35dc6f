"""The registry with its corpus read on demand, for re-checking a few changed claim files.

When the registry and the corpus are unchanged since a cached run (their files'
stamps say so), the ids of the corpus's documents are known from the cache; a
changed claim file needs only the documents it cites. :class:`SourcesOnDemand`
maps every id to its document and reads a document the first time it is asked
for, exactly as reading the whole corpus would have (the same
:func:`~claimledger.ledger.read_source`); iterating its values reads them all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import cast

from claimledger.config import Config
from claimledger.ledger import LedgerFiles, SourceDocument, read_source, read_speakers

__all__ = ["SourcesOnDemand", "registry_on_demand"]


class SourcesOnDemand(Mapping[str, SourceDocument]):
    """The corpus's documents by id (in corpus order), each read when first looked up."""

    def __init__(self, config: Config, ids: Sequence[str]) -> None:
        self._config = config
        self._ids = tuple(ids)
        self._known = frozenset(ids)
        self._read: dict[str, SourceDocument | None] = {}

    def __getitem__(self, source_id: str) -> SourceDocument:
        if source_id not in self._known:
            raise KeyError(source_id)
        if source_id not in self._read:
            meta_path = self._config.corpus_dir / f"{source_id}.yaml"
            self._read[source_id] = read_source(self._config, meta_path)[0]
        found = self._read[source_id]
        if found is None:  # changed since its id was cached: the caller's stamps will say so
            raise KeyError(source_id)
        return found

    def __contains__(self, source_id: object) -> bool:
        return source_id in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def read(self) -> int:
        """How many documents have been read."""
        return len(self._read)


def registry_on_demand(
    config: Config, source_ids: Sequence[str], broken_sources: Sequence[str]
) -> LedgerFiles:
    """The speaker registry, read now, and the corpus of ``source_ids``, read on demand."""
    speakers, origins, broken_speakers, _ = read_speakers(config)
    return LedgerFiles(
        config=config,
        claims=(),
        claim_origins=(),
        speakers=speakers,
        speaker_origins=origins,
        # A mapping, not a dict: rules only look sources up and iterate them.
        sources=cast(dict[str, SourceDocument], SourcesOnDemand(config, source_ids)),
        files=(),
        broken_speakers=broken_speakers,
        broken_sources=frozenset(broken_sources),
    )
