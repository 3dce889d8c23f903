"""Markup as Word and Google Docs write it, for constructs the LibreOffice lawyers cannot make
through UNO (a tracked row deletion, a paragraph split in two, a list item reworded beside a
new one, suggestions without ids or dates): what the owner is offered and what accepting it
puts in the project.
"""

from __future__ import annotations

import copy

import docx
import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import CounselNote
from smpolicy_desktop.render import clause_texts, stale_wording
from smpolicy_desktop.review import Decision
from smpolicy_desktop.workspace import Workspace
from tests.docx_projects import OWNER
from tests.test_counsel_markup_lists import (
    SOURCE_CODE,
    _bullet_after,
    _delete_paragraph,
    _row_with,
)
from tests.test_review_import import (
    COUNSEL,
    QUESTION,
    W14,
    W15,
    _change,
    _mark_paragraph,
    _new_paragraph,
    _paragraph,
    _run,
    _split,
    export_for_counsel,
    marked_paragraphs,
    w,
)
from tests.test_review_other_editors import (
    _relate,
    element,
    offered,
    on_body,
    reply_of,
    rewrite,
    xml_edit,
)

CONSEQUENCES = "serious breaches may lead to discipline"


@pytest.fixture
def sent(tmp_path):
    return export_for_counsel(tmp_path)


def accept_all(workspace, read):
    return workspace.apply_review(read, {i.id: Decision("accept") for i in read.items})


def test_a_paragraph_split_in_two_says_so_in_words(sent, tmp_path):
    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        second = copy.deepcopy(p)
        p.find(f"{w('r')}/{w('t')}").text = "Coaching first;"
        second.find(f"{w('r')}/{w('t')}").text = " " + CONSEQUENCES + "."
        _mark_paragraph(p, "ins", 990)
        p.addnext(second)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "training.consequences", "\u00b6 (new paragraph)")}
    accept_all(workspace, read)
    assert clause_texts(workspace.document())["training.consequences"].startswith(
        f"Coaching first;\n{CONSEQUENCES}.\n")


def test_a_matrix_row_word_deleted_leaves_the_answer_not_a_frozen_table(sent, tmp_path):
    def edit(root) -> None:
        row = _row_with(root, "Abuse or spam")
        row.find(w("trPr")).append(_change("del", 991))
        for run in list(row.iter(w("r"))):
            run.getparent().replace(run, _change("del", 992, _run("".join(run.itertext()),
                                                                  deleted=True)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    (kind, clause_id, text), = offered(read)
    assert (kind, clause_id) == ("deletion", "responses.matrix")
    assert text.startswith("Abuse or spam | Respond to the abuse or spam calmly")
    outcome = accept_all(workspace, read)
    assert "Abuse or spam" not in [r.situation for r in workspace.project.responses.response_matrix]
    assert workspace.project.wording == [], outcome.done


def test_a_list_item_reworded_beside_a_new_one(sent, tmp_path):
    """Both go into the list: the reworded item in its place, the new one where it was put."""
    def edit(root) -> None:
        body = root.find(w("body"))
        item = _paragraph(body, "Unreleased projects")
        _split(item, "projects", lambda text: _change("del", 993, _run(text, deleted=True)))
        item.append(_change("ins", 994, _run("products and prices")))
        _bullet_after(_paragraph(body, "Financial results"), SOURCE_CODE, 995)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    accept_all(workspace, read)
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", "Unreleased products and prices", "Financial results",
        SOURCE_CODE]
    assert workspace.project.wording == []


def test_accepting_one_of_two_bullets_counsel_added(sent, tmp_path):
    def edit(root) -> None:
        body = root.find(w("body"))
        for number, (after, text) in enumerate([("Client files and client data", SOURCE_CODE),
                                                ("Financial results", "Board minutes")]):
            before = _paragraph(body, after)
            added = copy.deepcopy(before)
            for run in added.findall(w("r")):
                added.remove(run)
            added.append(_change("ins", 997 + 2 * number, _run(text)))
            _mark_paragraph(before, "ins", 998 + 2 * number)
            before.addnext(added)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    board = next(i.id for i in read.items if i.text == "Board minutes")
    source = next(i.id for i in read.items if i.text == SOURCE_CODE)
    workspace.apply_review(read, {board: Decision("accept"), source: Decision("reject")})
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", "Unreleased projects", "Financial results",
        "Board minutes"]


