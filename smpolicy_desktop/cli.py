"""The command line: list presets, create, validate and export projects without a window.

User errors print one line on stderr and exit with status 2; `check` exits with status 1 when
it reports a finding above a note (risky or likely unlawful); a traceback is always a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from . import COMMAND_NAMES, __version__
from .reading import POLICY_DOCUMENTS
from .unseen import UNSEEN

# The core is imported by the code that uses it: --version and --help must not wait for
# pydantic, Jinja2 or Word writing.

USER_ERROR = 2
FLAGGED = 1  # check: a finding above a note, so a script or CI job can stop on it
STOPPED = 130  # as a shell reports a command ended by Ctrl+C


def visible(text: str) -> str:
    """Text as a terminal should print it: each control or unseen format character as its
    code (\\x1b, \\u200f)."""
    return UNSEEN.sub(lambda m: _code(ord(m[0])), text)


def _code(point: int) -> str:
    return f"\\x{point:02x}" if point < 0x100 else \
        f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def visible_json(value: object, indent: int | None = None) -> str:
    """`value` as JSON a terminal shows rather than obeys: the same characters escaped as JSON
    escapes (\\u202e), which any reader turns back into the text; other letters as typed."""
    import json

    text = json.dumps(value, indent=indent, ensure_ascii=False)
    # A raw new line is JSON's own layout (one inside a string is already written \\n).
    return UNSEEN.sub(lambda m: m[0] if m[0] == "\n" else json.dumps(m[0])[1:-1], text)


class UserError(Exception):
    """Something the user can fix; printed as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage plus message
        raise UserError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    from . import PROJECT_EXTENSION as EXTENSION
    from .exporters import EXPORTERS

    parser = _Parser(prog="smpolicy", description="Draft a social media policy, offline.")
    parser.add_argument("--version", action="version", version=f"smpolicy {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    commands.add_parser("presets", help="list the starting presets")

    new = commands.add_parser("new", help="create a project from a preset")
    new.add_argument("--preset", default="general_b2b", help="preset name (see 'presets')")
    new.add_argument("-o", "--output", required=True, type=Path,
                     help=f"the new project file ({EXTENSION})")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")
    new.add_argument("--country", help="the business's ISO country code, e.g. GB (default: US)")
    new.add_argument("--state", help="its ISO region code, e.g. GB-SCT or CA-ON")

    validate = commands.add_parser("validate", help="check that a project file loads")
    validate.add_argument("file", type=Path)

    export = commands.add_parser("export", help="write the policy as Word, HTML or Markdown")
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", required=True, type=Path)
    export.add_argument("--format", choices=sorted(EXPORTERS),
                        help="default: from the output's extension; docx for a name "
                             "without one")
    export.add_argument("--kind", choices=("full", "short"),
                        help="full policy or short guidelines (default: the project's choice)")
    export.add_argument("--line-numbers", action="store_true",
                        help="number the lines of each page, for legal review (Word only)")
    export.add_argument("--changes-since-last", action="store_true",
                        help="show what changed since the last version sent to counsel (of the "
                             "same kind) as tracked changes")
    export.add_argument("--against", metavar="VERSION",
                        help="with --changes-since-last: compare with this version sent "
                             "(e.g. v2, as export --remember and import-review print it)")
    export.add_argument("--remember", action="store_true",
                        help="record this Word export in the project file as a version sent to "
                             "counsel (what later redlines and counsel's reply compare with)")

    review = commands.add_parser("import-review",
                                 help="read counsel's marked-up Word file back into the project")
    review.add_argument("file", type=Path, help=f"the project file ({EXTENSION})")
    review.add_argument("reply", type=Path, help="counsel's reply (.docx)")
    review.add_argument("--json", action="store_true",
                        help="print one item per change or comment as JSON")
    # extend: "--accept c1 --accept c2" accepts both (append kept only the last; a tester)
    review.add_argument("--accept", nargs="+", action="extend", default=[], metavar="ID",
                        help="accept these changes and comments ('all' for every one) into "
                             "the project, which is then saved (the old file kept as .bak)")
    review.add_argument("--reject", nargs="+", action="extend", default=[], metavar="ID",
                        help="reject these changes and comments")

    check = commands.add_parser(
        "check", help="flag risky rules and missing pieces",
        description="Flag risky rules and missing pieces. Exit status: 0 when nothing above a "
                    "note is found, 1 when a finding is risky or likely unlawful, 2 when the "
                    "file cannot be read or the command is wrong.")
    check.add_argument("file", type=Path, nargs="?", help=f"a project file ({EXTENSION})")
    check.add_argument("--text-file", type=Path,
                       help="check each non-empty line of a plain text file as one clause")
    check.add_argument("--document", type=Path,
                       help="check a policy you already have "
                            f"({', '.join(POLICY_DOCUMENTS)})")
    check.add_argument("--industry", metavar="NAME",
                       help="the business's industry, e.g. health_care or financial_services "
                            "(default: check every sector's rules)")
    check.add_argument("--publicly-traded", action=argparse.BooleanOptionalAction,
                       help="the company is listed, or with --no-publicly-traded is not "
                            "(default: unknown, so Regulation FD is checked)")
    check.add_argument("--country", help="ISO country code, e.g. US (default: US)")
    check.add_argument("--state", help="ISO region code, e.g. US-CA")
    check.add_argument("--company", metavar="NAME", default="",
                       help="the business's name: a rule naming it reads as one about the "
                            "employer")
    check.add_argument("--json", action="store_true", help="print the findings as JSON")
    return parser


def run_presets(args: argparse.Namespace) -> None:
    from .presets import presets

    for preset in presets().values():
        print(f"{preset.name}\t{preset.title}: {preset.description}")


def run_new(args: argparse.Namespace) -> None:
    from .presets import presets
    from .workspace import Workspace, project_file_name

    preset = presets().get(args.preset)
    if preset is None:
        raise UserError(f"no preset named {args.preset!r}; choose one of: "
                        f"{', '.join(presets())}")
    # "" made a hidden "..smpolicy", "-" a file "-.smpolicy" (found by testers)
    if not args.output.name or str(args.output) == "-":
        raise UserError("new: -o names the new project file, such as -o policy.smpolicy")
    output = Path(project_file_name(str(args.output)))  # as the window names it
    if os.path.exists(output) and not args.force:
        raise UserError(f"{output}: the file already exists (use --force to replace it)")
    country, state = _place(args)
    project = preset.project()
    if country:  # a business outside the US starts with its own law (found by a tester)
        project.company.country = country
        project.company.state = state or ""
    workspace = Workspace(project)
    workspace.save(output)  # a replaced file is kept as .bak
    print(visible(f"Created {output} from the {preset.title} preset"))
    _say_if_open(output)


def run_validate(args: argparse.Namespace) -> None:
    from .workspace import Workspace

    Workspace.open(args.file)
    print(visible(f"{args.file}: OK"))


def run_export(args: argparse.Namespace) -> None:
    from .workspace import Workspace

    if args.against and not args.changes_since_last:
        raise UserError("--against names the version a redline compares with; add "
                        "--changes-since-last")
    if str(args.output) == "-":  # the terminal, by habit: it wrote a file named "-"
        raise UserError("-o names the file to write (such as -o policy.docx); the policy is "
                        "not written to the terminal")
    from .storage import ProjectFileError

    workspace = Workspace.open(args.file)
    records = len(workspace.project.sent_versions)
    try:
        written = workspace.export(args.output, args.format, kind=args.kind,
                                   line_numbers=args.line_numbers,
                                   changes_since_last=args.changes_since_last,
                                   against=args.against, remember=args.remember)
    except ProjectFileError as exc:  # only the save of --remember's record, after the write
        raise UserError(f"wrote {args.output}, but it is not recorded as sent to counsel: "
                        f"{exc}") from exc
    print(visible(f"Wrote {written}"))
    if len(workspace.project.sent_versions) > records:  # recorded in the project file
        version = workspace.project.sent_versions[-1]
        print(visible(f"Recorded it in {args.file} as {version.id}, {version.label.lower()}"))
        _say_if_open(args.file)


def run_check(args: argparse.Namespace) -> int:
    """Print the report; FLAGGED if a finding is above a note, else 0."""
    from .checks import report  # the rules load only when a check runs
    from .checks.document_check import DocumentError, read_text
    from .checks.facts import CheckFacts
    from .model import Industry
    from .workspace import Workspace

    given = [x for x in (args.file, args.text_file, args.document) if x is not None]
    if len(given) != 1:
        raise UserError("check: give one of a project file, --text-file FILE or "
                        "--document FILE")
    if args.file is not None:
        result = report.project_report(Workspace.open(args.file).project, as_json=args.json)
    else:
        country, state = _place(args)
        industries = [industry.value for industry in Industry]
        if args.industry is not None and args.industry not in industries:
            raise UserError(f"check: --industry {args.industry}: choose one of "
                            f"{', '.join(industries)}")
        facts = CheckFacts(country, state, args.industry, args.publicly_traded)
        try:
            result = report.document_report(args.document, facts, company_name=args.company,
                                            as_json=args.json) if args.document else \
                report.lines_report(read_text(args.text_file), facts,
                                    company_name=args.company, as_json=args.json)
        except DocumentError as exc:
            raise UserError(str(exc)) from exc
    if result.text:  # JSON lines for no line at all are none: an empty line read as an object
        print(result.text)
    for warning in result.warnings:
        print(visible(f"warning: {warning}"), file=sys.stderr)
    return FLAGGED if result.flagged() else 0


def _place(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """--country and --state as ISO codes, checked (None where not given); a state alone
    gives its country."""
    from .checks.facts import known_country, known_region

    country = (args.country or "").upper() or None
    state = (args.state or "").upper() or None
    if country and not known_country(country):
        raise UserError(f"{args.command}: --country {args.country}: not an ISO country code "
                        f"such as US{_country_named(args.country)}")
    if state and not known_region(state):
        raise UserError(f"{args.command}: --state {args.state}: {_region_refused(state, country)}")
    if country and state and not state.startswith(f"{country}-"):
        raise UserError(f"{args.command}: --state {args.state} is not in --country "
                        f"{args.country}")
    return country or (state.split("-")[0] if state else None), state


def _country_named(typed: str) -> str:
    """The code of the country the user meant, if one is found ("UK", "Canada"), or of the
    region ("England"), as the end of a sentence; the bare refusal left a UK owner guessing
    (found by a tester)."""
    from .law import places, with_article

    names = places()["countries"]
    wanted = {"UK": "GB", "USA": "US"}.get(typed.upper()) or next(
        (code for code, name in names.items()
         if len(typed) > 2 and name.casefold().startswith(typed.casefold())), None)
    if wanted:
        return f"; {names[wanted]}'s is {wanted}"
    regions = _regions()
    region = next((code for code, name in regions.items()  # "England", "Ontario"
                   if name.casefold() == typed.casefold()), None)
    return (f"; {regions[region]} is in {with_article(names[region[:2]])}: give --country "
            f"{region[:2]} --state {region}") if region else ""


def _region_refused(state: str, country: str | None) -> str:
    """Why --state is refused and what to give instead: a real region of a country whose
    regions have no rules here is no "not ISO", and "QC" needs its "CA-" (found by a tester)."""
    from .law import places, with_article

    regions = _regions()
    matches = [code for code, name in regions.items()
               if (code.split("-", 1)[1] == state or name.casefold() == state.casefold())
               and code.startswith(country or "")]
    if matches:
        return "give its ISO code: " + ", ".join(f"{regions[code]}'s is {code}"
                                                  for code in matches)
    within = state.split("-")[0] if "-" in state else country
    name = with_article(places()["countries"].get(within or "", ""))
    listed = sorted(code for code in regions if code.startswith(f"{within}-"))
    if name and not listed:
        return f"the app has no rules for regions of {name}; leave --state out"
    if name:
        known = ", ".join(listed) if len(listed) < 15 else f"such as {listed[0]}"
        return f"not a region of {name} that the app knows ({known})"
    return "not an ISO region code such as US-CA"


def _regions() -> dict[str, str]:
    """Every region the app has rules for, by code: {"CA-QC": "Quebec", ...}."""
    from .law import places

    return {code: name for listed in places()["subdivisions"].values()
            for code, name in listed.items()}


def run_import_review(args: argparse.Namespace) -> None:
    from .dates import day_made
    from .render import clause_names, in_clauses
    from .review import DONE_WORDS, decisions_for, formatting_said, old_name_said
    from .workspace import Workspace

    workspace = Workspace.open(args.file)
    spelling = workspace.project.company.spelling
    reply = workspace.read_reply(args.reply)
    earlier = reply.decided(workspace.project)
    if args.json:
        print(visible_json([{**item.to_dict(), "decided": earlier[item.id].action}
                            if item.id in earlier else item.to_dict()
                            for item in reply.items], indent=2))
    else:
        label = reply.version.label.lower()
        print(visible(f"{args.reply}: the reply to {reply.version.id} ({label}), "
                      f"{reply.counted()}"))
        document = workspace.document_of_kind(reply.version.kind)
        for said in (formatting_said(workspace.project, reply, document),
                     old_name_said(workspace.project, reply, earlier)):
            if said:
                print(visible(said[0].upper() + said[1:]))
        names = clause_names(workspace.project, [clause for item in reply.items
                                                 for clause in item.clauses], document)
        for item in reply.items:
            when = f" {day_made(spelling, item.date)}" if item.date else ""
            where = in_clauses(names, item.clauses) or "(outside the clauses)"
            done = f" ({DONE_WORDS[earlier[item.id].action].lower()} before)" \
                if item.id in earlier else ""
            print(visible(f"{item.id}\t{item.listed_as}{done}\t{where}\t"
                          f"{item.made_by}{when}\t{item.words}"))
    if not (args.accept or args.reject):
        return
    decisions = decisions_for(workspace.project, reply, args.accept, args.reject)
    if not decisions:
        print("Every change and comment in it was decided before: nothing to do" if reply.items
              else "It has no changes or comments: nothing to do")
        return
    outcome = workspace.apply_review(reply, decisions)
    workspace.save()  # atomic, the file before kept as .bak
    out = sys.stderr if args.json else sys.stdout
    for line in outcome.done:
        print(visible(line), file=out)
    for line in outcome.warnings:
        print(visible(f"warning: {line}"), file=out)
    print(visible(f"Saved {args.file}"), file=out)
    _say_if_open(args.file)


def _say_if_open(path: Path) -> None:
    """The file just written is open in a window: say so (that window asks before it saves
    over this change, and offers to show it), as the window's "Open elsewhere" box does."""
    from .file_watch import OpenLock

    holder = OpenLock.holder(path)
    if holder:
        print(visible(f"note: {path} is open in a window ({holder.says()}); that window will "
                      "ask before saving over this change"), file=sys.stderr)


COMMANDS = dict(zip(COMMAND_NAMES, (run_presets, run_new, run_validate, run_export,
                                    run_import_review, run_check), strict=True))


def main(argv: list[str] | None = None) -> int:
    _speak_any_name()
    try:
        args = build_parser().parse_args(argv)
        status = COMMANDS[args.command](args) or 0
        sys.stdout.flush()  # a reader that stopped early (| head) is met here, not at exit
    except KeyboardInterrupt:  # Ctrl+C printed a traceback of twenty lines
        print("error: stopped before it finished; any file it was writing is as it was",
              file=sys.stderr)
        return STOPPED
    except BrokenPipeError:
        # The reader wants no more: stop quietly, as other command-line tools do (Python's
        # documented way: what is left to flush at exit goes nowhere).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:
        if not _is_user_error(exc):
            raise
        print(f"error: {visible(str(exc))}", file=sys.stderr)
        return USER_ERROR
    return status


def stop_as_ctrl_c(signum: int, frame: object) -> NoReturn:
    """Stopped by `timeout` or the system: end as Ctrl+C does, so a file being written is left
    as it was, without its temporary copy beside it (found by a tester)."""
    raise KeyboardInterrupt


def _speak_any_name() -> None:
    """Output a file name in any script: on Windows, printing a name outside the console's code
    page (a Polish or Chinese one) to a pipe or a file raised UnicodeEncodeError, with a
    traceback, after the export had been written (found by a tester)."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def _is_user_error(exc: Exception) -> bool:
    # Imported only now: --version and --help must not wait for pydantic (storage).
    from .review import ReviewError
    from .safe_write import WriteError
    from .storage import ProjectFileError

    return isinstance(exc, UserError | ProjectFileError | WriteError | ReviewError)
