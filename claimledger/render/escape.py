"""Put user text into Markdown and Mermaid without letting it change their structure.

The ledger's templates run with autoescaping off (Markdown is not HTML), so
every piece of user text goes through one of these filters instead:

- :func:`markdown_inline` for text inside a line: a heading, a list item, a
  table cell, a link's text. Whitespace runs, line breaks included, become one
  space; the characters that could open a construct are backslash-escaped.
- :func:`markdown_paragraphs` for longer text whose paragraph breaks matter
  (a quote, a rationale): each paragraph as above, joined by a line that
  carries the given prefix (``"> "`` inside a blockquote).
- :func:`mermaid_label` for a Mermaid label, which is not Markdown at all.
- :func:`anchor_slug` for an id used as an HTML ``id`` and a ``#fragment``.

>>> print(markdown_inline("# 1 | 2 *not* [a link](x) <b>"))
\\# 1 \\| 2 \\*not\\* \\[a link\\](x) \\<b>
>>> print(markdown_inline("snake_case stays, _this_ does not"))
snake_case stays, \\_this\\_ does not
>>> print(mermaid_label('Says "no" (twice) [sic] #1'))
Says #quot;no#quot; (twice) [sic] #35;1
"""

from __future__ import annotations

import functools
import hashlib
import re

from claimledger.naming import one_line

__all__ = [
    "anchor_slug",
    "markdown_code",
    "markdown_inline",
    "markdown_paragraphs",
    "markdown_run",
    "markdown_title",
    "markdown_url",
    "mermaid_label",
    "mermaid_wrap",
    "truncate",
]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Characters that open or close an inline construct wherever they stand:
# code spans, emphasis, links and footnotes, raw HTML and autolinks, GFM
# strikethrough and table cells, GitHub's $math$, and backslash itself.
_INLINE = re.compile(r"[\\`*\[\]<|~$]")
# `_` emphasises only where it is not inside a word (CommonMark's flanking rules).
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# An entity reference would be decoded: "&amp;" would show as "&".
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What makes a line something other than a paragraph: a heading, a quote, a
# list item, a thematic break or setext underline, a fence.
_LINE_START = re.compile(r"^(?:(#)|(>)|([-+=])|(\d{1,9})([.)]))")
# Text none of the above changes, already on one line and writable: each of these
# expressions (and ``one_line``) leaves it as it is.
_WORD = r"[^\s\\`*\[\]<|~$_&#\0\ud800-\udfff]+"
_PLAIN = re.compile(f"{_WORD}(?: {_WORD})*")
# A trailing "#" run after a space is an ATX heading's optional closing sequence.
_CLOSING_HASHES = re.compile(r"(?<= )(#+)$")


# Labels (sources, speakers, dates) recur on every claim that cites them: escape each once.
@functools.lru_cache(maxsize=1 << 16)
def markdown_inline(text: str) -> str:
    """``text`` on one line, shown literally wherever Markdown puts it.

    >>> print(markdown_inline("1. Not a list"))
    1\\. Not a list
    >>> print(markdown_inline("Tom &amp; Jerry & co"))
    Tom \\&amp; Jerry & co
    >>> print(markdown_inline("We are #1 #"))
    We are #1 \\#
    """
    # Most text is words and single spaces, which _escaped leaves as they are.
    line = text if _PLAIN.fullmatch(text) else _escaped(text)
    match = _LINE_START.match(line)
    if match:
        if match.group(4):
            end = match.end(4)
            line = f"{line[:end]}\\{line[end:]}"
        else:
            line = f"\\{line}"
    return line


def _escaped(text: str) -> str:
    """``text`` on one line, every character that could open a construct escaped (the
    line's start aside)."""
    line = one_line(text)
    line = _INLINE.sub(r"\\\g<0>", line)
    line = _UNDERSCORE.sub(r"\\_", line)
    line = _ENTITY.sub(r"\\&", line)
    return _CLOSING_HASHES.sub(r"\\\1", line)


def markdown_run(text: str) -> str:
    """A run of a line cut into pieces (a source's paragraph around marked passages).

    As :func:`markdown_inline`, but a space at either end is kept (as one space),
    so that the pieces join back into the line.

    >>> print(repr(markdown_run(" said: *yes* ")))
    ' said: \\\\*yes\\\\* '
    """
    inner = markdown_inline(text)
    if not inner:
        return " " if text[:1].isspace() else ""
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() else ""
    return f"{before}{inner}{after}"