def test_a_deleted_bullet_with_a_comment_on_it(sent, tmp_path):
    """Word keeps the comment's range in the deleted item: the comment is still listed on
    its clause, and the item leaves the list."""
    def edit(root) -> None:
        item = _paragraph(root.find(w("body")), "Financial results")
        _delete_paragraph(item, 1001)
        item.insert(1, element("commentRangeStart", id="70"))
        item.append(element("commentRangeEnd", id="70"))
        item.append(element("r", element("commentReference", id="70")))

    def comment(parts) -> None:
        from lxml import etree

        comments = etree.fromstring(parts["word/comments.xml"])
        note = element("comment", element("p", _run("Results are public once filed.")),
                       id="70", author=COUNSEL, date="2026-12-01T10:00:00Z")
        comments.append(note)
        parts["word/comments.xml"] = etree.tostring(comments)

    workspace, read = reply_of(sent, tmp_path, on_body(edit), comment)
    assert offered(read) == {
        ("deletion", "employees.confidential", "Financial results"),
        ("comment", "employees.confidential", "Results are public once filed.")}
    accept_all(workspace, read)
    assert workspace.project.employees.confidential_info == [
        "Client files and client data", "Unreleased projects"]
    assert [c.clause_id for c in workspace.project.counsel_comments] == [
        "employees.confidential"]


def test_a_google_docs_suggestion_without_id_or_date(sent, tmp_path):
    def edit(root) -> None:
        suggestion = element("ins", _run(" We will put any warning in writing."),
                             author="Sam Counsel")
        _paragraph(root, CONSEQUENCES).append(suggestion)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    item, = read.items
    assert (item.kind, item.author, item.date) == ("insertion", "Sam Counsel", None)
    accept_all(workspace, read)
    assert workspace.project.training.consequences.endswith("We will put any warning in writing.")


def test_a_numbered_step_counsel_adds_and_one_counsel_deletes(sent, tmp_path):
    """The steps renumber themselves; the list answer gets the new step in its place."""
    def edit(root) -> None:
        body = root.find(w("body"))
        first = _paragraph(body, "Pause all scheduled posts")
        added = copy.deepcopy(first)
        for run in added.findall(w("r")):
            added.remove(run)
        added.append(_change("ins", 1010, _run("Save copies of what was posted")))
        _mark_paragraph(first, "ins", 1011)
        first.addnext(added)
        _delete_paragraph(_paragraph(body, "Call our lawyer"), 1012)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    accept_all(workspace, read)
    assert workspace.project.responses.first_steps == [
        "Pause all scheduled posts", "Save copies of what was posted",
        "Tell the escalation chain"]
    assert workspace.project.wording == []


def test_a_reviewer_counsel_adds_and_a_status_counsel_changes(sent, tmp_path):
    """A status is a choice: read by its label, the reviewers stay an answer."""
    def edit(root) -> None:
        row = _row_with(root, "In review")
        added = copy.deepcopy(row)
        added.find(w("trPr")).append(_change("ins", 1020))
        for node, text in zip(added.iter(w("t")), ("HR lead", "Kim Lo", "Approved"),
                              strict=True):
            node.text = text
        for run in list(added.iter(w("r"))):
            run.getparent().replace(run, _change("ins", 1021, copy.deepcopy(run)))
        row.addnext(added)
        status = next(p for p in row.iter(w("p")) if "".join(p.itertext()) == "In review")
        _split(status, "In review", lambda text: _change("del", 1022, _run(text, deleted=True)))
        status.append(_change("ins", 1023, _run("Changes requested")))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    accept_all(workspace, read)
    reviewers = workspace.project.review.reviewers
    assert [(r.role, r.name, r.status.label) for r in reviewers] == [
        ("Company lawyer", "Lee Park", "Changes requested"), ("HR lead", "Kim Lo", "Approved")]
    assert workspace.project.wording == []


