"""Recording an outlet's correction of a source, as the IFCN principles ask.

:func:`plan_correction` works out what a new text does to every passage that cites
the source, without writing: each is ``unchanged`` (same words in the same paragraph),
``moved`` (same words in another paragraph), ``ambiguous`` (the words now occur more than
once), ``changed`` (the words at that place differ; the word-level difference is
given) or ``gone`` (the passage's words were removed). Passages pinned to a version
(``version: N``) keep quoting that version and are ``pinned``. Where a passage went
is found by comparing the two texts word by word, not by guessing from similarity.

:func:`apply_correction` then keeps the superseded text as version N
(``<id>.vN.txt``, its sha256 and the correction's date under ``versions``), makes
the new text current and appends the correction to the source's ``history``. The
metadata is edited with ruamel.yaml, so its comments and layout stay.

>>> old, new = "He said it was not true. Then he left.", "He said it was now true. Then he left."
>>> region = follow(old, new, old.index("it was"), old.index(" Then"))
>>> new[region[0]:region[1]]
'it was now true.'
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import io
import re
from pathlib import Path
from typing import Literal

import attrs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from claimledger.anchor import Op, SourceText, anchor, compare_words
from claimledger.anchorings import anchoring
from claimledger.atomic import write_atomic
from claimledger.config import Config
from claimledger.dates import PartialDate
from claimledger.findings import Location
from claimledger.ledger import LedgerFiles, SourceDocument, read_ledger, version_path
from claimledger.names import did_you_mean, suggest
from claimledger.parse import MAX_BYTES
from claimledger.rules import Passage, passages
from claimledger.rules.base import registry_passages

__all__ = [
    "CorrectionError",
    "CorrectionPlan",
    "Outcome",
    "PassageOutcome",
    "apply_correction",
    "follow",
    "plan_correction",
]

Outcome = Literal["unchanged", "moved", "ambiguous", "changed", "gone", "pinned", "unanchored"]
_TOKEN = re.compile(r"\S+")


class CorrectionError(Exception):
    """The correction cannot be recorded as asked; nothing was written."""


@attrs.frozen
class PassageOutcome:
    """What the new text does to one passage citing the source."""

    #: The claim the passage belongs to (for identification evidence, the speaker).
    claim: str
    label: str
    location: Location
    outcome: Outcome
    #: The source's words the passage anchored to, before the correction.
    before: str | None
    #: The words at that place after it (``changed``, ``moved``, ``unchanged``).
    after: str | None = None
    changes: tuple[Op, ...] = ()
    pinned: int | None = None


@attrs.frozen
class CorrectionPlan:
    """A correction worked out: the source, the version its old text becomes, every passage."""

    source: SourceDocument
    version: int
    date: PartialDate
    note: str
    new_data: bytes
    new_sha256: str
    passages: tuple[PassageOutcome, ...]

    @property
    def claims(self) -> tuple[str, ...]:
        """The claims whose passages the correction changes or removes."""
        return self._hit(identification=False)

    @property
    def speakers(self) -> tuple[str, ...]:
        """The speakers whose identification evidence the correction changes or removes."""
        return self._hit(identification=True)

    def _hit(self, *, identification: bool) -> tuple[str, ...]:
        hit = (
            p.claim
            for p in self.passages
            if p.outcome in ("changed", "gone", "ambiguous")
            and (p.label == "identification") == identification
        )
        return tuple(dict.fromkeys(hit))


def follow(old: str, new: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the words of ``old[start:end]`` went in ``new``, by a word-level comparison of
    the two texts; ``None`` when they were all removed."""
    old_tokens = list(_TOKEN.finditer(old))
    new_tokens = list(_TOKEN.finditer(new))
    inside = [i for i, t in enumerate(old_tokens) if t.end() > start and t.start() < end]
    if not inside:
        return None
    first, last = inside[0], inside[-1] + 1
    matcher = difflib.SequenceMatcher(
        None, [t.group() for t in old_tokens], [t.group() for t in new_tokens], autojunk=False
    )
    mapped: list[int] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "insert":
            # Words added inside the passage belong to it; at its edges, to its neighbours.
            if first < a1 < last:
                mapped += range(b1, b2)
            continue
        if a2 <= first or a1 >= last:
            continue
        if tag == "equal":
            lo, hi = max(a1, first), min(a2, last)
            mapped += range(b1 + lo - a1, b1 + hi - a1)
        elif tag == "replace":
            mapped += range(b1, b2)
    if not mapped:
        return None
    return new_tokens[min(mapped)].start(), new_tokens[max(mapped)].end()


def _outcome(passage: Passage, current: SourceDocument, new: SourceText) -> PassageOutcome:
    item = passage.item
    outcome = functools.partial(PassageOutcome, passage.owner, passage.label, passage.at("text"))
    if item.version is not None:
        # Pinned to a version: to an old one, or to the text current until now, which the
        # correction keeps as a version under the same number.
        return outcome("pinned", None, pinned=item.version)
    was = anchoring(current, item.text, item.occurrence)
    if was is None or was.chosen is None:
        return outcome("unanchored", None)
    old_text = current.text or ""
    before = old_text[was.chosen.start : was.chosen.end]
    now = anchor(item.text, new, occurrence=item.occurrence)
    if now.chosen is not None:
        after = new.text[now.chosen.start : now.chosen.end]
        # Offsets shift whenever earlier words change; the paragraph is what a reader cites.
        same_place = (now.chosen.paragraph, now.chosen.last_paragraph) == (
            was.chosen.paragraph,
            was.chosen.last_paragraph,
        )
        return outcome("unchanged" if same_place else "moved", before, after)
    if now.matches:
        return outcome("ambiguous", before)
    region = follow(old_text, new.text, was.chosen.start, was.chosen.end)
    if region is None:
        return outcome("gone", before)
    after = _trim(new.text[region[0] : region[1]], before)
    changes = tuple(op for op in compare_words(before, after) if op.op != "equal")
    if not changes:
        # The words are the same but the marks differ: the quote no longer anchors as typed.
        changes = (Op("replace", (before,), (after,)),)
    return outcome("changed", before, after, changes)