def markdown_title(text: str) -> str:
    """``text`` as a link title (the tooltip), double-quoted.

    >>> print(markdown_title('Says "no"'))
    "Says \\"no\\""
    """
    line = one_line(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{line}"'


def markdown_paragraphs(text: str, prefix: str = "") -> str:
    """``text``'s paragraphs, each on one line, separated by a line holding ``prefix``.

    The first line is not prefixed: the template writes that prefix itself.

    >>> print(markdown_paragraphs("First\\nline.\\n\\n# Second.", prefix="> "))
    First line.
    >
    > \\# Second.
    """
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(text.strip()) if p.strip()]
    separator = f"\n{prefix.rstrip()}\n{prefix}"
    return separator.join(markdown_inline(p) for p in paragraphs)


def markdown_code(text: str) -> str:
    """``text`` as an inline code span, which shows backslashes literally, so cannot escape.

    The fence is one backtick longer than any run inside, and padded where the
    text starts or ends with a backtick, as CommonMark prescribes.

    >>> print(markdown_code("claim-id"), markdown_code("a`b"), markdown_code("`x"))
    `claim-id` ``a`b`` `` `x ``
    """
    line = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", line)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if line.startswith("`") or line.endswith("`") else ""
    return f"{fence}{pad}{line}{pad}{fence}"


# Only web addresses become links; anything else is shown as text, since a
# "javascript:" or relative target from a metadata file is not a citation.
_URL = re.compile(r"https?://[^\s<>\x00-\x1f\x7f]+")


def markdown_url(url: str) -> str:
    """A web address as a Markdown autolink; anything else as plain text.

    >>> print(markdown_url("http://www.mirror.co.uk/news/x-9031006"))
    <http://www.mirror.co.uk/news/x-9031006>
    >>> print(markdown_url("javascript:alert(1)"))
    javascript:alert(1)
    """
    url = url.strip()
    return f"<{url}>" if _URL.fullmatch(url) else markdown_inline(url)


# Mermaid decodes "#name;" and "#123;" entity codes in labels; everything that
# could end a quoted label, start an entity or be read as HTML is written so.
_MERMAID = {
    '"': "#quot;",
    "#": "#35;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    ":": "#58;",
    ";": "#59;",
}
_MERMAID_CHARS = re.compile("[" + re.escape("".join(_MERMAID)) + "]")


def mermaid_label(text: str) -> str:
    """``text`` for a Mermaid label (quoted node text or a timeline entry), on one line.

    ``:`` and ``;`` are encoded because they separate a timeline's events.

    >>> print(mermaid_label("a <b> & c: d; `e`"))
    a #lt;b#gt; #amp; c#58; d#59; #96;e#96;
    """
    return _MERMAID_CHARS.sub(lambda m: _MERMAID[m.group()], one_line(text))


def mermaid_wrap(text: str, width: int = 32) -> str:
    """``text`` for a Mermaid label, whole, its lines broken (``<br>``) near ``width``.

    Labels are never cut: a long one is wrapped instead.

    >>> print(mermaid_wrap("The focus on Russia diverts attention: a claim", 20))
    The focus on Russia<br>diverts attention#58; a<br>claim
    """
    lines: list[str] = []
    for word in one_line(text).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "<br>".join(mermaid_label(line) for line in lines)


def truncate(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters.

    >>> truncate("The focus on Russia diverts attention from other atrocities", 30)
    'The focus on Russia diverts…'
    """
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


_SLUG_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def anchor_slug(identifier: str, prefix: str = "") -> str:
    """An HTML id and URL fragment for ``identifier``: itself when it is already safe.

    Ids are slugs by convention but not by rule; any other id gets a readable
    slug and a short hash of the original, so two ids never share an anchor.

    >>> anchor_slug("milne-diverts-attention"), anchor_slug("mirror", "source-")
    ('milne-diverts-attention', 'source-mirror')
    >>> anchor_slug('Le "Monde" (Paris)')
    'Le-Monde-Paris-1c3cc0'
    """
    if _SLUG_SAFE.fullmatch(identifier):
        return f"{prefix}{identifier}"
    slug = _SLUG_UNSAFE.sub("-", identifier).strip("-.") or "id"
    tag = hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"{prefix}{slug}-{tag}"