def test_a_whole_section_deleted_in_one_change_removes_each_clause(sent, tmp_path):
    """One deletion from the section's heading to the next section's: every clause it runs
    over is removed when it is accepted, each named as it was numbered in the file."""
    def edit(root) -> None:
        body = root.find(w("body"))
        start = next(p for p in body.iter(w("p")) if any(
            b.get(w("name")) == "smp_content" for b in p.iter(w("bookmarkStart"))))
        p = start
        while not any(b.get(w("name")) == "smp_responses" for b in p.iter(w("bookmarkStart"))):
            following = p.getnext()
            if p.tag == w("p"):
                _delete_paragraph(p, 1030)
            p = following

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    (kind, clause_id, text), = offered(read)
    assert (kind, clause_id) == ("deletion", "content") and text.startswith("5 Use of our")
    outcome = accept_all(workspace, read)
    headings = workspace.document().clauses()
    assert not [c for c in headings if c.startswith("content")]
    assert headings["responses"].startswith("5 ")  # the sections after it renumbered
    assert [line.split(":")[0] for line in outcome.done] == [
        "5 Use of our content", "5.1 Sharing and reusing our content", "5.2 Our name and logo",
        "5.3 Comments on our pages", "5.4 Reposting other people's content"]


def test_a_clause_deleted_without_tracking_is_listed_not_lost(sent, tmp_path):
    """The clause's paragraphs, bookmark and all, simply gone: listed as taken out."""
    def edit(root) -> None:
        body = root.find(w("body"))
        p = _paragraph(body, "4.7 AI tools and fake images")
        while "4.8 Other people" not in "".join(p.itertext()):
            following = p.getnext()
            body.remove(p)
            p = following

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    (kind, clause_id, text), = offered(read)
    assert (kind, clause_id) == ("untracked edit", "employees.ai")
    assert text.startswith("taken out: 4.7 AI tools and fake images")
    accept_all(workspace, read)
    assert "employees.ai" not in workspace.document().clauses()


def test_the_owners_question_marked_done_is_listed(sent, tmp_path):
    """Word (and LibreOffice) mark a comment done in commentsExtended, without saying who:
    the owner is told their question was marked done, and it is kept with the question."""
    def done(parts) -> None:
        from lxml import etree

        comments = etree.fromstring(parts["word/comments.xml"])
        question = next(c for c in comments.iter(w("comment"))
                        if QUESTION in "".join(c.itertext()))
        question.find(w("p")).set(f"{{{W14}}}paraId", "4000000A")
        parts["word/comments.xml"] = etree.tostring(comments)
        extended = etree.Element(f"{{{W15}}}commentsEx", nsmap={"w15": W15})
        etree.SubElement(extended, f"{{{W15}}}commentEx",
                         {f"{{{W15}}}paraId": "4000000A", f"{{{W15}}}done": "1"})
        parts["word/commentsExtended.xml"] = etree.tostring(extended)
        _relate(parts, "commentsExtended.xml",
                "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "commentsExtended+xml")

    workspace, read = reply_of(sent, tmp_path, done)
    item, = read.items
    assert (item.kind, item.clause_id, item.text, item.owner_note, item.resolved) == (
        "comment", "training.monitoring", f"Marked done: \"{QUESTION}\"", QUESTION, True)
    assert item.listed_as == "comment (resolved)"  # the window's list and import-review's
    accept_all(workspace, read)
    kept, = workspace.project.counsel_comments
    assert (kept.about_note, kept.resolved) == (QUESTION, True)


def _comments_taken_out(root) -> None:
    for mark in [*root.iter(w("commentRangeStart"), w("commentRangeEnd"),
                            w("commentReference"), w("comment"))]:
        mark.getparent().remove(mark)


def test_a_question_counsel_took_out_unanswered_is_listed(sent, tmp_path, capsys):
    """Counsel deleted the owner's question, comment and all: the reply read "no changes or
    comments", accepting it said "Every change and comment in it was decided before", and
    the question stayed open without a word. It is listed, named."""
    project_file, sent_docx = sent
    reply = rewrite(sent_docx, tmp_path / "reply.docx", on_body(_comments_taken_out),
                    xml_edit("word/comments.xml", _comments_taken_out))
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(reply)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].endswith("the reply to v1 (sent to counsel), 1 comment")
    assert listed[1].split("\t")[1:3] == ["comment", "7.3 Monitoring of company systems"]
    assert listed[1].endswith(f"\tCounsel took out your question without answering it: "
                              f"\"{QUESTION}\"")


