"""`peacegraph seed review`: a terminal walk through the candidates with rich (prompts, panels, highlighting).

Each candidate shows its kind and id, confidence, the evidence sentence with the span highlighted, the file and
line, the record's fields, the graph records it may be, possible duplicates and the blanks to fill. Answers:
`a` accept, `r REASON` reject, `e FIELD=VALUE` edit (then answer again), `s` skip, `q` save and quit. With
`--answers FILE` the answers are read from the file, one per line (scripted review, used by the tests).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from rich.console import Console
from rich.panel import Panel
from rich.prompt import Prompt
from rich.text import Text

from peacegraph.seed.review.document import Candidate
from peacegraph.seed.review.session import ReviewError, ReviewSession

_SKIP_FIELDS = {"cites", "extraction"}


def highlighted(sentence: str, span: str) -> Text:
    """The sentence with the evidence span in reverse video (whitespace-insensitive)."""
    text = Text(sentence)
    words = span.split()
    if words:
        m = re.search(r"\s+".join(re.escape(w) for w in words), sentence)
        if m:
            text.stylize("bold reverse", m.start(), m.end())
    return text


def render(cand: Candidate, session: ReviewSession, position: str) -> Panel:
    body = Text()
    ev = cand.evidence
    body.append(f"{ev.file}, line {ev.line} (chars {ev.start}-{ev.end})\n", style="dim")
    body.append_text(highlighted(ev.sentence, ev.span))
    body.append("\n\n")
    for k, v in cand.record.items():
        if k not in _SKIP_FIELDS:
            body.append(f"{k}: ", style="bold")
            body.append(f"{v}\n")
    if cand.matches:
        body.append("graph records it may be: ", style="yellow")
        body.append("; ".join(cand.matches) + "\n")
    if cand.duplicates:
        body.append("possible duplicates: ", style="yellow")
        body.append(", ".join(cand.duplicates) + "\n")
    needs = session.needs(cand)
    if needs:
        body.append("to fill before accepting: ", style="red")
        body.append(", ".join(needs) + "\n")
    feats = {k: v for k, v in cand.features.items() if v not in (None, [], {})}
    if feats:
        body.append(f"evidence features: {feats}\n", style="dim")
    return Panel(body, title=f"{position}  {cand.kind}/{cand.id}  confidence {cand.confidence:.2f}")


def _answers(path: Path | None) -> Iterator[str] | None:
    if path is None:
        return None
    return iter([ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()])


def _ask(answers: Iterator[str] | None) -> str:
    if answers is None:
        return Prompt.ask("[a]ccept  [r]eject REASON  [e]dit FIELD=VALUE  [s]kip  [q]uit", default="s")
    return next(answers, "q")


def run_review(bundle: Path, answers_file: Path | None, dry_run: bool, console: Console) -> int:
    """The review loop; returns the exit code."""
    try:
        session = ReviewSession.open(bundle)
    except (ReviewError, ValueError) as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        return 1
    if dry_run:
        counts = session.counts()
        total = sum(counts.values())
        console.print(f"dry run: {total} accepted record(s) would be written "
                      f"({', '.join(f'{k} {n}' for k, n in sorted(counts.items()) if n) or 'none'}); "
                      f"{len(session.queue())} still pending, nothing changed", highlight=False)
        return 0
    answers = _answers(answers_file)
    queue = session.queue()
    console.print(f"{len(queue)} candidate(s) to review, best first; "
                  f"{len(session.review.confirmations)} confirmation(s), {len(session.review.dropped)} dropped")
    quit_ = False
    for n, cand in enumerate(queue, 1):
        console.print(render(cand, session, f"{n}/{len(queue)}"))
        while True:
            ans = _ask(answers)
            verb, _, rest = ans.partition(" ")
            try:
                if verb == "a":
                    session.accept(cand)
                elif verb == "r":
                    session.reject(cand, rest.strip())
                elif verb == "e":
                    session.edit(cand, rest.strip())
                    console.print(render(cand, session, f"{n}/{len(queue)}"))
                    continue
                elif verb == "q":
                    quit_ = True
                elif verb != "s":
                    console.print(f"unknown answer {ans!r}")
                    continue
            except ReviewError as exc:  # say why, and ask again
                console.print(f"[red]{exc}[/]", highlight=False)
                continue
            break
        if quit_:
            break
    try:
        session.save()
    except ReviewError as exc:
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        return 1
    decided = {d: sum(1 for c in session.review.candidates if c.decision == d)
               for d in ("accepted", "rejected", "pending")}
    console.print(f"saved {bundle}: {decided['accepted']} accepted, {decided['rejected']} rejected, "
                  f"{decided['pending']} pending. Load the accepted records with "
                  f"`peacegraph seed load {bundle}`", highlight=False)
    return 0