def _trim(after: str, before: str) -> str:
    """Drop the marks that whole-word comparison takes in at the edges (an opening quote
    mark) where the passage did not have them."""
    while after and not after[0].isalnum() and not before.startswith(after[0]):
        after = after[1:]
    while after and not after[-1].isalnum() and not before.endswith(after[-1]):
        after = after[:-1]
    return after


def _source(ledger: LedgerFiles, source_id: str) -> SourceDocument:
    source = ledger.sources.get(source_id)
    if source is None:
        hint = did_you_mean(suggest(source_id, sorted(ledger.sources)))
        raise CorrectionError(f"unknown source {source_id!r}{hint}")
    if source.meta.sha256 is None:
        raise CorrectionError(
            f"{source_id!r} is known by reference only: save its text with add-source first"
        )
    if source.text is None or source.digest is None:
        raise CorrectionError(f"{source.text_path.name} is missing or unreadable")
    if source.digest != source.meta.sha256.lower():
        raise CorrectionError(
            f"{source.text_path.name} has sha256 {source.digest}, but its metadata records "
            f"{source.meta.sha256}: restore the recorded text first (git checkout -- "
            f"{source.text_path.name}), so that it can be kept as the earlier version"
        )
    return source


def plan_correction(
    config: Config, source_id: str, new_data: bytes, date: str, note: str
) -> CorrectionPlan:
    """What correcting ``source_id`` to ``new_data`` would do; nothing is written."""
    try:
        when = PartialDate.parse(date)
    except ValueError as exc:
        raise CorrectionError(f"--date: {exc}") from None
    if not note.strip():
        raise CorrectionError("--note must say what the correction changed")
    if len(new_data) > MAX_BYTES:
        raise CorrectionError(f"the new text is over the {MAX_BYTES // 1048576} MB limit")
    try:
        new_text = new_data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorrectionError(f"the new text is not UTF-8 (byte {exc.start})") from None
    ledger, _ = read_ledger(config)
    source = _source(ledger, source_id)
    new_sha = hashlib.sha256(new_data).hexdigest()
    if new_sha == source.digest:
        raise CorrectionError(f"the new text is the current text of {source_id!r}: no change")
    version = source.meta.current_version
    if version_path(source.text_path.with_suffix(".yaml"), version).exists():
        raise CorrectionError(
            f"{version_path(source.text_path, version).name} exists but the metadata does not "
            "list it; move it aside"
        )
    new = SourceText.build(new_text)
    # The claims' passages, and the evidence identifying a speaker: both quote sources.
    cited = (*passages(ledger), *registry_passages(ledger))
    outcomes = tuple(_outcome(p, source, new) for p in cited if p.item.source == source_id)
    return CorrectionPlan(source, version, when, note.strip(), new_data, new_sha, outcomes)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Keep "null" for unknown values as the corpus writes them (ruamel's default is empty).
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def corrected_metadata(text: str, plan: CorrectionPlan) -> str:
    """The source's metadata with the correction recorded, comments and layout kept."""
    yaml = _yaml()
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise CorrectionError("the source's metadata is not a mapping")
    old = plan.source.meta.sha256
    data["sha256"] = plan.new_sha256
    entry = CommentedMap(sha256=old, until=_quoted(str(plan.date)))
    history = CommentedMap(date=_quoted(str(plan.date)), note=plan.note)
    for key, item in (("versions", entry), ("history", history)):
        seq = data.get(key)
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            data[key] = seq
        seq.append(item)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _quoted(text: str) -> DoubleQuotedScalarString:
    # Dates in double quotes, as the corpus writes them.
    quoted: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return quoted


def apply_correction(plan: CorrectionPlan) -> Path:
    """Write the correction; returns where the superseded text was kept.

    Order matters for an interruption: the old text is kept first (a new file), then
    the new text and the metadata replace theirs atomically.
    """
    source = plan.source
    meta_path = source.text_path.with_suffix(".yaml")
    kept = version_path(meta_path, plan.version)
    old_bytes = source.text_path.read_bytes()
    if hashlib.sha256(old_bytes).hexdigest() != source.digest:
        raise CorrectionError(f"{source.text_path.name} changed while the correction was planned")
    meta = corrected_metadata(meta_path.read_text(encoding="utf-8-sig"), plan)
    with kept.open("xb") as handle:
        handle.write(old_bytes)
    _write_bytes_atomic(source.text_path, plan.new_data)
    write_atomic(meta_path, meta)
    return kept


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    # write_atomic takes text; corpus bytes must go through untouched (no newline or
    # encoding translation), so they are decoded as latin-1, which maps bytes 1:1.
    write_atomic(path, data.decode("latin-1"), encoding="latin-1")