def test_a_reply_with_nothing_in_it_says_so(sent, capsys):
    """A reply with no changes said "Every change and comment in it was decided before";
    a question asked after the file was sent is not one counsel took out of it."""
    project_file, sent_docx = sent
    workspace = Workspace.open(project_file)
    workspace.project.review.notes_to_counsel.append(
        CounselNote(clause_id="employees.ai", question="Is 4.7 too strict?"))
    workspace.save()
    capsys.readouterr()
    assert main(["import-review", str(project_file), str(sent_docx), "--accept", "all"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        "It has no changes or comments: nothing to do"]


def test_a_change_inside_a_word_is_shown_in_its_sentence(sent, tmp_path):
    """Word splits a run mid-word: 'disciplin' + deleted 'e' + inserted 'ary action'. Each
    piece alone means little, so each item comes with its sentence without and with it, the
    other half of the replacement with it (not "disciplineary action")."""
    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        _split(p, "e.", lambda text: _change("del", 1040, _run("e", deleted=True)))
        p.find(w("del")).addnext(_change("ins", 1041, _run("ary action")))
        p.find(w("del")).getnext().getnext().find(w("t")).text = "."

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    by_text = {i.text: i for i in read.items}
    assert set(by_text) == {"e", "ary action"}
    disciplinary = CONSEQUENCES[:-1] + "ary action"
    for half in by_text.values():
        assert read.in_context(half) == (
            f"Coaching first; {CONSEQUENCES}.", f"Coaching first; {disciplinary}.")
    assert read.in_context(by_text["ary action"], rejected={by_text["e"].id}) == (
        f"Coaching first; {CONSEQUENCES}.", f"Coaching first; {CONSEQUENCES}ary action.")
    accept_all(workspace, read)
    assert "may lead to disciplinary action." in clause_texts(workspace.document())[
        "training.consequences"]


@pytest.mark.parametrize("added", [
    ", confirmed\u00a0in\u00a0writing",  # Word's non-breaking spaces (Ctrl+Shift+Space)
    ".  We confirm any warning in writing"])  # two spaces after a full stop
def test_counsels_spaces_do_not_freeze_the_clause(sent, tmp_path, added):
    """The policy shows a run of spaces, non-breaking ones too, as one: counsel's words
    typed with them still go into the answer, so the clause keeps following the answers."""
    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        _split(p, "discipline", _run)
        p.find(f"{w('r')}[2]").addnext(_change("ins", 1050, _run(added)))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = accept_all(workspace, read)
    assert workspace.project.training.consequences == \
        f"Coaching first; {CONSEQUENCES}{' '.join(added.split())}."
    assert workspace.project.wording == [], outcome.done


def _shorter_confidential_heading(root) -> None:
    """Counsel takes "business " out of 4.6's heading, and changes nothing under it."""
    heading = next(p for p in root.iter(w("p")) if any(
        mark.get(w("name")) == "smp_employees_confidential"
        for mark in p.iter(w("bookmarkStart"))))
    _split(heading, "business ", lambda text: _change("del", 1060, _run(text, deleted=True)))


def test_a_heading_counsel_reworded_is_shown_as_it_reads(sent, tmp_path):
    """The selected change is shown in its sentence, a clause's title too: counsel taking
    "business " out of 4.6's heading reads "Confidential information" with the change."""
    workspace, read = reply_of(sent, tmp_path, on_body(_shorter_confidential_heading))
    item, = read.items
    assert (item.kind, item.clause_id, item.text) == (
        "deletion", "employees.confidential", "business ")
    assert read.in_context(item) == (
        "Confidential business information", "Confidential information")
    accept_all(workspace, read)
    assert workspace.document().clauses()["employees.confidential"] == \
        "4.6 Confidential information"


def test_a_clause_counsel_only_retitled_still_follows_the_answers(sent, tmp_path):
    """Counsel renames 4.6 "Confidential information" and leaves its words alone; later the
    owner adds "Prices before launch" to what counts as confidential. The clause kept its old
    list under the new title, in the preview and in Word (the window only said "your wording
    may be out of date"): its whole text had been kept as counsel's. Only the title is now."""
    workspace, read = reply_of(sent, tmp_path, on_body(_shorter_confidential_heading))
    assert accept_all(workspace, read).done == [
        "4.6 Confidential business information: kept counsel's title"]
    listed = workspace.project.employees.confidential_info
    workspace.set_value(("employees", "confidential_info"), [*listed, "Prices before launch"])
    assert workspace.document().clauses()["employees.confidential"] == \
        "4.6 Confidential information"
    assert clause_texts(workspace.document())["employees.confidential"].splitlines()[
        len(listed) + 1] == "- Prices before launch"
    word = [p.text for p in docx.Document(workspace.export(tmp_path / "p.docx")).paragraphs]
    at = word.index("4.6 Confidential information")
    assert "Prices before launch" in word[at + 2:at + len(listed) + 3]  # under its first line
    assert stale_wording(workspace.project) == {}  # nothing of the owner's to be out of date


def test_counsels_title_stays_when_their_next_reply_adds_to_the_clause(sent, tmp_path):
    """Counsel renamed 4.6 in their first reply; in the next they add an item to its list,
    which goes into the answer: the clause keeps counsel's title and shows the item."""
    workspace, read = reply_of(sent, tmp_path, on_body(_shorter_confidential_heading))
    accept_all(workspace, read)
    second = workspace.export(tmp_path / "second.docx", remember=True)
    workspace.save()

    def add(root) -> None:
        _bullet_after(_paragraph(root.find(w("body")), "Financial results"), SOURCE_CODE, 995)

    workspace, read = reply_of((workspace.path, second), tmp_path, on_body(add))
    accept_all(workspace, read)
    assert workspace.project.employees.confidential_info[-1] == SOURCE_CODE
    assert workspace.document().clauses()["employees.confidential"] == \
        "4.6 Confidential information"
    assert f"- {SOURCE_CODE}" in clause_texts(workspace.document())["employees.confidential"]


def test_counsels_title_and_item_in_one_reply_are_both_kept(sent, tmp_path):
    """In one reply counsel renames 4.6 and adds an item to its list: the item goes into the
    answer and the clause shows counsel's title too (the title had been dropped)."""
    def retitle_and_add(root) -> None:
        _shorter_confidential_heading(root)
        _bullet_after(_paragraph(root.find(w("body")), "Financial results"), SOURCE_CODE, 995)

    workspace, read = reply_of(sent, tmp_path, on_body(retitle_and_add))
    done = accept_all(workspace, read).done
    assert "4.6 Confidential business information: kept counsel's title" in done, done
    assert workspace.project.employees.confidential_info[-1] == SOURCE_CODE
    assert workspace.document().clauses()["employees.confidential"] == \
        "4.6 Confidential information"
    assert f"- {SOURCE_CODE}" in clause_texts(workspace.document())["employees.confidential"]
    assert stale_wording(workspace.project) == {}  # the words still follow the answers


def test_a_lawyer_marking_up_on_the_owners_computer_is_heard(sent, tmp_path):
    """Word names each change and comment by its user, here the owner's name (counsel sat
    with the owner at their computer). The file sent held no change of the owner's, and their
    own comments are the questions written when it was sent: all else is counsel's."""
    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        added = _change("ins", 1070, _run(" We will put any warning in writing."))
        added.set(w("author"), OWNER)
        p.append(added)
        p.append(element("r", element("commentReference", id="71")))

    def comment(parts) -> None:
        from lxml import etree

        comments = etree.fromstring(parts["word/comments.xml"])
        comments.append(element("comment", element("p", _run("Is a warning enough?")),
                                id="71", author=OWNER, date="2026-12-01T10:00:00Z"))
        parts["word/comments.xml"] = etree.tostring(comments)

    workspace, read = reply_of(sent, tmp_path, on_body(edit), comment)
    assert offered(read) == {
        ("insertion", "training.consequences", "We will put any warning in writing."),
        ("comment", "training.consequences", "Is a warning enough?")}
    assert {item.author for item in read.items} == {OWNER}
    accept_all(workspace, read)
    assert workspace.project.training.consequences.endswith("We will put any warning in writing.")
    assert [c.text for c in workspace.project.counsel_comments] == ["Is a warning enough?"]


def test_counsels_heading_left_with_no_rule_under_it_is_kept(sent, tmp_path):
    """Counsel shortens 4.13's heading to "Privacy" and deletes both its paragraphs: the
    owner was told "kept counsel's wording" and the clause was gone, heading and all. A
    heading with no rule under it keeps its words as the rule, as a new clause of only a
    heading does."""
    def edit(root) -> None:
        body = root.find(w("body"))
        heading = next(p for p in body.iter(w("p")) if any(
            mark.get(w("name")) == "smp_employees_privacy" for mark in p.iter(w("bookmarkStart"))))
        _split(heading, " and posts that last", lambda text: _change("del", 1080, _run(
            text, deleted=True)))
        _delete_paragraph(_paragraph(body, "Posts last."), 1081)
        _delete_paragraph(_paragraph(body, "Do not post personal details"), 1083)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = accept_all(workspace, read)
    assert outcome.done == ["4.13 Privacy and posts that last: kept counsel's wording"]
    assert clause_texts(workspace.document())["employees.privacy"] == "Privacy"


def test_counsels_heading_kept_over_a_deleted_body_stays(sent, tmp_path):
    """Counsel deletes both paragraphs of 4.13 and leaves its heading: the owner was told
    "kept counsel's wording" while the clause went, heading and all, and 4.14 became 4.13.
    The heading stays, alone, as counsel left it, and the owner is told so."""
    def edit(root) -> None:
        body = root.find(w("body"))
        _delete_paragraph(_paragraph(body, "Posts last."), 1081)
        _delete_paragraph(_paragraph(body, "Do not post personal details"), 1083)

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    outcome = accept_all(workspace, read)
    assert outcome.done == ["4.13 Privacy and posts that last: its words removed, as counsel "
                            "deleted them; its heading stays, as counsel left it (Revert to the "
                            "generated wording brings the words back)"]
    document = workspace.document()
    assert document.clauses()["employees.privacy"] == "4.13 Privacy and posts that last"
    assert clause_texts(document)["employees.privacy"] == ""
    assert document.clauses()["employees.recruiting"].startswith("4.14 ")


def test_an_answer_typed_into_the_owners_own_comment_is_heard(sent, tmp_path):
    """Counsel answers the owner's question by typing under it, in the owner's comment (Word
    and LibreOffice let anyone edit a comment; it keeps its author): the words are counsel's
    reply to that question, not part of the owner's own note."""
    def typed(parts) -> None:
        from lxml import etree

        comments = etree.fromstring(parts["word/comments.xml"])
        question = next(c for c in comments.iter(w("comment"))
                        if QUESTION in "".join(c.itertext()))
        question.append(element("p", _run("Yes, it is enough for Ohio. ML")))
        parts["word/comments.xml"] = etree.tostring(comments)

    workspace, read = reply_of(sent, tmp_path, typed)
    item, = read.items
    assert (item.kind, item.clause_id, item.text, item.owner_note) == (
        "reply", "training.monitoring", "Yes, it is enough for Ohio. ML", QUESTION)
    accept_all(workspace, read)
    kept, = workspace.project.counsel_comments
    assert (kept.text, kept.about_note) == ("Yes, it is enough for Ohio. ML", QUESTION)


def test_two_clauses_counsel_adds_one_after_the_other_keep_their_order(sent, tmp_path):
    """Counsel adds 4.15 and 4.16 after 4.14; the owner accepts them one at a time in the
    review panel (which applies a clause's accepted items again with each one). They came
    into the policy as 4.15 Your own time, 4.16 Off-duty conduct, 4.17 Off-duty conduct."""
    def add(root) -> None:
        last = _paragraph(root, "Share our job posts; send candidates to hiring.")
        for number, text in enumerate(("Off-duty conduct", "Be yourself off duty.",
                                       "Your own time", "Your evenings are yours.")):
            added = _new_paragraph(text, "" if number % 2 else "Heading2", 1100 + 2 * number)
            last.addnext(added)
            last = added

    workspace, read = reply_of(sent, tmp_path, on_body(add))
    first, second = read.items
    workspace.apply_review(read, {first.id: Decision("accept")})
    workspace.apply_review(read, {first.id: Decision("accept"), second.id: Decision("accept")})
    names = list(workspace.document().clauses().values())
    at = names.index("4.14 Sharing job openings")
    assert names[at + 1:at + 4] == ["4.15 Off-duty conduct", "4.16 Your own time",
                                    "5 Use of our content"]


HANDBOOK = "https://example.com/handbook"


def _linked(parts) -> None:
    """The address of a link counsel makes, in the document's relationships as Word keeps
    it (rIdL1)."""
    from lxml import etree

    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    etree.SubElement(rels, rels.tag.replace("Relationships", "Relationship"), {
        "Id": "rIdL1", "Target": HANDBOOK, "TargetMode": "External",
        "Type": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "hyperlink"})
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels)


