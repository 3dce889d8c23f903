"""The check's findings as the command line prints them: readable text or JSON.

`project_report` covers a whole project; `lines_report` checks each line of a plain text
file as one clause, so anyone can try the checker on their own rules; `document_report`
checks a policy document the owner already has.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..cli import visible, visible_json
from ..model import Project
from .document_check import check_policy_file, text_lines
from .facts import CheckFacts
from .finding import PLAIN_SEVERITY, SEVERITIES, Finding
from .policy_check import check_project, check_text


@dataclass(frozen=True)
class Report:
    """What a check prints, the findings it reports, and the warnings that go beside JSON
    output (on stderr: stdout holds only the JSON)."""

    text: str
    findings: list[Finding]
    warnings: list[str] = field(default_factory=list)

    def flagged(self) -> bool:
        """Whether a finding is above a note (risky or likely unlawful): check's exit status."""
        return any(finding.severity != "info" for finding in self.findings)


def project_report(project: Project, *, as_json: bool = False) -> Report:
    """The report; for JSON the warnings beside it say what stands in the way of a version
    marked final, which the text report ends with (JSON left it out; found by a tester)."""
    from ..render import clause_names, render_document

    document = render_document(project)
    numbers = {b.clause_id: b.number for b in document.blocks if b.number}
    findings = check_project(project, document)
    names = clause_names(project, (), document)
    standing = _final_but(project, findings)
    if as_json:
        return Report(visible_json([{**f.to_dict(), "clause_number": numbers.get(f.clause_id, "")}
                                    for f in findings], indent=2), findings,
                      [f"marked final, but: {item}" for item in standing])
    blocks = [_describe(f, names.get(f.clause_id, "")) for f in findings]
    final_but = ["Marked final, but:\n" + "\n".join(f"- {item}" for item in standing)] \
        if standing else []
    return Report("\n\n".join([*blocks, _summary(findings), *final_but]), findings)


def _final_but(project: Project, findings: list[Finding]) -> list[str]:
    """A version marked final that is not ready (risky sentences left, a reviewer who has not
    approved): what stands in the way, as the window asks before exporting it."""
    from .readiness import open_before_final

    return open_before_final(project, findings) if project.review.final else []


def lines_report(text: str, facts: CheckFacts, *, company_name: str = "",
                 as_json: bool = False) -> Report:
    out, every, note = [], [], facts.unchecked_note()
    for number, line in enumerate(text_lines(text), start=1):
        if not line.strip():
            continue
        findings = check_text(line, facts, company_name=company_name)
        every.extend(findings)
        if as_json:  # "checked": false outside the US, where "findings": [] says nothing
            out.append(visible_json({"line": number, "checked": not note,
                                     "findings": [f.to_dict() for f in findings]}))
        else:
            out.extend(f"line {number}: " + _describe(f, "") for f in findings)
    if as_json:  # JSON lines on stdout; the note outside the US beside them
        return Report("\n".join(out), every, [note] if note else [])
    return Report("\n\n".join([*out, note or "Checked every non-empty line."]), every)


def document_report(path: Path, facts: CheckFacts, *, company_name: str = "",
                    as_json: bool = False, plain: bool = False) -> Report:
    """The document's risky sentences and topics; `plain` words each finding as the window
    does ("Likely unlawful"), without the rule's id."""
    result = check_policy_file(path, facts, company_name)
    findings = [finding for _, finding in result.findings]
    if as_json:
        return Report(visible_json({"findings": [
            {"part": place.part or "body", "paragraph": place.number or None, **f.to_dict()}
            for place, f in result.findings],
                             "covered": result.covered, "missing": result.missing,
                             "note": facts.unchecked_note() or result.foreign_note()},
                            indent=2), findings)
    blocks = [f"{str(place).capitalize()}: {f.plain_severity()}\n" + _describe(f, "", plain=True)
              if plain else f"{place}: " + _describe(f, "") for place, f in result.findings]
    topics = ["Covers: " + ("; ".join(result.covered) or "none of our topics"),
              "Lacks: " + ("; ".join(result.missing) or "nothing")]
    summary = facts.unchecked_note() or " ".join(filter(None, (
        _summary(findings, plain), result.foreign_note())))
    return Report("\n\n".join([*blocks, summary, *topics]), findings)


def _describe(finding: Finding, where: str, plain: bool = False) -> str:
    """The finding in lines; `where` names its clause ("4.2 Your personal accounts")."""
    head = f"[{finding.severity}] {where}: {finding.rule}" if where else \
        f"[{finding.severity}] {finding.rule}"
    lines = [] if plain else [head]
    if finding.excerpt:
        lines.append(f'  Text: "{finding.excerpt}"')
    if finding.path:
        lines.append("  Field: " + " > ".join(str(part) for part in finding.path))
    lines += [f"  Why: {finding.reason}", f"  Authority: {finding.authority}"]
    if finding.precedent:
        lines.append(f"  Precedent: {finding.precedent}")
    if finding.suggestion:
        lines.append(f"  Safer wording: {finding.suggestion}")
    return "\n".join(map(visible, lines))


def _summary(findings: list[Finding], plain: bool = False) -> str:
    if not findings:
        return "No findings."
    counts = Counter(f.severity for f in findings)
    parts = [f"{counts[s]} {PLAIN_SEVERITY[s].lower() if plain else s}"
             for s in reversed(SEVERITIES) if counts[s]]
    return f"{len(findings)} finding{'' if len(findings) == 1 else 's'}: {', '.join(parts)}."
