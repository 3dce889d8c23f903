"""Turns a Project into the Document, through the Jinja2 clause templates under templates/.

Templates write a small HTML subset (sections, clauses, paragraphs, lists, tables); this module
reads it back into Blocks, numbers the sections and clauses, and drops anything left empty.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import pickle
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from datetime import date
from difflib import SequenceMatcher
from functools import cache, lru_cache, partial
from itertools import accumulate, pairwise
from pathlib import Path
from typing import Any

import jinja2.filters
import jinja2.nodes
import lxml.etree
import lxml.html
import platformdirs
from jinja2 import (
    BaseLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
)
from jinja2.bccache import Bucket
from markupsafe import Markup
from pydantic import BaseModel

from . import APP_NAME, __version__
from .dates import long_date_in
from .document import LETTER_COUNTRIES, Block, Document, Note, Run, language_tag
from .model import Choice, ClauseWording, CounselComment, DocumentType, Project
from .resources import resource_path
from .safe_write import WriteError, write_bytes_atomically
from .unseen import REORDERING

# Characters XML 1.0 cannot hold at all: they are dropped from user text, never escaped.
# So are the bidi embedding, override and isolate controls: one stray right-to-left override
# in a name would otherwise reverse the policy's own sentences around it.
_XML_FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff{REORDERING}]")


_WHITESPACE = re.compile(r"\s+")


def xml_safe(value: Any) -> Any:
    """Drop the characters XML forbids, and bidi controls, from any text reaching the document."""
    if isinstance(value, Markup) or not isinstance(value, str):  # Markup: a caller() body
        return value
    # Printable text holds none of them (all are controls, format characters, surrogates or
    # non-characters), and isprintable reads it ten times faster: a 10 MB company's name is
    # written 18 times in the policy.
    return value if value.isprintable() else _XML_FORBIDDEN.sub("", value)


def _one_line(text: str) -> str:
    """A one-line answer as the footer and the file's properties show it: its line breaks and
    tabs (a hand-edited file, or one pasted into the multi-line box) as spaces, as the body
    shows them; the footer took two lines."""
    return xml_safe(" ".join(text.split()))


def _lines(text: str) -> list[str]:
    """A multi-line answer as its non-empty lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _list_item(item: Any) -> str:
    """A list answer made ready to sit inside a sentence: 'Source code;' -> 'Source code',
    'Fun!' -> 'Fun' (the sentence says it in the policy's voice, not with the owner's cheer)."""
    return str(item).strip().rstrip(".;,:!").strip()


