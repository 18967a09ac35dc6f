"""Text that would change a rendering's structure if it were not escaped: Markdown, HTML,
Mermaid and Jinja2 constructs. Every renderer's tests show these as text."""

from __future__ import annotations

__all__ = ["HOSTILE"]

HOSTILE = (
    "# heading",
    "1. list",
    "> quote",
    "a | b",
    "<script>x</script>",
    "&amp; &#35; &copy",
    "_emphasis_ and snake_case",
    "We are #1 #",
    "---",
    "[^1] [link](x) ![img](y)",
    "$x^2$",
    "javascript:alert(1)",
    '#1 | the West\'s *own* strikes are <b>"no different"</b> [sic] & so on #',
    '"><img src=x onerror="window.pwned=1">',
    "</script><script>window.pwned=1</script>",
    "<!-- a comment --> <style>body{display:none}</style>",
    "{{ 7 * 7 }} {% raw %}",
    "]]> <![CDATA[ x",
    '<a href="javascript:window.pwned=1">click</a>',
)