def test_a_link_counsel_inserts_keeps_its_address(sent, tmp_path):
    """The policy writes an address as text, so the link's address comes in after its words;
    it came in as 'See the staff handbook.', the address lost."""
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    def edit(root) -> None:
        p = _paragraph(root, CONSEQUENCES)
        p.append(_change("ins", 730, _run(" See ")))
        link = element("hyperlink", _change("ins", 731, _run("the staff handbook")))
        link.set(f"{{{r}}}id", "rIdL1")
        p.append(link)
        p.append(_change("ins", 732, _run(".")))

    workspace, read = reply_of(sent, tmp_path, _linked, on_body(edit))
    assert offered(read) == {("insertion", "training.consequences",
                              f"See the staff handbook ({HANDBOOK}).")}
    accept_all(workspace, read)
    assert workspace.project.training.consequences.endswith(
        f"discipline. See the staff handbook ({HANDBOOK}).")


AI_SECTION = (("Artificial intelligence", "Heading1"), ("AI tools", "Heading2"),
              ("Ask before you use an AI tool for work.", ""))


def typed_after_your_rights(*paragraphs: tuple[str, str]):
    """Counsel typing the paragraphs ((text, Word style)), tracked and with no number, at the
    end of section 8 'Your rights'."""
    def add(root) -> None:
        last = next(mark.getparent() for mark in root.iter(w("bookmarkStart"))
                    if mark.get(w("name")) == "smp_review").getprevious()
        for number, (text, style) in enumerate(paragraphs):
            added = _new_paragraph(text, style, 1200 + 2 * number)
            last.addnext(added)
            last = added
    return on_body(add)


