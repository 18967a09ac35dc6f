"""Ledger configuration: ``[tool.claimledger]`` in ``pyproject.toml``.

The ledger is found from a starting directory upwards, as git and ruff find
their configuration, never past the repository's root (:func:`discover`). A
folder with no such table but a ``claims/`` or ``corpus/`` folder is a ledger
with the defaults, its claims in ``claims/`` (or the folder itself) and its
corpus in ``corpus/``.

>>> cfg = Config.from_table({"verdict-scale": ["true", "false"]}, Path("/ledger"))
>>> cfg.claims_dir, cfg.verdict_scale
(PosixPath('/ledger/claims'), ('true', 'false'))
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from claimledger.atomic import OutputRefused, check_configured_output
from claimledger.dates import PartialDate
from claimledger.errors import ClaimledgerError
from claimledger.findings import CONTROL, Severity
from claimledger.names import did_you_mean

__all__ = ["Config", "ConfigError", "LedgerNotFound", "RuleSetting", "discover"]

#: A rule's configured severity; ``None`` means the rule is off.
RuleSetting = Severity | None

_KEYS = {
    "claims",
    "corpus",
    "ledger",
    "title",
    "description",
    "url",
    "author",
    "template",
    "site",
    "site-templates",
    "edition",
    "edition-date",
    "stories",
    "verdict-scale",
    "verdict-unrated",
    "rules",
}


DEFAULT_TITLE = "Claim ledger"
DEFAULT_SCALE = ("accurate", "mostly-accurate", "misleading", "inaccurate")
DEFAULT_UNRATED = ("unsettled",)


class ConfigError(ClaimledgerError):
    """The configuration cannot be used; a usage error (exit 2)."""


class LedgerNotFound(ConfigError):
    """No ledger governs the folder a command was started in (exit 2)."""


@attrs.frozen
class Config:
    """Where the ledger's parts are and how it is judged."""

    root: Path
    claims_dir: Path
    corpus_dir: Path
    #: The rendered ledger: a folder of pages (a single page with ``render --single-page``).
    ledger_path: Path
    title: str = DEFAULT_TITLE
    description: str | None = None
    url: str | None = None
    author: str | None = None
    template: Path | None = None
    #: The web site's folder (``render --format html``) and a folder of templates that
    #: replace its built-in ones, if given.
    site_path: Path | None = None
    site_templates: Path | None = None
    #: The edition's name and date for citations (``edition``, ``edition-date``), if given.
    edition: str | None = None
    edition_date: PartialDate | None = None
    #: Story titles by claim file (its path in the claims folder, without ``.yaml``), in
    #: the order the rendered ledger shows them.
    stories: Mapping[str, str] = attrs.field(factory=dict)
    #: Ratings, best first.
    verdict_scale: tuple[str, ...] = DEFAULT_SCALE
    #: Ratings allowed outside the scale (e.g. "unsettled"); they carry no order.
    verdict_unrated: tuple[str, ...] = DEFAULT_UNRATED
    rules: Mapping[str, RuleSetting] = attrs.field(factory=dict)
    #: The pyproject.toml the configuration came from, if any.
    source: Path | None = None

    @classmethod
    def from_table(cls, table: Mapping[str, Any], root: Path, source: Path | None = None) -> Config:
        """Build from a ``[tool.claimledger]`` table; raise ConfigError on bad values."""
        root = root.resolve()
        where = f"{source or root}: [tool.claimledger]"
        unknown = sorted(set(table) - _KEYS)
        if unknown:
            hint = did_you_mean(difflib.get_close_matches(unknown[0], sorted(_KEYS), n=2))
            raise ConfigError(f"{where}: unknown key {unknown[0]!r}{hint}")

        def string(key: str, default: str | None, *, published: bool = True) -> str | None:
            value = table.get(key, default)
            if value is not None and not isinstance(value, str):
                raise ConfigError(f"{where}: {key} must be a string")
            if published:
                plain(key, value)
            return value

        def plain(key: str, value: object) -> None:
            # Titles, the author and the like are published (pages, exports): like the
            # ledger's text (CL018), never a terminal command or reordered text.
            for text in value if isinstance(value, list | tuple) else [value]:
                found = CONTROL.search(text) if isinstance(text, str) else None
                if found is not None:
                    raise ConfigError(
                        f"{where}: {key} holds the control or bidirectional character "
                        f"U+{ord(found.group()):04X}"
                    )

        def strings(key: str, default: tuple[str, ...]) -> tuple[str, ...]:
            value = table.get(key, default)
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{where}: {key} must be a list of strings")
            plain(key, value)
            return tuple(value)

        def inside(key: str, default: str) -> Path:
            # Paths are relative to the ledger root and must stay inside it.
            value = string(key, default, published=False)  # a path: checked below
            assert value is not None
            try:
                path = (root / value).resolve()
            except (OSError, RuntimeError, ValueError) as exc:
                # A NUL byte (ValueError) or a symbolic link loop (RuntimeError)
                # in the configured path is the user's to fix, not an internal error.
                raise ConfigError(f"{where}: {key} {value!r} cannot be resolved: {exc}") from None
            if not path.is_relative_to(root):
                raise ConfigError(f"{where}: {key} {value!r} points outside the ledger")
            return path

        rules = table.get("rules", {})
        if not isinstance(rules, Mapping):
            raise ConfigError(f"{where}: rules must be a table of CODE = 'error'|'warning'|'off'")
        settings: dict[str, RuleSetting] = {}
        for code, level in rules.items():
            if level not in ("error", "warning", "off"):
                raise ConfigError(f"{where}.rules: {code} must be 'error', 'warning' or 'off'")
            settings[code] = None if level == "off" else Severity(level)
        scale = strings("verdict-scale", DEFAULT_SCALE)
        if not scale:
            raise ConfigError(f"{where}: verdict-scale must name at least one rating")
        template = string("template", None)
        stories = table.get("stories", {})
        if not isinstance(stories, Mapping) or not all(
            isinstance(title, str) for title in stories.values()
        ):
            raise ConfigError(f"{where}: stories must be a table of 'claim-file' = 'title'")
        plain("stories", [*stories, *stories.values()])
        edition_date = string("edition-date", None)
        try:
            dated = None if edition_date is None else PartialDate.parse(edition_date)
        except ValueError as exc:
            raise ConfigError(f"{where}: edition-date {edition_date!r}: {exc}") from None
        ledger_path = inside("ledger", "ledger")
        site = string("site", None)
        site_path = inside("site", site) if site else None
        site_templates = string("site-templates", None)
        site_templates_path = inside("site-templates", site_templates) if site_templates else None
        # Written by `render`: never into .git/ (a hook or core.fsmonitor would run it) nor
        # any hidden folder; nor are templates read from one (.git/config holds credentials
        # a template would publish).
        confined = {"ledger": ledger_path, "site": site_path, "site-templates": site_templates_path}
        for key, path in confined.items():
            try:
                if path is not None:
                    check_configured_output(path, root)
            except OutputRefused as exc:
                raise ConfigError(f"{where}: {key}: {exc}") from None
        return cls(
            root=root,
            claims_dir=inside("claims", "claims"),
            corpus_dir=inside("corpus", "corpus"),
            ledger_path=ledger_path,
            title=string("title", DEFAULT_TITLE) or DEFAULT_TITLE,
            description=string("description", None),
            url=string("url", None),
            author=string("author", None),
            template=inside("template", template) if template else None,
            site_path=site_path,
            site_templates=site_templates_path,
            edition=string("edition", None),
            edition_date=dated,
            stories=dict(stories),
            verdict_scale=scale,
            verdict_unrated=strings("verdict-unrated", DEFAULT_UNRATED),
            rules=settings,
            source=source,
        )

    @classmethod
    def default(cls, root: Path) -> Config:
        """A folder without configuration: claims in ``claims/`` if present, else the folder."""
        config = cls.from_table({}, root)
        if not config.claims_dir.is_dir():
            config = attrs.evolve(config, claims_dir=root.resolve())
        return config

    def severity(self, code: str, default: Severity) -> RuleSetting:
        """The configured severity of a rule, or its default."""
        return self.rules.get(code, default)


