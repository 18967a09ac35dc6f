"""Run an untrusted template with a time and a memory bound.

Jinja's sandbox stops a template from reaching Python's internals, but not
from looping: ``{% for a in range(99999) %}{% for b in range(99999) %}`` runs
for hours, and ``{{ "x" * 10**10 }}`` takes all the memory there is. A ledger's
own template is untrusted (it came with the repository), so it is rendered in
a forked child process under ``RLIMIT_AS`` (memory) and a real-time alarm
(time); the child sends back the result (the text of the single page, the
files of the web site) or the error, and a child that runs out of either is
reported as a :class:`~claimledger.render.environment.TemplateError`. The bound
is on the whole rendering, however many pages it writes: a per-page bound
would let a hostile template spend it on each of thousands of pages.
Where ``fork`` is not available the template runs in this process, unbounded.
"""

from __future__ import annotations

import json
import os
import resource
import signal
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["DEFAULT_LIMITS", "LimitExceeded", "TemplateLimits", "run_bounded"]


@attrs.frozen
class TemplateLimits:
    """How long (wall-clock seconds) and how much memory (MB) a template may use."""

    seconds: float = 60.0
    megabytes: int = 1024


DEFAULT_LIMITS = TemplateLimits()


class LimitExceeded(Exception):
    """The template ran out of time or memory; the message says which."""


def _apply(limits: TemplateLimits) -> None:
    with open("/proc/self/statm", encoding="ascii") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    budget = in_use + limits.megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (budget, budget))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # the default action ends the child
    signal.setitimer(signal.ITIMER_REAL, limits.seconds)


Encode = Callable[[BaseException], Any]
Decode = Callable[[Any], Exception]


def _child(work: Callable[[], Any], limits: TemplateLimits, out: int, encode: Encode) -> None:
    payload: dict[str, Any]
    try:
        _apply(limits)
        payload = {"value": work()}
    except MemoryError:
        payload = {"limit": f"the template used more than {limits.megabytes} MB"}
    except BaseException as exc:  # sent back and raised again in the parent
        payload = {"error": encode(exc)}
    try:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8", "surrogatepass")
    except MemoryError:
        data = json.dumps({"limit": f"the template used more than {limits.megabytes} MB"}).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(out, view) :]


def run_bounded(
    work: Callable[[], Any], limits: TemplateLimits, encode: Encode, decode: Decode
) -> Any:
    """``work()`` in a child process bounded by ``limits``; its result must be plain
    JSON data (text, or a mapping of file name to text), returned as the parent reads it.

    Raises :class:`LimitExceeded`, or ``decode(encode(error))`` for an error the work
    raised in the child (``encode`` must give plain JSON data).
    """
    if not hasattr(os, "fork") or not os.path.exists("/proc/self/statm"):
        return work()  # pragma: no cover - no fork or no /proc: unbounded
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child (coverage does not follow it)
        os.close(read_end)
        try:
            _child(work, limits, write_end, encode)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb") as pipe:
        while chunk := pipe.read(1 << 16):
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        if os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGXCPU):
            raise LimitExceeded(f"the template ran longer than {limits.seconds:g} s")
        raise LimitExceeded(
            f"the template's process ended on signal {os.WTERMSIG(status)} "
            f"(out of memory past {limits.megabytes} MB?)"
        )
    try:
        payload = json.loads(b"".join(chunks).decode("utf-8", "surrogatepass"))
    except ValueError:
        raise LimitExceeded(f"the template used more than {limits.megabytes} MB") from None
    if "value" in payload:
        return payload["value"]
    if "limit" in payload:
        raise LimitExceeded(payload["limit"])
    raise decode(payload["error"])