def test_a_section_counsel_adds_is_a_section(sent, tmp_path):
    """A heading in the Heading 1 style, with a clause under it, between sections 8 and 9:
    it came in as clause 8.3 of 'Your rights', its clause as 8.4."""
    workspace, read = reply_of(sent, tmp_path, typed_after_your_rights(*AI_SECTION))
    accept_all(workspace, read)
    headings = [b.text for b in workspace.document().blocks
                if b.kind in ("heading1", "heading2")]
    at = headings.index("9 Artificial intelligence")
    assert headings[at - 1].startswith("8.") and headings[at + 1:at + 3] == [
        "9.1 AI tools", "10 Review of this policy"]
    assert "Ask before you use an AI tool for work." in clause_texts(
        workspace.document()).values()


def test_a_clause_accepted_before_its_section_on_another_day_moves_into_it(sent, tmp_path):
    """The clause accepted, the project saved and closed, the reply opened again to accept
    the section: the clause is 9.1 of it; it stayed 8.4 under 'Your rights' and the section,
    empty, was not shown."""
    workspace, read = reply_of(sent, tmp_path, typed_after_your_rights(*AI_SECTION))
    clause, section = (next(i.id for i in read.items if i.text.startswith(title))
                       for title in ("AI tools", "Artificial intelligence"))
    workspace.apply_review(read, {clause: Decision("accept")})
    workspace.save()
    workspace = Workspace.open(sent[0])
    workspace.apply_review(workspace.read_reply(tmp_path / "reply.docx"),
                           {section: Decision("accept")})
    headings = list(workspace.document().clauses().values())
    at = headings.index("9 Artificial intelligence")
    assert headings[at - 1] == "8.3 No retaliation"
    assert headings[at + 1:at + 3] == ["9.1 AI tools", "10 Review of this policy"]
    assert list(clause_texts(workspace.document()).values()).count(
        "Ask before you use an AI tool for work.") == 1


