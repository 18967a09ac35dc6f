"""Propose the ledger's rating scale from the ratings an import brings (``--scale-from-ratings``).

A published rating carries its place when the review gives its number:
``ratingValue`` between ``worstRating`` and ``bestRating``, higher is better
(schema.org's convention). The proposal orders the ratings by that place, as a
share of the review's own range so that a 1-to-5 and a 1-to-6 scale compare,
best first as ``verdict-scale`` lists them. A rating given without a number
has no known place: it goes to ``verdict-unrated`` (valid, but carrying no
order) and the import's to-do list asks a person to place it. Nothing is
ordered by guess.

The ledger's scale is replaced only while it is the built-in default that no
claim uses; otherwise new ratings are placed among the ones it already has by
the places this import shows for them, or, where it shows none, left to a
person in ``verdict-unrated``.

>>> from claimledger.models import Verdict
>>> seen = [Verdict("False", "", 1, 5, 1), Verdict("True", "", 5, 5, 1),
...         Verdict("Half true", "", 3, 5, 1), Verdict("Pants on fire", "", 0, 6, 0),
...         Verdict("Satire", "")]
>>> proposal = propose_scale(seen, scale=(), unrated=("unsettled",))
>>> proposal.scale, proposal.unrated
(('True', 'Half true', 'False', 'Pants on fire'), ('unsettled', 'Satire'))
>>> [t.rating for t in proposal.unplaced]
['Satire']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimledger.models import Verdict

__all__ = ["ScaleProposal", "Unplaced", "place", "propose_scale"]


@attrs.frozen
class Unplaced:
    """A rating put in ``verdict-unrated`` because its place is not known, and why."""

    rating: str
    reason: str


@attrs.frozen
class ScaleProposal:
    """The scale and unrated ratings to configure, and the ratings a person must place."""

    scale: tuple[str, ...]
    unrated: tuple[str, ...]
    unplaced: tuple[Unplaced, ...]
    #: Ratings whose reviews gave different places; the mean is used.
    disagreements: tuple[tuple[str, tuple[float, ...]], ...] = ()


def place(verdict: Verdict) -> float | None:
    """A verdict's place from 0 (worst) to 1 (best), from its review's numbers.

    >>> place(Verdict("x", "", 2, 5, 1)), place(Verdict("x", "", 3, 6)), place(Verdict("x", ""))
    (0.25, 0.5, None)
    """
    value, best, worst = verdict.rating_value, verdict.best_rating, verdict.worst_rating
    if value is None or best is None:
        return None  # a bare number says nothing of its range
    low = 0 if worst is None else worst
    return None if best == low else (value - low) / (best - low)


def propose_scale(
    verdicts: Iterable[Verdict],
    scale: tuple[str, ...],
    unrated: tuple[str, ...],
    replaceable: bool = True,
) -> ScaleProposal:
    """The configuration that puts every rating of ``verdicts`` on the scale or among the unrated.

    ``scale`` and ``unrated`` are the ledger's; ``replaceable`` says the scale
    is a default no claim uses, which the proposal may replace outright.
    """
    places: dict[str, list[float]] = {}
    for verdict in verdicts:
        found = place(verdict)
        places.setdefault(verdict.rating, [])
        if found is not None:
            places[verdict.rating].append(found)
    known = set(scale) | set(unrated)
    mean = {name: sum(p) / len(p) for name, p in places.items() if p}
    disagreements = tuple(
        (name, tuple(sorted(set(p)))) for name, p in places.items() if len(set(p)) > 1
    )
    fresh = [name for name in places if name not in known or (replaceable and name in scale)]
    new_scale = [] if replaceable else list(scale)
    extra_unrated = []
    unplaced = []
    for name in sorted((n for n in fresh if n in mean), key=lambda n: -mean[n]):
        anchors = [(i, mean[r]) for i, r in enumerate(new_scale) if r in mean]
        if not new_scale:
            new_scale.append(name)
        elif not anchors:
            extra_unrated.append(name)
            unplaced.append(Unplaced(name, "no rating on the scale has numbers to compare with"))
        else:
            after = [i for i, value in anchors if value >= mean[name]]
            new_scale.insert(after[-1] + 1 if after else anchors[0][0], name)
    for name in fresh:
        if name not in mean:
            extra_unrated.append(name)
            unplaced.append(Unplaced(name, "no review gives its number"))
    if not new_scale:  # a scale must name one rating; the old one stays
        new_scale = list(scale)
    kept_unrated = [u for u in unrated if u not in new_scale]
    return ScaleProposal(
        scale=tuple(new_scale),
        unrated=tuple(dict.fromkeys([*kept_unrated, *extra_unrated])),
        unplaced=tuple(unplaced),
        disagreements=disagreements,
    )