def discover(start: Path, *, within: Path | None = None) -> Config:
    """The ledger governing ``start`` (a file or folder), searching upwards (no higher
    than ``within``, when given: a snapshot of the git index is searched only inside).

    The nearest folder with a ``[tool.claimledger]`` table in its
    ``pyproject.toml``, or with a ``claims/`` or ``corpus/`` folder, is the
    ledger. The search stops at the repository boundary (a folder holding
    ``.git``): a ledger never reaches outside its repository, and a folder that
    is in no ledger raises :class:`LedgerNotFound` instead of treating the
    whole directory tree as claims.
    """
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    limit = within.resolve() if within is not None else None
    for candidate in (folder, *folder.parents):
        if limit is not None and not candidate.is_relative_to(limit):
            break
        config = _configured(candidate)
        if config is not None:
            return config
        if any((candidate / part).is_dir() for part in _MARKERS):
            return Config.default(candidate)
        if (candidate / ".git").exists():  # a folder, or a file in a worktree
            raise LedgerNotFound(
                f"no ledger found in {folder} or above it up to the repository root {candidate} "
                "(a ledger has a [tool.claimledger] table in pyproject.toml, "
                "or a claims/ or corpus/ folder)"
            )
    raise LedgerNotFound(
        f"no ledger found in {folder} or above it (a ledger has a [tool.claimledger] "
        "table in pyproject.toml, or a claims/ or corpus/ folder)"
    )


#: Folders that make their parent an (unconfigured) ledger.
_MARKERS = ("claims", "corpus")


def _configured(candidate: Path) -> Config | None:
    """The ledger configured in ``candidate/pyproject.toml``, if it has a table."""
    pyproject = candidate / "pyproject.toml"
    if not pyproject.is_file():
        return None
    try:
        with pyproject.open("rb") as handle:
            document = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
    tool = document.get("tool", {})
    # `tool = 5` used to raise AttributeError, and `[tool] claimledger = "x"`
    # was skipped as if absent, silently validating with the defaults.
    table = tool.get("claimledger") if isinstance(tool, Mapping) else None
    if table is not None and not isinstance(table, Mapping):
        raise ConfigError(f"{pyproject}: tool.claimledger must be a table")
    if isinstance(table, Mapping):
        return Config.from_table(table, candidate, pyproject)
    return None