@pytest.mark.parametrize("typed", [AI_SECTION, AI_SECTION[1:]], ids=["section", "clause"])
def test_the_next_redline_marks_only_the_owners_edit_not_the_numbers_of_counsels_headings(
        sent, tmp_path, typed):
    """Counsel typed the headings of a new section or clause without numbers, and the policy
    numbers them once accepted: the next redline marked the numbers as inserted ("[+9 +]
    Artificial intelligence", "[+8.4 +]AI tools"), changes nobody made."""
    workspace, read = reply_of(sent, tmp_path, typed_after_your_rights(*typed))
    accept_all(workspace, read)
    workspace.set_value(("training", "consequences"),
                        "Coaching first; serious breaches may lead to a written warning.")
    workspace.export(tmp_path / "redline.docx", changes_since_last=True)
    assert marked_paragraphs(tmp_path / "redline.docx") == [
        "Coaching first; serious breaches may lead to [-discipline-][+a written warning+]."]


def test_an_edit_in_the_contents_list_is_told_not_dropped(sent, tmp_path):
    """Counsel renamed a section in the contents list only: the list is rebuilt from the
    headings, so the owner is told what counsel wrote there (it was ignored without a word)."""
    def edit(root) -> None:
        entry = _paragraph(root, "4 Guidelines for employees")
        _split(entry, "employees", lambda text: _change("del", 1300, _run(text, deleted=True)))
        entry.append(_change("ins", 1301, _run("staff")))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    item, = read.items
    assert item.text == ('counsel edited the contents list; it is rebuilt from the headings, '
                         'so this edit is not taken: "4 Guidelines for employees" now reads '
                         '"4 Guidelines for staff"')
    outcome = accept_all(workspace, read)
    assert outcome.warnings == [f"{read.named([item.id])}: {item.text}; change the heading "
                                "itself to rename the section"]
    assert workspace.document().clauses()["employees"] == "4 Guidelines for employees"