def _join_and(items: list[str], word: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'; items' own end punctuation is dropped."""
    items = [text for text in map(_list_item, items) if text]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _join_long(items: list[str]) -> str:
    """Longer items: 'a and b', or 'a; b; and c' for three or more."""
    items = [text for text in map(_list_item, items) if text]
    if len(items) < 3:
        return " and ".join(items)
    return f"{'; '.join(items[:-1])}; and {items[-1]}"


_LEGAL_SUFFIX = re.compile(r"\b(?:llc|llp|ltd|limited|inc|incorporated|corp|corporation|co|plc|"
                           r"pty|gmbh|pc|pllc|lp)\b\.?", re.IGNORECASE)


@lru_cache(maxsize=4)  # made for every render: 2 s for a 10 MB name, at each key typed
def _hashtag(name: str) -> str:
    """'Northwind Analytics LLC' -> '#NorthwindAnalyticsEmployee'; '' without a usable name."""
    words = re.findall(r"[^\W_]+", _LEGAL_SUFFIX.sub(" ", re.sub("['\u2019]", "", str(name))))
    tag = "".join(word[:1].upper() + word[1:] for word in words)
    return f"#{tag}Employee" if tag else ""


# Words the templates write in US spelling, and their British forms (template text only:
# an owner's own answers are never respelled).
UK_SPELLING = {"color": "colour", "criticize": "criticise", "organization": "organisation",
               "organizations": "organisations", "authorization": "authorisation",
               "the license": "the licence", "labor": "labour", "behavior": "behaviour",
               "favor": "favour", "honor": "honour", "apologize": "apologise",
               "inquiries": "enquiries", "center": "centre", "recognize": "recognise",
               "program": "programme", "catalog": "catalogue", "license agreement":
               "licence agreement"}
# Canadian spelling is British but for -ize words, "program" and "inquiries".
_CANADIAN_AS_US = {"criticize", "organization", "organizations", "authorization", "apologize",
                   "recognize", "program", "inquiries"}
SPELLINGS = {"UK": UK_SPELLING,
             "CA": {us: uk for us, uk in UK_SPELLING.items() if us not in _CANADIAN_AS_US}}


def respell(spelling: str, text: str) -> str:
    """US spelling -> British ("UK") or Canadian ("CA"), keeping a capital first letter."""
    words = SPELLINGS.get(spelling)
    if not words:
        return text

    def local(match: re.Match[str]) -> str:
        word = match.group(0)
        spelled = words[word.lower()]
        return spelled[0].upper() + spelled[1:] if word[0].isupper() else spelled
    return _words_pattern(spelling).sub(local, text)


@cache
def _words_pattern(spelling: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(sorted(SPELLINGS[spelling], key=len, reverse=True))
                      + r")\b", re.IGNORECASE)


class _SpellingLoader(FileSystemLoader):
    """The templates, with their own words in the country's spelling."""

    def __init__(self, spelling: str, searchpath: Any) -> None:
        super().__init__(searchpath)
        self.spelling = spelling

    def get_source(self, environment: Environment, template: str) -> Any:
        source, filename, uptodate = super().get_source(environment, template)
        return respell(self.spelling, source), filename, uptodate


_DETERMINERS = {"The", "Our", "Your", "Their", "A", "An"}  # 'The IT team' -> 'the IT team'


def _lowercase_start(text: str) -> str:
    """'Twice a day' -> 'twice a day', to continue a sentence.

    'IT team', 'Dana Reyes' and 'Sam Okafor, Marketing Lead' stay as typed: a capital on the
    second word means a name or a title.
    """
    text = str(text).strip()
    words = text.split()
    if len(text) < 2 or not (text[0].isupper() and text[1].islower()):
        return text
    if len(words) > 1 and not words[1][:1].islower() and words[0] not in _DETERMINERS:
        return text
    return text[0].lower() + text[1:]


def _role(text: str) -> str:
    """'Practice manager' -> 'our practice manager'; names and 'the IT team' stay as typed."""
    lowered = _lowercase_start(text)
    if lowered == str(text).strip() or lowered.startswith(("the ", "our ", "your ", "a ", "an ")):
        return lowered
    return f"our {lowered}"


def _full_stop(text: str) -> str:
    """End an answer that closes a sentence with one full stop, never two."""
    text = text.strip() if isinstance(text, str) else str(text).strip()  # keeps Markup
    return text if not text or text[-1] in ".!?" else text + "."


def _cell(value: Any, spelling: str = "US") -> str:
    if isinstance(value, Choice):
        return value.label
    if isinstance(value, date):
        return long_date_in(spelling, value)
    return " ".join(str(value or "").split())


def _table_rows(items: list[Any], *fields: str, spelling: str = "US") -> list[list[str]]:
    """List answers as table rows, the questions' labels first; empty rows and columns go.

    A row holding nothing but a choice left at its default (a reviewer's status) is empty.
    Dates are written as the rest of the policy writes them ("1 March 2026" outside the US).
    """
    body = [[_cell(getattr(item, name), spelling) for name in fields] for item in items
            if any(_cell(getattr(item, name)) for name in fields
                   if not isinstance(getattr(item, name), Choice))]
    if not body:
        return []
    head = [type(items[0]).model_fields[name].title for name in fields]
    keep = [index for index in range(len(fields)) if any(row[index] for row in body)]
    return [[row[index] for index in keep] for row in (head, *body)]


class _TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept in the user's cache folder, so a start skips compiling them.

    Jinja checks each entry against the template's source; a folder that cannot be written,
    or a damaged entry, only costs speed, never an error.
    """

    def __init__(self, spelling: str) -> None:
        folder = platformdirs.user_cache_path(APP_NAME) / f"templates-{__version__}-{spelling}"
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # a damaged entry (e.g. cut short): compiled again and rewritten

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)

    def derived(self, template: str, source: str, make: Callable[[], Any]) -> Any:
        """`make()`, plain JSON data found in this source of the template: kept here, so a
        start reads it instead of parsing the template (parsing costs more than rendering)."""
        name = f"{template.replace('/', '_')}-{self.get_source_checksum(source)}.json"
        path = Path(self.directory) / name
        with contextlib.suppress(OSError, ValueError):
            return json.loads(path.read_bytes())
        value = make()
        with contextlib.suppress(WriteError):
            write_bytes_atomically(path, json.dumps(value).encode())
        return value


@cache
def environment(spelling: str = "US") -> Environment:
    """The templates in US spelling, or ("UK", "CA") in British or Canadian spelling with
    day-month dates."""
    loader: BaseLoader = _SpellingLoader(spelling, resource_path("templates"))
    env = _NotingEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined,
                      finalize=xml_safe, trim_blocks=True, lstrip_blocks=True,
                      bytecode_cache=_TemplateCache(spelling),
                      auto_reload=False)  # shipped files: no stat() of each per render
    env.filters.update(lines=_lines, join_and=_join_and, join_long=_join_long,
                       long_date=partial(long_date_in, spelling),
                       lowercase_start=_lowercase_start, role=_role, full_stop=_full_stop,
                       table_rows=partial(_table_rows, spelling=spelling),
                       list_item=_list_item, hashtag=_hashtag)
    env.filters["map"] = _map
    env.globals["clause_body"] = _clause_body
    return env


@jinja2.pass_context
def _map(context: jinja2.runtime.Context, items: Any, *args: Any, **kwargs: Any) -> Any:
    """Jinja's map; one of our own filters by name runs over the items in one plain loop
    (Jinja's map dispatches each item anew: a third of rendering a list of 500 rows)."""
    named = args and not kwargs and isinstance(args[0], str)
    own = context.environment.filters.get(args[0]) if named else None
    if own is None or own.__module__ != __name__:
        return jinja2.filters.sync_do_map(context, items, *args, **kwargs)
    return [own(item, *args[1:]) for item in items]


def render_document(project: Project, kind: DocumentType | str | None = None, *,
                    own_wording: bool = True) -> Document:
    """The rendered policy, numbered, with empty clauses and sections left out.

    The owner's wording replaces the generated text of its clauses and the owner's clauses
    join their sections (numbered with the rest); own_wording=False gives the generated text.
    A section whose answers are as they were last time is not rendered again, nor is a clause
    of it (see _Sections and _ClauseMemo).
    """
    kind = DocumentType(kind or project.company.document_type)
    spelling = project.company.spelling
    unnamed = "the organization" if project.company.industry == "nonprofit" else "the company"
    name = project.company.name.strip() or respell(spelling, unnamed)
    law = project.company.law_pack
    context = {"p": project, "company": xml_safe(name), "kind": kind.value, "law": law}
    env = environment(spelling)
    answers = _Answers(project)
    fixed = (spelling, kind.value, context["company"], law.country, law.region,
             answers.of(("wording",), ("owner_clauses",)) if own_wording else None)
    facts = cache(partial(_Facts, env, context))  # made once, if a section is rendered

    def section(template: str, number: str, memo: _ClauseMemo) -> list[Block]:
        shared = facts()
        html = env.get_template(template).render(context, facts=shared.module)
        memo.finish(shared.expand)
        return _blocks_of(html, number, project, own_wording)

    blocks: list[Block] = []
    section_number = 0
    for template in _sections_of(spelling, kind.value):
        number = str(section_number + 1)
        section_blocks = _SECTIONS.blocks(
            (template, spelling, kind.value, own_wording), (*fixed, number), answers,
            partial(section, template, number))
        section_number += sum(b.kind == "heading1" and bool(b.number) for b in section_blocks)
        blocks.extend(section_blocks)
    company = project.company
    owner = ", ".join(filter(None, (company.owner_name, company.owner_title)))
    author = author_of(project)
    notes = tuple(Note(xml_safe(note.clause_id), xml_safe(note.question.strip()))
                  for note in project.review.notes_to_counsel if note.question.strip())
    notes += tuple(Note(xml_safe(comment.clause_id), xml_safe(_answered(comment, author)))
                   for comment in project.counsel_comments if not comment.resolved
                   and any(reply.author == author for reply in comment.replies))
    document = Document(kind=kind.value, title="Social Media Policy",
                    company=_one_line(company.name), owner=_one_line(owner),
                    draft=not project.review.final, blocks=tuple(blocks),
                    author=_one_line(author), version=_one_line(company.version), notes=notes,
                    paper="Letter" if company.country in LETTER_COUNTRIES else "A4",
                    spelling=company.spelling,
                    language=language_tag(law.country, company.spelling))
    if not (own_wording and kind == DocumentType.FULL and notes):
        return document
    names = clause_names(project, [note.clause_id for note in notes], document)
    return dataclasses.replace(document, notes=tuple(
        dataclasses.replace(note, clause_name=names.get(note.clause_id, "")) for note in notes))


def clause_names(project: Project, clause_ids: Iterable[str] = (),
                 document: Document | None = None) -> dict[str, str]:
    """Each clause of the policy (`document`, when the caller has it rendered) named as the
    owner knows it: its number and title ("4.2 Your personal accounts"), after its section's
    when it has no number ("Appendix B: Quick guide, Don't"). Those of `clause_ids` the policy
    no longer has are named by their generated title ('"Other policies" (no longer in the
    policy)') or, when nothing names them, as "a clause no longer in the policy"; those only
    the full policy has, beside the short guidelines, as it names them ("4.9 Monitoring of
    company systems (in the full policy)"). Never by an id: this is what the window, the Word
    file and the command line show for a clause."""
    document, wanted = document or render_document(project), set(clause_ids) - {""}
    headings = document.clauses()
    names = {clause_id: heading if heading[:1].isdigit() or section == clause_id
             or section not in headings else f"{headings[section]}, {heading}"
             for clause_id, heading in headings.items()
             for section in [clause_id.partition(".")[0]]}
    for block in document.blocks:  # a part without a heading (the title): its first words
        if block.clause_id in wanted and block.text:
            names.setdefault(block.clause_id, block.text)
    gone = wanted - set(names)
    if gone and document.kind != DocumentType.FULL.value:  # the full policy's, not the short
        # guidelines' (a note on one was "no longer in the policy"; found by a tester)
        full = clause_names(project, (), render_document(project, DocumentType.FULL))
        names.update({clause_id: f"{full[clause_id]} (in the full policy)" for clause_id in gone
                      if clause_id in full})
        gone -= set(names)
    if gone:  # a clause the owner's or counsel's wording took out: its generated title
        titles = {block.clause_id: "".join(run.text for run in block.runs) for block
                  in render_document(project, DocumentType.FULL, own_wording=False).blocks
                  if block.kind in ("heading1", "heading2") and block.clause_id in gone}
        names.update({clause_id: f'"{titles[clause_id]}" (no longer in the policy)'
                      if clause_id in titles else "a clause no longer in the policy"
                      for clause_id in gone})
    return names


def in_clauses(names: dict[str, str], clause_ids: Iterable[str]) -> str:
    """Where an item is, named by `clause_names`: every clause a comment spans, in one line
    ("4.3 Promoting our products; 4.4 Confidential business information"); "" for none.
    More than NAMED_CLAUSES from the first to the last ("1 Purpose and scope to 1.5 Who
    looks after this policy (6 in all)"): a comment on the whole policy named its 72 clauses
    and headings, a row as tall as the review list, counsel's words out of sight."""
    named = [name for name in (names.get(clause_id, "") for clause_id in clause_ids) if name]
    if len(named) > NAMED_CLAUSES:
        return f"{named[0]} to {named[-1]} ({len(named)} in all)"
    return "; ".join(named)


NAMED_CLAUSES = 3  # clauses named one by one (a comment's, formatting not kept), at most


def _read_once(env: Environment, template: str, what: str,
               read: Callable[[jinja2.nodes.Template], Any]) -> Any:
    """What `read` finds in the template's syntax tree (plain JSON data), parsed only when the
    template is new to the template cache; `what` names the reading (and its version: a
    reading that changes takes a new name, and what the old one kept is not read)."""
    source = env.loader.get_source(env, template)[0]  # type: ignore[union-attr]
    return env.bytecode_cache.derived(  # type: ignore[union-attr]
        f"{template}-{what}", source, lambda: read(env.parse(source)))


@cache
def _sections_of(spelling: str, kind: str) -> list[str]:
    """The templates a document is made of, in order: those its top template includes (the
    facts it imports are shared, not a section)."""
    return _read_once(environment(spelling), f"policy_{kind}.html.j2", "sections", lambda parsed: [
        str(node.template.value) for node in parsed.find_all(jinja2.nodes.Include)
        if isinstance(node.template, jinja2.nodes.Const)])


# lxml's own HTML parser without lxml.html's element classes, whose lookup per element cost
# a fifth of reading a long list back; the tree is the same. huge_tree: without it libxml2
# stops at 10,000,000 characters of text and the rest of the section is silently lost.
_PARSER = lxml.etree.HTMLParser(huge_tree=True)


def _blocks_of(html: str, number: str, project: Project, own_wording: bool) -> list[Block]:
    """A section template's output as blocks, numbered `number` if the section is numbered;
    a section of the owner's own after it takes the next number."""
    root = lxml.html.fragment_fromstring(html, create_parent="div", parser=_PARSER)
    if own_wording:
        _apply_own_wording(root, project)
    blocks: list[Block] = []
    numbered_before = 0
    for element in root:
        if element.tag == "header":
            blocks.extend(_header_blocks(element))
        elif element.tag == "section":
            numbered = element.get("data-numbered", "yes") == "yes"
            section = _section_blocks(
                element, str(int(number) + numbered_before) if numbered else "")
            numbered_before += numbered and bool(section)  # an empty one is left out
            blocks.extend(section)
    return blocks


# --- Rendering only what changed ----------------------------------------------------------
# A template's output depends only on its context and on the answers it reads. The templates'
# environment notes each answer read (an area's field, or a field of the project itself), so a
# section whose context and answers are equal to last time's gives last time's blocks.

_reading: ContextVar[list[tuple[int, str]] | None] = ContextVar("reading", default=None)


_FACTS = "sections/facts.html.j2"
# While the facts are made: the reads so far, and where each fact's reads go once it is set.
_making_facts: ContextVar[tuple[list[tuple[int, str]], dict[str, list[tuple[int, str]]]] | None] \
    = ContextVar("making_facts", default=None)


class _FactVars(dict):
    """A context's variables; while the facts are made, setting one closes the reads it took."""

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(name, value)
        making = _making_facts.get()
        if making is not None:
            reads, reads_of = making
            reads_of[name] = reads[:]
            reads.clear()


class _NotingContext(jinja2.runtime.Context):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vars = _FactVars(self.vars)


class _NotingEnvironment(Environment):
    """Jinja's environment, noting every attribute a template reads while _reading is set."""

    context_class = _NotingContext

    def getattr(self, obj: Any, attribute: str) -> Any:
        reads = _reading.get()
        if reads is not None:
            reads.append((id(obj), attribute))
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        reads = _reading.get()
        if reads is not None and isinstance(argument, str):
            reads.append((id(obj), argument))
        return super().getitem(obj, argument)


class _Facts:
    """The facts the sections share (sections/facts.html.j2), made once per render, with the
    attributes each one was made from."""

    def __init__(self, env: Environment, context: dict[str, Any]):
        reads: list[tuple[int, str]] = []
        self._reads_of: dict[str, list[tuple[int, str]]] = {}
        tokens = _reading.set(reads), _making_facts.set((reads, self._reads_of))
        try:
            self.module = env.get_template(_FACTS).make_module(context)
        finally:
            _making_facts.reset(tokens[1])
            _reading.reset(tokens[0])
        self._refers = _fact_references(env)

    def expand(self, reads: list[Any]) -> list[Any]:
        """The reads, and for each fact read what that fact was made from."""
        return [*reads, *(read for owner, name in reads if owner == id(self.module)
                          for read in self.reads(name))]

    def reads(self, name: str) -> list[tuple[int, str]]:
        """What the fact was made from, with the facts it names, and theirs."""
        found: list[tuple[int, str]] = []
        seen, waiting = set(), [name]
        while waiting:
            fact = waiting.pop()
            if fact not in seen:
                seen.add(fact)
                found += self._reads_of.get(fact, [])
                waiting += self._refers.get(fact, ())
        return found


@cache
def _fact_references(env: Environment) -> dict[str, set[str]]:
    """Fact -> the names its definition uses. Anything in the facts but `set`s (an `if`
    around some): every fact uses every name."""
    def read(parsed: jinja2.nodes.Template) -> dict[str, list[str]]:
        names = sorted({node.name for node in parsed.find_all(jinja2.nodes.Name)})
        refers: dict[str, list[str]] = {}
        for node in parsed.body:
            if isinstance(node, jinja2.nodes.Assign | jinja2.nodes.AssignBlock):
                used = sorted({name.name for name in node.find_all(jinja2.nodes.Name)
                               if name.ctx == "load"})
                # find_all finds what is under a node, never the node: a plain `set x = ...`
                # is its target itself (found none, so no fact named another, and a clause
                # reading `financial`, made of `industry`, was never written again)
                targets = [node.target] if isinstance(node.target, jinja2.nodes.Name) \
                    else node.target.find_all(jinja2.nodes.Name)
                for target in targets:
                    refers[target.name] = used
            elif not isinstance(node, jinja2.nodes.Output | jinja2.nodes.Macro):
                return dict.fromkeys(names, names)
        return refers

    found = _read_once(env, _FACTS, "references-2", read)
    return {fact: set(names) for fact, names in found.items()}


class _Answers:
    """The project's answers by path, (field,) or (area, field), as plain values taken now."""

    def __init__(self, project: Project):
        self.project = project
        self._dumps: dict[str, Any] = {}
        self._areas = {id(value): name for name in type(project).model_fields
                       if isinstance(value := getattr(project, name), BaseModel)}

    def paths(self, reads: list[Any]) -> tuple[tuple[str, ...], ...]:
        """The answers behind what a template read: a field of an area, or of the project
        (an area itself is only the way to its fields); (None, path) is a path itself."""
        paths: dict[tuple[str, ...], None] = {}
        for owner, attribute in reads:
            if owner is None:
                paths[attribute] = None
            elif owner in self._areas:
                paths[(self._areas[owner], attribute)] = None
            elif owner == id(self.project) and attribute not in self._areas.values():
                paths[(attribute,)] = None
        return tuple(paths)

    def of(self, *paths: tuple[str, ...]) -> tuple[Any, ...]:
        return tuple(self._value(path) for path in paths)

    def _value(self, path: tuple[str, ...]) -> Any:
        fields = type(self.project).model_fields
        if path[0] not in fields:  # a property or method of the project: all of it
            return self._dump("")
        dump = self._dump(path[0])
        if len(path) == 1 or path[1] not in type(getattr(self.project, path[0])).model_fields:
            return dump  # a property of an area: all of the area
        return dump[path[1]]

    def _dump(self, field: str) -> Any:
        if field not in self._dumps:
            self._dumps[field] = (self.project.model_dump(include={field})[field] if field
                                  else self.project.model_dump())
        return self._dumps[field]


class _Sections:
    """The last blocks of each section template, with what they were made from, and the
    bodies of its clauses."""

    def __init__(self) -> None:
        self._last: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._lock = threading.Lock()

    def blocks(self, slot: tuple[Any, ...], fixed: tuple[Any, ...], answers: _Answers,
               render: Callable[[_ClauseMemo], list[Block]]) -> list[Block]:
        """The blocks `render` gives (calling memo.finish once the template has run), or last
        time's for this slot if `fixed` and the answers read then are equal."""
        with self._lock:
            last = self._last.get(slot)
        if last and last[0] == fixed and answers.of(*last[1]) == last[2]:
            return last[3]
        memo = _ClauseMemo(answers, last[4] if last and last[0] == fixed else {})
        tokens = _reading.set(memo.reads), _clause_memo.set(memo)
        try:
            blocks = render(memo)
        finally:
            _clause_memo.reset(tokens[1])
            _reading.reset(tokens[0])
        paths = answers.paths(memo.reads)
        with self._lock:
            self._last[slot] = (fixed, paths, answers.of(*paths), blocks, memo.made)
        return blocks


class _ClauseMemo:
    """The clause bodies of one render of a section template, with the answers each was made
    from: its own reads and those made before it outside any clause (a clause body cannot
    change what follows it: Jinja keeps what it sets to itself). A body whose answers are as
    they were in the last render is written as it was, without running its template."""

    def __init__(self, answers: _Answers, last: dict[tuple[str, int], tuple[Any, ...]]):
        self.answers, self.last = answers, last
        self.reads: list[Any] = []  # the section's, as _reading notes them
        self.made: dict[tuple[str, int], tuple[Any, ...]] = {}
        self._outside: list[Any] = []  # the reads made outside clause bodies so far
        self._counted = 0  # self.reads up to here are sorted into outside and inside
        self._inside = False

    def body(self, clause_id: str, caller: Callable[[], str]) -> str:
        if self._inside:  # a clause inside a clause: part of the outer one's body
            return caller()
        self._outside += self.reads[self._counted:]
        key = (clause_id, sum(made == clause_id for made, _ in self.made))
        last = self.last.get(key)
        if last and self.answers.of(*last[0]) == last[1]:
            self.made[key] = last
            self.reads.extend((None, path) for path in last[0])  # the section reads them too
            text = last[2]
        else:
            inner: list[Any] = []
            token = _reading.set(inner)
            self._inside = True
            try:
                text = caller()
            finally:
                self._inside = False
                _reading.reset(token)
            self.made[key] = (self._outside + inner, None, text)  # paths once finished
            self.reads.extend(inner)
        self._counted = len(self.reads)
        return text

    def finish(self, expand: Callable[[list[Any]], list[Any]]) -> None:
        """Once the template has run: `expand` adds to reads what the facts read stand for."""
        self.reads[:] = expand(self.reads)
        for key, (reads, values, text) in self.made.items():
            if values is None:
                paths = self.answers.paths(expand(reads))
                self.made[key] = (paths, self.answers.of(*paths), text)


_clause_memo: ContextVar[_ClauseMemo | None] = ContextVar("clause_memo", default=None)


def _clause_body(clause_id: str, caller: Callable[[], str]) -> str:
    """A clause's body, as the `clause` macro writes it (see _ClauseMemo)."""
    memo = _clause_memo.get()
    return caller() if memo is None else memo.body(clause_id, caller)


_SECTIONS = _Sections()


def author_of(project: Project) -> str:
    """Who the Word file's comments and tracked changes are from: the policy owner, else the
    company."""
    company = project.company
    return company.owner_name.strip() or company.name.strip() or "Policy owner"


def _answered(comment: CounselComment, author: str) -> str:
    """Counsel's note and the owner's answer, as the comment that carries the thread on."""
    answers = " ".join(reply.text for reply in comment.replies if reply.author == author)
    return f'On {comment.author or "counsel"}\'s note "{comment.text}": {answers}'


TITLE_BLOCK = "title"  # the clause id of the title block: the policy's name, company, version


def _header_blocks(header: Any) -> list[Block]:
    kinds = {"h1": "title", "p": "subtitle"}
    blocks = [Block(kinds[child.tag], _runs(child), clause_id=TITLE_BLOCK) for child in header
              if child.tag in kinds]
    return [block for block in blocks if block.runs]


def _section_blocks(section: Any, number: str) -> list[Block]:
    section_id = section.get("id")
    body: list[Block] = []
    clause_number = 0
    for child in section:
        if child.tag == "div" and "clause" in child.get("class", ""):
            clause_body = _CLAUSES.blocks(child)
            if clause_body or child.get("data-heading-alone"):
                clause_number += 1
                heading = Block("heading2", (Run(child.get("data-title")),), child.get("id"),
                                f"{number}.{clause_number}" if number else "")
                body.extend([heading, *clause_body])
        else:
            body.extend(_content_blocks_of(child, section_id))
    if not body:
        return []
    heading = Block("heading1", (Run(section.get("data-title")),), section_id, number,
                    page_break_before=section.get("data-new-page") == "yes")
    return [heading, *body]


def _content_blocks(container: Any, clause_id: str) -> list[Block]:
    return [block for child in container for block in _content_blocks_of(child, clause_id)]


class _Clauses:
    """The body blocks of the clauses read lately, by the clause's HTML: a section rendered
    again for one answer reads its other clauses (a list of 500 rows) from here, and gives
    the very same blocks, which the preview then passes over."""

    KEPT = 2_000  # clauses (a document has about a hundred)

    def __init__(self) -> None:
        self._blocks: dict[bytes, list[Block]] = {}
        self._lock = threading.Lock()

    def blocks(self, clause: Any) -> list[Block]:
        key = lxml.etree.tostring(clause, with_tail=False)
        with self._lock:
            found = self._blocks.pop(key, None)  # put back last: the oldest go first
        if found is None:
            found = _content_blocks(clause, clause.get("id"))
        with self._lock:
            self._blocks[key] = found
            if len(self._blocks) > self.KEPT:
                del self._blocks[next(iter(self._blocks))]
        return found


_CLAUSES = _Clauses()


def _content_blocks_of(element: Any, clause_id: str) -> list[Block]:
    tag = element.tag
    if tag == "p":
        kind = "signature" if "signature" in element.get("class", "") else "paragraph"
        runs = _runs(element)
        return [Block(kind, runs, clause_id, about=element.get("data-about", ""))] if runs else []
    if tag in ("ul", "ol"):
        kind = "bullet" if tag == "ul" else "numbered"
        items = ((_runs(li), li.get("data-about", "")) for li in element if li.tag == "li")
        return [Block(kind, runs, clause_id, about=about) for runs, about in items if runs]
    if tag == "table":
        rows = tuple(tuple(_text(cell) for cell in row if cell.tag in ("th", "td"))
                     for row in element.iter("tr"))
        return [Block("table", (), clause_id, rows=rows)] if len(rows) > 1 else []
    raise ValueError(f"template wrote <{tag}>, which the document does not know")


def _runs(element: Any) -> tuple[Run, ...]:
    """The element's text as runs, whitespace collapsed; empty when there are no words."""
    if not len(element):  # plain text, as most list items are
        text = element.text or ""
        # Text with no whitespace but single spaces (isprintable: none but " ") is as it is;
        # else as _WHITESPACE, many times faster. A 10 MB name: 2 ms, not 140.
        text = text.strip(" ") if "  " not in text and text.isprintable() else \
            " ".join(text.split())
        return (Run(text),) if text else ()
    pieces = [Run(element.text or "")]
    for child in element:
        if child.tag != "strong":
            raise ValueError(f"template wrote <{child.tag}> inside <{element.tag}>")
        pieces += [Run("".join(child.itertext()), strong=True), Run(child.tail or "")]
    runs: list[Run] = []
    ends_with_space = True  # so leading space is dropped
    for piece in pieces:
        text = _WHITESPACE.sub(" ", piece.text)
        if ends_with_space:
            text = text.lstrip(" ")
        if text:
            runs.append(Run(text, piece.strong))
            ends_with_space = text.endswith(" ")
    if runs:
        runs[-1] = Run(runs[-1].text.rstrip(" "), runs[-1].strong)
    return tuple(run for run in runs if run.text)


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())  # faster than text_content()


# --- The owner's own wording -----------------------------------------------------------------
# A clause's text as one editable string: a line per paragraph, "- " for a bullet, "1. " for a
# numbered step and "| a | b |" for a table row (the first row of a table is its header).

_NUMBERED = re.compile(r"^\d+\.\s+")
_CELL_SEPARATOR = " | "


def clause_text(blocks: list[Block] | tuple[Block, ...]) -> str:
    """The body of a clause (its blocks after the heading) as the owner edits it."""
    lines: list[str] = []
    step = 0
    for block in blocks:
        step = step + 1 if block.kind == "numbered" else 0
        body = "".join(run.text for run in block.runs)
        if block.kind == "bullet":
            lines.append(f"- {body}")
        elif block.kind == "numbered":
            lines.append(f"{step}. {body}")
        elif block.kind == "table":
            lines.extend(f"| {_CELL_SEPARATOR.join(row)} |" for row in block.rows)
        else:
            lines.append(body)
    return "\n".join(lines)


def clause_texts(document: Document) -> dict[str, str]:
    """Clause (and section) id -> its text as clause_text writes it, in document order; the
    title block's lines (title, company, version and effective date, owner) under its id."""
    bodies: dict[str, list[Block]] = {}
    for block in document.blocks:
        if block.kind in ("heading1", "heading2"):
            bodies.setdefault(block.clause_id, [])
        elif block.kind in ("title", "subtitle"):  # a part without a heading: all body
            bodies.setdefault(block.clause_id, []).append(block)
        elif block.clause_id in bodies:
            bodies[block.clause_id].append(block)
    return {clause_id: clause_text(blocks) for clause_id, blocks in bodies.items()}


def generated_texts(project: Project) -> dict[str, str]:
    """Every clause's generated text, without the owner's wording: the project's kind of
    document's, and the other kind's for clauses it does not have (a clause in both may read
    differently in each: the acknowledgement)."""
    kind = DocumentType(project.company.document_type)
    texts: dict[str, str] = {}
    for each in sorted(DocumentType, key=lambda other: other == kind):  # the project's last
        texts.update(clause_texts(render_document(project, each, own_wording=False)))
    return texts


def stale_wording(project: Project,
                  document: Callable[[], Document] | None = None) -> dict[str, str]:
    """Clause id -> the new generated text, for each wording whose generated text has changed
    since the owner wrote it (the answers behind the clause were edited) where the wording
    cannot follow the answers (following_answers): the answers changed words the owner (or
    counsel) changed too. An answer emptied leaves a shown clause no generated text at all.
    `document`: gives the project rendered, when the caller keeps it."""
    if not project.wording:
        return {}
    generated = generated_texts(project)
    shown = clause_texts(document() if document else render_document(project))
    return {w.clause_id: generated.get(w.clause_id, "") for w in project.wording
            if not w.title_only and (w.clause_id in generated or w.clause_id in shown)
            and following_answers(w, generated.get(w.clause_id, "")) is None}


# What a merge moves: a word or a mark, with the space after it (so changes to two words next
# to each other touch: "a written" -> "a final written" and "a formal" conflict)
_TOKENS = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
_WORDS = re.compile(r"\w+")
REFINED = 2_000  # words: a longer stretch of changed lines is one change, not merged word by
# word (SequenceMatcher's time grows with the square: 20,000 words took 34 s)


def following_answers(wording: ClauseWording, generated: str) -> str | None:
    """The wording with the changes the answers have made to the generated text since it was
    written (a new company name, a platform added), or None where it cannot follow them (it
    then stays as written, and the stale bar asks).

    A three-way merge, as diff3 does it: the changes from based_on to the wording and from
    based_on to the generated text, line by line and, inside changed lines, word by word,
    applied together; any two that overlap or touch are a conflict. So is a merge that keeps a
    word the answers took out (the old company name in a sentence counsel added), brings back a
    line the wording took out (a list reordered) or has a line more often than either side (an
    item both added). (Breezy's merge3 is GPL, and diff-match-patch applies its patches
    fuzzily: in a policy a change goes where it was made, or nowhere.)"""
    if generated == wording.based_on:
        return wording.text
    base, *sides = (text.splitlines(keepends=True)
                    for text in (wording.based_on, wording.text, generated))
    words = [_TOKENS.findall(line) for line in base]
    starts = list(accumulate(map(len, words), initial=0))
    changes = sorted({change for side in sides for change in _changes(base, words, starts, side)})
    if any(later[0] <= earlier[1] for earlier, later in pairwise(changes)):
        return None
    merged, at, flat = [], 0, [word for line in words for word in line]
    for start, end, new in changes:
        merged += [*flat[at:start], *new]
        at = end
    text = "".join(merged + flat[at:])
    return text if _keeps_both(wording.based_on, wording.text, generated, text) else None


def _changes(base: list[str], words: list[list[str]], starts: list[int],
             side: list[str]) -> Iterable[tuple[int, int, tuple[str, ...]]]:
    """One side's changes to base: (first word, word after the last, the new words)."""
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, side, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        old = [word for line in words[i1:i2] for word in line]
        new = [word for line in side[j1:j2] for word in _TOKENS.findall(line)]
        if tag != "replace" or len(old) + len(new) > REFINED:
            yield starts[i1], starts[i2], tuple(new)
            continue
        for kind, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
            if kind != "equal":
                yield starts[i1] + a1, starts[i1] + a2, tuple(new[b1:b2])


def _keeps_both(base: str, mine: str, theirs: str, merged: str) -> bool:
    """Whether a merge without overlapping changes says what both sides meant (see
    following_answers)."""
    gone = {w.casefold() for w in _WORDS.findall(base)} - \
        {w.casefold() for w in _WORDS.findall(theirs)}
    if any(w.casefold() in gone for w in _WORDS.findall(merged)):
        return False
    before, kept, answered, result = (Counter(line.strip() for line in text.splitlines())
                                      for text in (base, mine, theirs, merged))
    return all(count <= max(kept[line], answered[line], 1)  # a line both changed: once
               and not (kept[line] < before[line] and count > kept[line])
               for line, count in result.items())


def _apply_own_wording(root: Any, project: Project) -> None:
    sections = {element.get("id"): element for element in root if element.tag == "section"}
    for own in project.owner_clauses:  # the owner's sections first: their rules go in them
        if not own.section_id and own.after in sections:
            section = lxml.html.Element("section", {"id": own.id,
                                                    "data-title": xml_safe(own.title)})
            section.extend(_elements(own.text))
            sections[own.after].addnext(section)
            sections[own.id] = section
    for own in project.owner_clauses:
        if not own.section_id:
            continue
        section = sections.get(own.section_id)
        if section is None:
            continue
        clause = lxml.html.Element("div", {"class": "clause", "id": own.id,
                                           "data-title": xml_safe(own.title)})
        clause.extend(_elements(own.text))
        clauses = [child for child in section if _is_clause(child)]
        after = next((c for c in clauses if c.get("id") == own.after), None)
        if after is not None:
            after.addnext(clause)
        elif own.after or not clauses:
            section.append(clause)
        else:
            clauses[0].addprevious(clause)
    by_id = {element.get("id"): element for element in root.iter("div", "section")
             if _is_clause(element) or element.tag == "section"}
    for wording in project.wording:
        element = by_id.get(wording.clause_id)
        if element is None:
            continue
        if wording.title.strip():
            element.set("data-title", xml_safe(wording.title.strip()))
        if wording.title_only:  # the generated words stay, following the answers
            continue
        if wording.title.strip() and not wording.text.strip():  # counsel kept the heading alone
            element.set("data-heading-alone", "yes")
        body = [child for child in element if not _is_clause(child)]
        anchor = body[0] if body else next(iter(element), None)
        text = following_answers(wording, clause_text(_content_blocks(body, wording.clause_id)))
        for new in _signed(_labelled(_elements(wording.text if text is None else text), body),
                           body):
            if anchor is None:
                element.append(new)
            else:
                anchor.addprevious(new)
        for old in body:
            element.remove(old)


def _signed(elements: list[Any], generated: list[Any]) -> list[Any]:
    """The own wording's paragraphs, those that stand for the generated signature lines (a
    label of a few words beginning as theirs do, in their order: "Date signed" for "Date")
    again lines to sign on: the wording keeps no formatting, and any change counsel made in
    the acknowledgement form turned its lines into plain paragraphs, with nowhere to sign.
    A label counsel added among or after them ("Employee ID") is one too, as counsel typed
    it in their style (it came out a plain paragraph), and so is each after a line counsel
    took out (waiting for "Job title", "Signature" and "Date" came out plain); found by a
    tester."""
    waiting = [child.text_content().split()[:1] for child in generated
               if child.tag == "p" and "signature" in child.get("class", "")]
    signing = False
    for element in elements:
        text = element.text_content().strip() if element.tag == "p" else ""
        words = text.lower().split()
        if not 0 < len(words) <= _SIGNATURE_WORDS:
            continue
        if waiting and words[:1] == [word.lower() for word in waiting[0]]:
            waiting.pop(0)
            signing = True
        elif not signing or text.endswith((".", "!", "?", ":")):  # a sentence, not a label
            continue
        element.set("class", "signature")
    return elements


def _labelled(elements: list[Any], generated: list[Any]) -> list[Any]:
    """The own wording's paragraphs and items, each label the generated text writes in bold
    ("Shared passwords:", "Who checks them:") in bold again where it begins the paragraph or
    follows a space: the wording keeps no formatting, and counsel's one new word in a clause
    made every label in it plain (found by a tester)."""
    labels = sorted({strong.text_content() for child in generated for strong in child.iter(
        "strong") if strong.text_content().strip().endswith(":")}, key=len, reverse=True)
    for target in (node for element in elements for node in element.iter("p", "li")):
        text = target.text or ""
        at, label = next(((at, label) for label in labels for at in [text.find(label)]
                          if at == 0 or at > 0 and text[at - 1] == " "), (-1, ""))
        if label:
            strong = lxml.html.Element("strong")
            strong.text, strong.tail, target.text = label, text[at + len(label):], text[:at]
            target.insert(0, strong)
    return elements


# A signature line's label is a few words ("Employee name", "Date signed"), never a sentence.
_SIGNATURE_WORDS = 5


def _is_clause(element: Any) -> bool:
    return element.tag == "div" and "clause" in element.get("class", "")


def _elements(text: str) -> list[Any]:
    """clause_text's lines back as the template's HTML subset."""
    elements: list[Any] = []
    lines = _lines(xml_safe(text))
    rows = [line.startswith("|") and line.endswith("|") and len(line) > 1 for line in lines]
    # a table: two rows or more, the first its header (one row alone is a paragraph)
    in_table = [row and (above or below) for row, above, below
                in zip(rows, [False, *rows], [*rows[1:], False], strict=False)]
    for index, line in enumerate(lines):
        if line.startswith("- ") or _NUMBERED.match(line):
            tag = "ul" if line.startswith("- ") else "ol"
            if not elements or elements[-1].tag != tag:
                elements.append(lxml.html.Element(tag))
            item = lxml.html.Element("li")
            item.text = line[2:] if tag == "ul" else _NUMBERED.sub("", line)
            elements[-1].append(item)
        elif in_table[index]:
            if not elements or elements[-1].tag != "table":
                elements.append(lxml.html.Element("table"))
            row = lxml.html.Element("tr")
            cell_tag = "th" if len(elements[-1]) == 0 else "td"
            for text_of_cell in line[1:-1].split(_CELL_SEPARATOR.strip()):
                cell = lxml.html.Element(cell_tag)
                cell.text = text_of_cell.strip()
                row.append(cell)
            elements[-1].append(row)
        else:
            paragraph = lxml.html.Element("p")
            paragraph.text = line
            elements.append(paragraph)
    return elements


def own_wording(project: Project, clause_id: str, text: str,
                title: str = "") -> ClauseWording | None:
    """The wording to keep for a clause, noting the generated text it replaces. Words the app
    writes now are nobody's own: kept, they would stop following the answers, so a new title
    alone is kept (title_only), or no wording at all."""
    generated = generated_texts(project).get(clause_id)
    if text != generated:
        return ClauseWording(clause_id=clause_id, title=title, text=text,
                             based_on=generated or "")
    return ClauseWording(clause_id=clause_id, title=title, title_only=True) if title else None