def _renumbered_tracked(root) -> None:
    heading = _paragraph(root, "AI tools and fake images")
    deleted = _change("del", 1320, _run("7", deleted=True))
    _split(heading, "7", lambda text: deleted)
    deleted.addnext(_change("ins", 1321, _run("8")))


def _renumbered_untracked(root) -> None:
    heading = _paragraph(root, "AI tools and fake images")
    next(t for t in heading.iter(w("t")) if t.text == "4.7 ").text = "4.8 "


def _renumbered_untracked_in_libreoffice(root) -> None:
    """Typed over from the heading's start, as LibreOffice saves it: without its bookmark."""
    _renumbered_untracked(root)
    heading = _paragraph(root, "AI tools and fake images")
    for mark in list(heading.iter(w("bookmarkStart"), w("bookmarkEnd"))):
        mark.getparent().remove(mark)


@pytest.mark.parametrize("edit", [_renumbered_tracked, _renumbered_untracked,
                                  _renumbered_untracked_in_libreoffice],
                         ids=["tracked", "untracked", "untracked-without-bookmark"])
def test_a_heading_counsel_renumbered_is_told_not_taken(sent, tmp_path, edit):
    """Counsel typed "4.8" over "4.7": the numbers are the app's own, so a number alone is no
    change of wording. It was a deletion and an insertion (or an untracked edit "8") that
    accepting called "already says this"; without its bookmark, the heading's text was read
    into the clause before it."""
    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    item, = read.items
    assert (item.kind, item.clause_id, item.text) == (
        "numbering change", "employees.ai", 'counsel changed the heading\'s number: "4.7" now '
        'reads "4.8"; the policy numbers its headings itself, so this is not taken')
    outcome = accept_all(workspace, read)
    assert outcome.done == [f"{read.named([item.id])}: {item.text}"]
    assert workspace.project.wording == []
    assert workspace.document().clauses()["employees.ai"] == "4.7 AI tools and fake images"


@pytest.mark.parametrize(("typed", "listed", "contact"), [
    ("", "\u21b5 (line break; the policy writes it as a space)", "+1 555 0101"),
    ("+1 555 0199 (mobile)", "+1 555 0199 (mobile)", "+1 555 0101 +1 555 0199 (mobile)")],
    ids=["alone", "before words"])
def test_a_line_break_counsel_types_in_a_table_cell_is_listed(sent, tmp_path, typed, listed,
                                                              contact):
    """Shift+Enter in the escalation chain's contact cell (then words, or none): a break alone
    was listed with no words at all. A cell's answer is one line, so it reads as a space."""
    def edit(root) -> None:
        cell = _paragraph(root, "+1 555 0101")
        cell.append(_change("ins", 1310, element("r", element("br")),
                            *([_run(typed)] if typed else [])))

    workspace, read = reply_of(sent, tmp_path, on_body(edit))
    assert offered(read) == {("insertion", "responses.escalation", listed)}
    accept_all(workspace, read)
    assert workspace.project.responses.escalation_chain[0].contact == contact
    assert workspace.project.wording == []  # the table still follows the answers
