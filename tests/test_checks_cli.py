"""`smpolicy check` as a user types it: findings for a project file or for a text file of
rules, as text or JSON; exit 0 when the check found nothing above a note, 1 when it found a
risky or likely unlawful rule, 2 with one line on stderr when it could not run.
"""

from __future__ import annotations

import json

import pytest

from smpolicy_desktop.cli import main
from smpolicy_desktop.model import Project
from smpolicy_desktop.storage import load_project, save_project
from tests.clients import docx_to_pdf, to_docx, to_odt
from tests.conftest import REPO
from tests.odf_files import odt_of, write_odt

EXISTING_POLICY = """Social media policy

Keep all company information confidential.
Only our spokesperson speaks for the company.
Do not harass or threaten anyone online.
Reply to patient reviews with the details of their visit.
"""


def risky_project_file(tmp_path):
    project = Project()
    project.employees.confidential_info = ["Client files", "Salary information"]
    path = tmp_path / "risky.smpolicy"
    save_project(project, path)
    return path


def test_check_of_a_final_version_counsel_has_not_approved_says_so(tmp_path, capsys):
    # The example: Morgan Lee (the company lawyer) "In review", IT "Changes requested".
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    path = tmp_path / "final.smpolicy"
    for final in (False, True):
        project.review.final = final
        save_project(project, path)
        assert main(["check", str(path)]) == 0
        out = capsys.readouterr().out
        assert ("Marked final, but:\n- Not approved yet by: Morgan Lee, Chris Novak."
                in out) is final
    # the risky sentences left are counted there too, as the window's question counts them
    project.training.consequences = "Employees must not discuss their wages with co-workers."
    save_project(project, path)
    main(["check", str(path)])
    assert "Marked final, but:\n- The risk check still lists 1 risky sentence.\n- Not " \
        "approved yet by" in capsys.readouterr().out
    # --json says it beside the findings, as check --text-file's notes (it said nothing)
    assert main(["check", str(path), "--json"]) == 1
    printed = capsys.readouterr()
    assert json.loads(printed.out) and printed.err.splitlines() == [
        "warning: marked final, but: The risk check still lists 1 risky sentence.",
        "warning: marked final, but: Not approved yet by: Morgan Lee, Chris Novak."]


def test_a_likely_unlawful_or_risky_rule_fails_the_check_and_a_note_does_not(tmp_path, capsys):
    """check exited 0 while it reported a likely unlawful rule, so a script or CI job could not
    stop on it (found by a tester); --help says what each exit status means."""
    rules = tmp_path / "rules.txt"
    for text, status in (("Employees must not discuss their wages with co-workers.", 1),
                         ("Never criticise the company online.", 1),
                         ("Be polite to customers online.", 0)):
        rules.write_text(text + "\n", encoding="utf-8")
        for options in ([], ["--json"]):
            assert main(["check", "--text-file", str(rules), *options]) == status, text
            assert main(["check", "--document", str(rules), *options]) == status, text
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    project.review.next_review_date = None  # a note: "set the next review date"
    save_project(project, tmp_path / "notes.smpolicy")
    capsys.readouterr()
    assert main(["check", str(tmp_path / "notes.smpolicy")]) == 0
    assert "[info]" in capsys.readouterr().out  # a note alone passes
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "1 when a finding is risky or likely unlawful, 2 when the file cannot be read" in \
        " ".join(capsys.readouterr().out.split())


def test_check_prints_clause_severity_reason_and_safer_wording(tmp_path, capsys):
    assert main(["check", str(risky_project_file(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert "[error] 4.6 Confidential business information: " in out  # the clause as shown
    assert "employees.confidential" not in out  # never its id (--json keeps it)
    assert '"Salary information"' in out
    assert "Why: Employees have a legal right" in out
    assert "Safer wording: " in out
    assert "Field: employees > confidential_info > 1" in out


def test_check_json_lists_every_finding_with_its_field_path(tmp_path, capsys):
    assert main(["check", "--json", str(risky_project_file(tmp_path))]) == 1
    findings = json.loads(capsys.readouterr().out)
    flagged = [f for f in findings if f["severity"] == "error"]
    assert flagged[0]["path"] == ["employees", "confidential_info", 1]
    assert {"rule", "clause_id", "reason", "authority", "suggestion"} <= set(flagged[0])


def test_a_clean_project_exits_zero_and_says_so(tmp_path, capsys):
    path = tmp_path / "clean.smpolicy"
    project = Project()
    save_project(project, path)
    assert main(["check", str(path)]) == 0
    assert "[warning]" not in capsys.readouterr().out


def test_one_finding_is_counted_as_one_finding(tmp_path, capsys):
    """It said "1 findings: 1 info."."""
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    project.review.next_review_date = None
    path = tmp_path / "one.smpolicy"
    save_project(project, path)
    assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 finding: 1 info."


def test_text_file_gives_one_json_object_per_non_empty_line(tmp_path, capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Never discuss your salary.\n\nDo not harass anyone.\n", encoding="utf-8")
    assert main(["check", "--text-file", str(rules), "--json"]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 3]
    assert lines[0]["findings"][0]["rule"] == "nlra.pay"
    assert lines[1]["findings"] == []


def test_outside_the_us_a_check_says_nothing_was_checked_rather_than_no_findings(tmp_path,
                                                                                 capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Never discuss your salary.\n", encoding="utf-8")
    policy = tmp_path / "policy.md"
    policy.write_text(EXISTING_POLICY, encoding="utf-8")
    assert main(["check", "--text-file", str(rules), "--country", "GB"]) == 0
    out = capsys.readouterr().out
    assert "covers US law only, and this business is in the United Kingdom" in out
    assert main(["check", "--text-file", str(rules), "--country", "GB", "--json"]) == 0
    printed = capsys.readouterr()  # a script tells "not checked" from "clean" (a tester)
    assert json.loads(printed.out) == {"line": 1, "checked": False, "findings": []}
    assert "covers US law only" in printed.err
    assert main(["check", "--document", str(policy), "--country", "DE"]) == 0
    out = capsys.readouterr().out
    assert "this business is in Germany" in out and "No findings." not in out
    assert main(["check", "--document", str(policy), "--country", "CA", "--json"]) == 0
    assert "in Canada" in json.loads(capsys.readouterr().out)["note"]
    assert main(["check", "--text-file", str(rules), "--country", "US"]) == 1
    assert "covers US law only" not in capsys.readouterr().out
    assert main(["check", "--text-file", str(rules), "--country", "US", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["checked"] is True


@pytest.mark.parametrize("country", ["US", "GB", "CA", "AU", "DE", "JP"])
def test_a_document_is_checked_for_the_topics_our_policy_has_in_its_country(tmp_path, capsys,
                                                                            country):
    """The topics follow the law pack as our policy does: the FTC only in the US, and our own
    policy for the place covers every one of them."""
    from smpolicy_desktop.exporters import write_document
    from smpolicy_desktop.render import render_document

    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    project.company.country, project.company.state = country, ""
    policy = tmp_path / "ours.md"
    write_document(render_document(project), policy, "md")
    assert main(["check", "--document", str(policy), "--country", country]) == 0
    out = capsys.readouterr().out
    assert "Lacks: nothing" in out and "paragraph " not in out  # no finding in our own
    assert ("(FTC)" in out) == (country == "US")
    assert ("consumer and advertising rules" in out) == (country not in ("US", "JP"))
    policy.write_text("Only our spokesperson speaks for the company.\n", encoding="utf-8")
    assert main(["check", "--document", str(policy), "--country", country, "--json"]) == 0
    missing = " ".join(json.loads(capsys.readouterr().out)["missing"])
    assert ("FTC" in missing) == (country == "US") and "agencies" not in missing


def test_a_rule_found_risky_is_not_counted_as_covering_its_topic(tmp_path, capsys):
    """Seen by a tester: a document whose only line on pay forbids discussing it was told it
    "Covers: Employees' rights", under the finding that called the line likely unlawful."""
    policy = tmp_path / "theirs.txt"
    policy.write_text("Employees must not discuss their salary or working conditions on social "
                      "media.\nReport harassment to your manager.\n", encoding="utf-8")
    assert main(["check", "--document", str(policy), "--country", "US", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"]] == ["nlra.pay"]
    assert any(topic.startswith("Employees' rights") for topic in report["missing"])
    assert "Harassment and threats" in report["covered"]  # the lawful line still counts


def test_headings_and_contents_are_not_read_as_rules(tmp_path, capsys):
    """'4 Guidelines for employees' is a heading, not a rule to flag (it was read as 'likely
    unlawful' review suppression); Markdown's escapes ('2\\.9') read as what they stand for."""
    from smpolicy_desktop.exporters import write_document
    from smpolicy_desktop.render import render_document

    policy = tmp_path / "rules.md"
    policy.write_text("## 4 Guidelines for employees\n\nNever discuss your salary\\.\n",
                      encoding="utf-8")
    assert main(["check", "--document", str(policy), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["paragraph"], f["excerpt"]) for f in found] == [
        (3, "Never discuss your salary.")]
    ours = tmp_path / "ours.docx"  # our own policy in Word: its title, headings and contents
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    write_document(render_document(project), ours, "docx")
    assert main(["check", "--document", str(ours), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_user_errors_exit_2_with_one_line(tmp_path, capsys):
    (tmp_path / "empty.md").write_text("\n", encoding="utf-8")  # not "No findings."
    (tmp_path / "books.txt").write_text("Be kind online.\n" * 50_000, encoding="utf-8")
    for argv in (["check"], ["check", "--text-file", str(tmp_path / "missing.txt")],
                 ["check", "--document", str(tmp_path / "empty.md")],
                 ["check", "--document", str(tmp_path / "books.txt")],
                 ["check", str(tmp_path / "missing.smpolicy")],
                 ["check", "x.smpolicy", "--text-file", "y.txt"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ")


def test_a_binary_text_file_is_a_user_error(tmp_path, capsys):
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")  # a picture renamed
    assert main(["check", "--text-file", str(blob)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def check_lines(tmp_path, capsys, text: str, *facts: str) -> list[dict]:
    rules = tmp_path / "rules.txt"
    rules.write_text(text, encoding="utf-8")
    status = main(["check", "--text-file", str(rules), *facts, "--json"])
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    flagged = any(f["severity"] != "info" for line in found for f in line["findings"])
    assert status == (1 if flagged else 0)  # a risky or unlawful rule stops a script
    return found


def test_business_facts_change_what_is_checked(tmp_path, capsys):
    text = ("Reply to patient reviews with details of their visit.\n"
            "Never discuss your salary.\n")
    unknown = check_lines(tmp_path, capsys, text)
    assert [f["rule"] for f in unknown[0]["findings"]] == ["hipaa.review_reply"]
    retail = check_lines(tmp_path, capsys, text, "--industry", "retail_consumer")
    assert retail[0]["findings"] == [] and retail[1]["findings"][0]["rule"] == "nlra.pay"
    abroad = check_lines(tmp_path, capsys, text, "--country", "GB")
    assert abroad[0]["findings"] == [] and abroad[1]["findings"] == []


def test_a_company_can_say_it_is_not_listed_and_a_finance_firm_keeps_the_sec_gag_check(
        tmp_path, capsys):
    """--publicly-traded could only say yes: leaving it out checked Regulation FD on every
    business. An adviser that is not listed is still bound by SEC Rule 21F-17 (found by a
    tester)."""
    text = ("Share next quarter's results with our biggest investors before the release.\n"
            "Employees must not report concerns to the SEC without first going through legal.\n"
            "Nobody may contact the SEC or FINRA about the firm without the CEO's approval.\n")
    rules = [[f["rule"] for f in line["findings"]]
             for line in check_lines(tmp_path, capsys, text, "--industry", "financial_services",
                                     "--no-publicly-traded")]
    assert rules == [[], ["regfd.whistleblower"], ["regfd.whistleblower"]]
    listed = check_lines(tmp_path, capsys, text, "--industry", "retail_consumer",
                         "--publicly-traded")
    assert [f["rule"] for f in listed[0]["findings"]] == ["regfd.selective"]
    unlisted = check_lines(tmp_path, capsys, text, "--industry", "retail_consumer",
                           "--no-publicly-traded")
    assert all(f["area"] != "reg_fd" for line in unlisted for f in line["findings"])


def test_the_business_name_makes_a_rule_about_it_one_about_the_employer(tmp_path, capsys):
    """--company: owners write their business's name, or its first word, where our rules
    say "the company"; a text file and a document are read so."""
    text = "Keep Larkspur pay rates to yourself.\nNever criticise Larkspur on Facebook.\n"
    named = check_lines(tmp_path, capsys, text, "--company", "Larkspur Dental LLC")
    assert [[f["rule"] for f in line["findings"]] for line in named] == [
        ["nlra.pay"], ["nlra.disparagement"]]
    assert named[1]["findings"][0]["excerpt"] == "Never criticise Larkspur on Facebook."
    policy = tmp_path / "policy.txt"
    policy.write_text(text, encoding="utf-8")
    assert main(["check", "--document", str(policy), "--company", "Larkspur Dental"]) == 1
    assert "nlra.disparagement" in capsys.readouterr().out


def test_a_state_without_an_account_law_gets_a_warning_not_an_error(tmp_path, capsys):
    text = "You must give us your Instagram password if asked.\n"
    [california] = check_lines(tmp_path, capsys, text, "--state", "US-CA")
    [texas] = check_lines(tmp_path, capsys, text, "--state", "US-TX")
    assert california["findings"][0]["severity"] == "error"
    assert california["findings"][0]["authority"].startswith("Cal. Lab. Code 980")
    assert texas["findings"][0]["severity"] == "warning"


def test_a_finding_names_the_decision_its_rule_reads_like(tmp_path, capsys):
    [line] = check_lines(tmp_path, capsys, "Staff may not post statements that damage the "
                                           "company or anyone's reputation.\n")
    finding = line["findings"][0]
    assert finding["area"] == "nlra"
    assert finding["precedent"].startswith("This reads like the rule found unlawful in ")
    assert "15-04" not in finding["authority"] and "Stericycle" in finding["authority"]


def test_semicolons_and_questions_stay_in_one_rule(tmp_path, capsys):
    [line] = check_lines(tmp_path, capsys, "Questions about pay? Ask HR; never discuss it with "
                                           "coworkers.\n")
    assert {f["excerpt"] for f in line["findings"]} == {
        "Questions about pay? Ask HR; never discuss it with coworkers."}


@pytest.mark.parametrize("name", ["policy.txt", "policy.md"])
def test_a_hard_wrapped_policy_is_checked_a_sentence_at_a_time(tmp_path, capsys, name):
    """A sentence wrapped over four lines was checked a fragment at a time: seven findings on
    two sentences, "anyone outside the company." alone a gag on the SEC (found by a tester)."""
    policy = tmp_path / name
    policy.write_text("# Pay\n\nStaff must not discuss\ntheir wages or bonuses\nwith one "
                      "another or with\nanyone outside the company.\n\n- Do not post photos\n"
                      "  of our customers' orders.\n- Keep passwords safe.\n", encoding="utf-8")
    assert main(["check", "--document", str(policy), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert {(f["paragraph"], f["excerpt"]) for f in found} == {
        (3, "Staff must not discuss their wages or bonuses with one another or with anyone "
            "outside the company.")}  # the line an editor shows it starting on


def test_paragraphs_not_in_english_are_named_as_not_checked(tmp_path, capsys):
    """A Spanish pay-secrecy rule got "No findings." as if it were clear (found by a tester)."""
    policy = tmp_path / "politica.txt"
    policy.write_text("Social media policy\n"
                      "Los empleados no deben hablar de su salario con sus compañeros.\n"
                      "Do not share client passwords with anyone.\n"
                      "Die Mitarbeiter dürfen nicht über ihr Gehalt sprechen oder schreiben.\n",
                      encoding="utf-8")
    assert main(["check", "--document", str(policy)]) == 0
    assert "No findings. Paragraphs 2 and 4 are not in English and were not checked: the risk " \
        "check reads English only." in capsys.readouterr().out
    assert main(["check", "--document", str(policy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["note"].startswith("Paragraphs 2 and 4 are not")


def test_a_text_or_markdown_policy_is_checked_with_its_topics(tmp_path, capsys):
    for name in ("policy.txt", "policy.md"):
        policy = tmp_path / name
        policy.write_text(EXISTING_POLICY, encoding="utf-8")
        assert main(["check", "--document", str(policy), "--industry", "health_care"]) == 1
        out = capsys.readouterr().out
        assert '"Keep all company information confidential."' in out
        assert "nlra.confidentiality" in out and "hipaa.review_reply" in out
        assert "Covers: " in out and "Who speaks for the company" in out
        assert "Lacks: " in out and "Passwords and account security" in out


def test_a_marked_up_word_policy_is_checked_as_it_reads_with_the_changes_accepted(
        tmp_path, capsys):
    """A lawyer's draft with tracked changes: the sentence they inserted is checked, the one
    they deleted is not."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    for tag, text_tag, text in (("w:ins", "w:t", "Never discuss your salary with coworkers."),
                                ("w:del", "w:delText", "Do not criticise managers online.")):
        change = etree.SubElement(document.add_paragraph("Our rules. ")._p, qn(tag), {
            qn("w:id"): "1", qn("w:author"): "Counsel", qn("w:date"): "2026-12-01T00:00:00Z"})
        etree.SubElement(etree.SubElement(change, qn("w:r")), qn(text_tag)).text = text
    path = tmp_path / "marked-up.docx"
    document.save(str(path))
    assert main(["check", "--document", str(path), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["paragraph"], f["rule"]) for f in found] == [(1, "nlra.pay")]
    assert found[0]["excerpt"] == "Never discuss your salary with coworkers."


BANNED = ["Discuss your pay with coworkers.", "Complain about your manager on Facebook."]


def owners_policy(path, lists: dict[str, list[str]]) -> None:
    """A policy as an owner writes one: each heading over its list, in the file's own way (a
    Word heading over bullets, a Word paragraph "Don't:" over numbered items, a Markdown
    heading over "- " items, a text file's "Don't:" line over "- " items)."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        for heading, items in lists.items():
            if path.stem == "label":
                document.add_paragraph(f"{heading}:")
            else:
                document.add_heading(heading, level=2)
            for item in items:
                document.add_paragraph(
                    item, style="List Number" if path.stem == "label" else "List Bullet")
        document.save(str(path))
        return
    written = "\n\n" if path.suffix == ".md" else "\n"
    path.write_text("\n".join(
        ("## " + heading if path.suffix == ".md" else heading + ":") + written
        + "".join(f"- {item}\n" for item in items) for heading, items in lists.items()),
        encoding="utf-8")


@pytest.mark.parametrize(("name", "lines"), [
    ("heading.docx", [2, 3]), ("label.docx", [2, 3]), ("policy.md", [3, 4]),
    ("policy.txt", [2, 3])])
def test_items_under_a_dont_heading_of_an_owners_document_are_read_as_bans(
        tmp_path, capsys, name, lines):
    """An owner's "Don't" list was read item by item as if each were an order ("Discuss your
    pay with coworkers."), so a ban on talking about pay passed the check; the policy's own
    check reads ours as "Do not ...". The finding quotes the owner's words, on their line or
    paragraph; the same items under "Do" are no findings."""
    policy = tmp_path / name
    owners_policy(policy, {"Don't": BANNED, "Do": BANNED})
    assert main(["check", "--document", str(policy), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["paragraph"], f["rule"], f["excerpt"]) for f in found] == [
        (lines[0], "nlra.pay", BANNED[0]), (lines[1], "nlra.disparagement", BANNED[1])]


@pytest.mark.parametrize("name", ["policy.md", "policy.txt", "heading.docx"])
@pytest.mark.parametrize("heading", ["Do", "We never ask for your passwords",
                                     "Things to avoid being shy about"])
def test_items_under_a_heading_that_only_says_never_in_a_sentence_are_no_bans(
        tmp_path, capsys, name, heading):
    """Only a heading that is "Don't", "Never", "Avoid" and nothing else lists bans."""
    policy = tmp_path / name
    owners_policy(policy, {heading: BANNED})
    main(["check", "--document", str(policy), "--json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [f["excerpt"] for f in found if f["excerpt"] in BANNED] == []


def test_a_dont_list_ends_at_the_first_paragraph_that_is_no_item_of_it(tmp_path, capsys):
    policy = tmp_path / "policy.txt"
    policy.write_text(f"Don't:\n\n- {BANNED[0]}\n{BANNED[1]}\n", encoding="utf-8")
    assert main(["check", "--document", str(policy), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["paragraph"], f["excerpt"]) for f in found] == [(3, BANNED[0])]


@pytest.mark.slow
def test_a_word_tables_header_row_is_read_as_column_titles_not_rules(tmp_path):
    """Our Word policy's tables repeat a header row ("Who", "When to call"): its cells are column
    titles, read as headings like the policy's own headings; the rows under it are read."""
    from smpolicy_desktop.checks.document_check import read_paragraphs
    from smpolicy_desktop.exporters import write_document
    from smpolicy_desktop.render import render_document

    ours = tmp_path / "ours.docx"
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    write_document(render_document(project), ours, "docx")
    read = {paragraph.text: paragraph.heading for paragraph in read_paragraphs(ours)}
    assert read["When to call"] is True
    assert read[project.responses.escalation_chain[0].when] is False


def test_a_markdown_tables_header_row_is_read_as_column_titles_not_rules(tmp_path):
    """In our Markdown policy a table's header row is the line above its "|---|" rule: column
    titles, as in the Word file (our sign-off table's "| Role | Name | Status | Date |" was
    checked as a sentence); the rows under it are read, and so is a lone row."""
    from smpolicy_desktop.checks.document_check import read_paragraphs
    from smpolicy_desktop.exporters import write_document
    from smpolicy_desktop.render import render_document

    ours = tmp_path / "ours.md"
    project = load_project(REPO / "assets" / "examples" / "northwind.smpolicy")
    write_document(render_document(project), ours, "md")
    read = [(paragraph.text, paragraph.heading) for paragraph in read_paragraphs(ours)]
    assert ("| Role | Name | How to reach them | When to call |", True) in read
    assert ("| Role | Name | Status | Date |", True) in read
    assert all(not heading for text, heading in read
               if project.responses.escalation_chain[0].when in text)
    lone = tmp_path / "lone.md"
    lone.write_text("| Never discuss your salary |\n", encoding="utf-8")
    assert [paragraph[:2] for paragraph in read_paragraphs(lone)] == \
        [("| Never discuss your salary |", False)]


def test_a_word_or_pdf_policy_made_by_libreoffice_is_checked(tmp_path, capsys):
    source = tmp_path / "existing.txt"
    source.write_text(EXISTING_POLICY, encoding="utf-8")
    docx = to_docx(source, tmp_path / "word")
    assert main(["check", "--document", str(docx), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    flagged = {f["excerpt"]: f["rule"] for f in report["findings"]}
    assert flagged["Keep all company information confidential."] == "nlra.confidentiality"
    assert "Only our spokesperson speaks for the company." not in flagged
    assert "Who speaks for the company" in report["covered"]
    pdf = docx_to_pdf(docx, tmp_path / "pdf")  # the same policy as a PDF
    assert main(["check", "--document", str(pdf), "--json"]) == 1
    from_pdf = json.loads(capsys.readouterr().out)
    assert {f["excerpt"]: f["rule"] for f in from_pdf["findings"]} == flagged


def lawyers_draft(path) -> None:
    """A Word policy as a lawyer returns it: a title, headings (one of them a ban), a "Don't"
    list, a sentence inserted and one deleted as tracked changes, a table with a header row."""
    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.add_heading("Social media policy", level=0)
    document.add_heading("Pay and benefits", level=1)
    document.add_paragraph("Wages are set each April by the owner.")
    document.add_heading("Never discuss pay", level=1)
    document.add_paragraph("We review this policy every year.")
    document.add_heading("Don't", level=2)
    for item in ("Discuss your pay with coworkers. Or complain about your manager online.",
                 "Post about our clients."):
        document.add_paragraph(item, style="List Bullet")
    for tag, text_tag, text in (("w:ins", "w:t", PAY_RULE),
                                ("w:del", "w:delText", "Do not criticise managers online.")):
        change = etree.SubElement(document.add_paragraph("Our rules. ")._p, qn(tag), {
            qn("w:id"): "1", qn("w:author"): "Counsel", qn("w:date"): "2026-12-01T00:00:00Z"})
        etree.SubElement(etree.SubElement(change, qn("w:r")), qn(text_tag)).text = text
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, (
            "When to call", "Who", "Keep all company information confidential.", "Manager"),
            strict=True):
        cell.text = text
    etree.SubElement(table.rows[0]._tr.get_or_add_trPr(), qn("w:tblHeader"))
    document.save(str(path))


def test_a_word_policy_saved_as_odt_by_libreoffice_reads_as_the_word_file_does(
        tmp_path, capsys):
    """An OpenDocument text, what LibreOffice saves and some lawyers send, was refused ("cannot
    read .odt files"). Saved by LibreOffice from a Word policy, it gives the same findings on
    the same paragraphs: its title and topic headings unchecked, the heading that bans
    checked, the "Don't" list read as bans, the inserted sentence read and the deleted one
    not, the table's header row read as column titles."""
    word = tmp_path / "draft.docx"
    lawyers_draft(word)
    expected = [(4, "nlra.pay", "Never discuss pay"),
                (7, "nlra.pay", "Discuss your pay with coworkers."),
                (7, "nlra.disparagement", "Or complain about your manager online."),
                (9, "nlra.pay", PAY_RULE),
                (13, "nlra.confidentiality", "Keep all company information confidential.")]
    assert document_findings(capsys, word) == expected
    odt = to_odt(word, tmp_path / "odt")
    assert document_findings(capsys, odt) == expected
    assert main(["check", "--document", str(odt)]) == 1
    out = capsys.readouterr().out
    assert 'paragraph 4: [error] nlra.pay\n  Text: "Never discuss pay"' in out
    assert "Covers: " in out and "Confidential business information" in out


def test_an_odt_is_read_with_its_spans_breaks_lists_and_tables_and_without_its_asides(
        tmp_path, capsys):
    """A hand-made .odt: words in spans, a soft line break and space marks read as spaces; a
    comment, a footnote and a tracked deletion left out; a paragraph styled as a heading
    (through the automatic style LibreOffice gives it) a heading; list items under it read as
    bans; a header row's cells column titles, a body cell a rule."""
    policy = write_odt(tmp_path / "policy.odt", styles=(
        '<style:style style:name="P1" style:family="paragraph" '
        'style:parent-style-name="Heading_20_2"/>'), body=(
        '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
        "<text:p>Do not criticise managers online.</text:p></text:deletion>"
        "</text:changed-region></text:tracked-changes>"
        '<text:h text:outline-level="1">Posting <text:span>about</text:span> the company'
        "</text:h>"
        "<text:p>Keep<text:line-break/>all company <text:span>information</text:span>"
        "<text:s/>confidential.<office:annotation><dc:creator>Counsel</dc:creator>"
        "<text:p>Never discuss your salary.</text:p></office:annotation></text:p>"
        '<text:p>Our rules.<text:change text:change-id="ct1"/><text:note><text:note-citation>1'
        "</text:note-citation><text:note-body><text:p>Never talk to reporters.</text:p>"
        "</text:note-body></text:note></text:p>"
        '<text:p text:style-name="P1">Don\'t</text:p>'
        "<text:list><text:list-item><text:p>Discuss your pay<text:tab/>with coworkers."
        "</text:p></text:list-item></text:list>"
        "<table:table><table:table-header-rows><table:table-row><table:table-cell>"
        "<text:p>When to call</text:p></table:table-cell></table:table-row>"
        "</table:table-header-rows><table:table-row><table:table-cell>"
        f"<text:p>{PAY_RULE}</text:p></table:table-cell></table:table-row></table:table>"))
    assert document_findings(capsys, policy) == [
        (2, "nlra.confidentiality", "Keep all company information confidential."),
        (5, "nlra.pay", "Discuss your pay with coworkers."),
        (7, "nlra.pay", PAY_RULE)]


TOPIC_OR_RULE = [  # (heading, paragraph under it, whether the heading is a rule to check)
    ("Pay and benefits", "Wages are set each April by the owner.", False),
    ("Never discuss pay", "We review this policy every year.", True),
    ("Posting without approval", "Wages are set each April by the owner.", False),
    ("What you must not post", "We review this policy every year.", False),
    ("Unauthorized disclosure of pay", "Wages are set each April by the owner.", False),
    ("Do not talk to the media", "We review this policy every year.", True)]


@pytest.mark.parametrize("name", ["policy.docx", "policy.odt", "policy.md", "policy.txt"])
def test_a_heading_that_states_a_rule_is_checked_and_one_that_names_a_topic_is_not(
        tmp_path, capsys, name):
    """A Word, OpenDocument or Markdown heading was never checked, so "Never discuss pay" as a
    heading passed, while in a text file the same line was reported; and a heading naming its
    topic in a rule's words ("Posting without approval", "What you must not post") was
    reported in a text file as a rule. A heading that states a rule is one, as a lawyer reads
    it; one that names a topic is not, whatever the file."""
    policy = tmp_path / name
    paragraphs = [(tag, words) for heading, below, _ in TOPIC_OR_RULE
                  for tag, words in (("h", heading), ("p", below))]
    if policy.suffix == ".docx":
        import docx

        document = docx.Document()
        for tag, words in paragraphs:
            document.add_heading(words, level=2) if tag == "h" else \
                document.add_paragraph(words)
        document.save(str(policy))
    elif policy.suffix == ".odt":
        odt_of(policy, paragraphs)
    else:
        policy.write_text("".join(("## " if tag == "h" and name == "policy.md" else "")
                                  + f"{words}\n\n" for tag, words in paragraphs),
                          encoding="utf-8")
    assert [(rule, words) for _, rule, words in document_findings(capsys, policy)] == [
        ("nlra.pay", "Never discuss pay"), ("nlra.media", "Do not talk to the media")]


def test_unknown_places_and_industries_are_one_line_and_exit_2(tmp_path, capsys):
    rules = tmp_path / "rules.txt"
    rules.write_text("Never discuss your salary.\n", encoding="utf-8")
    for fact in (["--country", "Germany"], ["--state", "Ohio"], ["--industry", "dentist"]):
        assert main(["check", "--text-file", str(rules), *fact]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and ("ISO" in err or "health_care" in err)


def test_an_unreadable_document_is_one_line_and_exit_2(tmp_path, capsys):
    fake = tmp_path / "policy.docx"
    fake.write_bytes(b"not a zip")
    fake_pdf = tmp_path / "policy.pdf"
    fake_pdf.write_bytes(b"%PDF-1.4 broken")
    for path in (fake, fake_pdf, tmp_path / "missing.md", tmp_path / "policy.odt"):
        assert main(["check", "--document", str(path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ")


def foreign_files(folder) -> dict[str, tuple]:
    """Files that are not what their names say, or not a policy: name -> (file, what the one
    line the check gives says)."""
    import zipfile

    folder.mkdir()
    odt = odt_of(folder / "real.odt", [("p", "Never discuss your salary.")])
    word = folder / "real.docx"
    owners_policy(word, {"Don't": BANNED})
    with zipfile.ZipFile(folder / "photos.zip", "w") as archive:
        archive.writestr("beach.jpg", b"\xff\xd8\xff")
    made = {"odt-named.docx": (odt.read_bytes(), "is an OpenDocument text, not a Word document, "
                               "whatever its name says; rename it to end in .odt"),
            "word-named.odt": (word.read_bytes(), "is a Word document, not an OpenDocument "
                               "text, whatever its name says; rename it to end in .docx"),
            "pdf-named.odt": (b"%PDF-1.4 ...", "is a PDF, not an OpenDocument text"),
            "word-named.pdf": (word.read_bytes(), "is a Word document, not a PDF"),
            "text-named.pdf": (b"Never discuss your salary.\n", "not a PDF that can be read"),
            "zip-named.odt": ((folder / "photos.zip").read_bytes(),
                              "not an OpenDocument text (.odt) that can be read"),
            "zip-named.docx": ((folder / "photos.zip").read_bytes(),
                               "not a Word document that can be read")}
    for name in ("empty.docx", "empty.odt", "empty.pdf", "empty.md"):
        made[name] = (b"", "the file is empty (0 bytes); there is nothing to check")
    for name, (content, _) in made.items():
        (folder / name).write_bytes(content)
    write_odt(folder / "sheet.odt", "", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    made["sheet.odt"] = (b"", "an OpenDocument file but no text document (a spreadsheet or "
                         "slides)")
    locked = folder / "locked.odt"
    with zipfile.ZipFile(odt) as plain, zipfile.ZipFile(locked, "w") as archive:
        for info in plain.infolist():  # a password-protected file's manifest says so
            data = plain.read(info)
            archive.writestr(info, data.replace(b'media-type="text/xml"/>', (
                b'media-type="text/xml"><manifest:encryption-data/></manifest:file-entry>'))
                if info.filename == "META-INF/manifest.xml" else data)
    made["locked.odt"] = (b"", "the file is protected with a password; save a copy without one")
    return {name: (folder / name, said) for name, (_, said) in made.items()}


def test_a_file_not_what_its_name_says_or_empty_is_refused_in_one_plain_line(tmp_path, capsys):
    """An .odt named .docx was "not a Word document" and a PDF named .odt "not an
    OpenDocument text": the check says what the file is and how to check it; an empty file
    says it is empty; a text file named .pdf printed pypdf's own warnings ("invalid pdf
    header") above the one line; a spreadsheet or a password-protected file says so."""
    for name, (path, said) in foreign_files(tmp_path / "files").items():
        assert main(["check", "--document", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert err.startswith(f"error: {path}: {said}") and err.count("\n") == 1, err


def test_a_year_9999_effective_date_does_not_crash_the_check(tmp_path, capsys):
    from datetime import date

    project = Project()
    project.company.effective_date = date(9999, 12, 31)
    project.review.next_review_date = None
    path = tmp_path / "far.smpolicy"
    save_project(project, path)
    assert main(["check", "--json", str(path)]) == 0
    review = next(f for f in json.loads(capsys.readouterr().out)
                  if f["rule"] == "missing.review_date")
    assert review["replacement"] is None  # no date after 9999 to suggest


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_rules_in_a_text_file_are_numbered_as_an_editor_numbers_its_lines(tmp_path, capsys,
                                                                          encoding):
    """A form feed or U+2028 in line 1 made the rule of line 3 "line 5"; a UTF-8 byte order
    mark stayed in the first rule's text, and Notepad's "Unicode" file was refused (found by
    a tester)."""
    rules = tmp_path / "rules.txt"
    rules.write_text("A.\u2028B.\nC.\x0cD.\nEmployees may never discuss their pay with "
                     "coworkers.\n", encoding=encoding)
    assert main(["check", "--text-file", str(rules), "--json"]) == 1
    [found] = [json.loads(line) for line in capsys.readouterr().out.splitlines()
               if '"nlra.pay"' in line]
    assert found["line"] == 3
    assert found["findings"][0]["excerpt"].startswith("Employees")


def test_a_document_without_an_extension_is_refused_in_plain_words(tmp_path, capsys):
    """"cannot read this files; use .docx, ..." (found by a tester)."""
    policy = tmp_path / "policy"
    policy.write_text("Do not post client data.\n", encoding="utf-8")
    assert main(["check", "--document", str(policy)]) == 2
    assert capsys.readouterr().err == (f"error: {policy}: has no extension to tell what kind of "
                                       "file it is; the check reads .docx, .odt, .pdf, .html, "
                                       ".htm, .txt, .md files\n")


def test_an_empty_text_file_gives_no_json_line(tmp_path, capsys):
    """A 0-byte file printed an empty line among JSON lines (found by a tester)."""
    assert check_lines(tmp_path, capsys, "") == [] == check_lines(tmp_path, capsys, "\n\n")


def test_a_sentence_hard_wrapped_before_a_capital_is_read_whole(tmp_path, capsys):
    """"... about the\\nCompany, such as ..." was read as two sentences, the fragment flagged on
    its own (found by a tester, in lawyerly text); a list item is still its own line."""
    policy = tmp_path / "policy.txt"
    policy.write_text("Do not disclose material nonpublic information about the\n"
                      "Company, such as unreleased earnings, to anyone outside the\n"
                      "Company.\n\nDo:\n- Be honest\n- Credit photos you did not take\n",
                      encoding="utf-8")
    assert main(["check", "--document", str(policy), "--industry", "general_b2b",
                 "--publicly-traded", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"] == []


def test_a_document_covers_a_topic_by_what_it_says_not_by_one_word(tmp_path, capsys):
    """Any "disclose" covered saying you work here when you promote us; a Do's "Talk about your
    pay with anyone" left employees' rights lacking (found by a tester)."""
    secrets = tmp_path / "secrets.txt"
    secrets.write_text("Employees shall not disclose trade secrets.\n", encoding="utf-8")
    assert main(["check", "--document", str(secrets), "--json"]) == 0
    covered = json.loads(capsys.readouterr().out)["covered"]
    assert covered == ["Confidential business information"]
    do = tmp_path / "do.txt"
    do.write_text("Talk about your pay with anyone you like.\nWhen you post about our "
                  "products, say that you work for us.\n", encoding="utf-8")
    assert main(["check", "--document", str(do), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["covered"]) == 2


def document_findings(capsys, policy, *options) -> list[tuple[int, str, str]]:
    """(paragraph, rule, quoted words) of each finding `check --document` prints as JSON."""
    main(["check", "--document", str(policy), "--json", *options])
    return [(f["paragraph"], f["rule"], f["excerpt"])
            for f in json.loads(capsys.readouterr().out)["findings"]]


PAY_RULE = "Never discuss your salary with coworkers."


@pytest.mark.parametrize(("heading", "below"), [
    ("Things to avoid being shy about:", "- Share our posts on your own accounts."),
    ("Things to avoid being shy about", "- Share our posts on your own accounts."),
    ("Posting about the company", PAY_RULE),
    ("Things to be careful about", PAY_RULE),  # was glued to the rule below it
    ("3.2 Posting about the company", PAY_RULE),
    ("4. Posting about the company", PAY_RULE),  # a numbered heading, as a PDF gives it
    ("What not to post", "- Share our posts on your own accounts.")])
@pytest.mark.parametrize("name", ["policy.txt", "policy.md"])
def test_a_heading_line_of_a_text_file_is_read_as_a_heading_not_a_rule(
        tmp_path, capsys, name, heading, below):
    """A short line with no full stop over a list or a paragraph was checked as a sentence:
    "Things to avoid being shy about:" was reported as a demand to be civil, "Posting about the
    company" as a gag on pay talk, and a heading ending in "about" was read with the rule
    under it as one sentence (found by testers). It names what follows; the rule under it is
    reported alone, on its own line."""
    policy = tmp_path / name
    policy.write_text(f"Social media policy\n\n{heading}\n{below}\n", encoding="utf-8")
    expected = [(4, "nlra.pay", PAY_RULE)] if below == PAY_RULE else []
    assert document_findings(capsys, policy) == expected


@pytest.mark.parametrize("lines", [
    [PAY_RULE.rstrip("."), "We review this policy every year."],  # a rule without its stop
    ["Posting about pay", "Do not discuss your", "salary with coworkers."],  # no paragraph below
    ["Don't:", "1. Discuss your salary with coworkers", "We review this policy every year."],
    ["Staff may discuss", "their pay", "Never discuss your salary with coworkers."]])
def test_a_rule_or_a_wrapped_sentence_is_no_heading(tmp_path, capsys, lines):
    """What reads as a heading is no excuse to leave a rule unread: a short rule an owner wrote
    without its full stop over a sentence, an item under "Don't", the line that carries on a
    wrapped sentence are checked; a heading-like line over one that could be a heading itself
    is left as it was (read as a sentence)."""
    policy = tmp_path / "policy.txt"
    policy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [rule for _, rule, _ in document_findings(capsys, policy)] == ["nlra.pay"]


@pytest.mark.parametrize("name", ["policy.txt", "policy.md", "heading.docx", "label.docx"])
def test_every_sentence_of_an_item_under_a_dont_heading_is_read_as_a_ban(
        tmp_path, capsys, name):
    """Only the first sentence of an item under "Don't" was read as a ban, the rest as orders
    ("Or complain about your manager online." said nothing). Each sentence that goes on with the
    ban is one, quoted on its own; one that says what to do instead, or says something of its
    own, is read as written: sending talk of pay to the manager instead is a rule of its own
    (an internal-first rule, read so since the retrain with set Z)."""
    policy = tmp_path / name
    owners_policy(policy, {"Don't": [
        "Discuss your pay with coworkers. Or complain about your manager online.",
        "Post about our clients. Talk to your manager about pay instead. It hurts morale."]})
    item = 3 if name == "policy.md" else 2
    assert document_findings(capsys, policy) == [
        (item, "nlra.pay", "Discuss your pay with coworkers."),
        (item, "nlra.disparagement", "Or complain about your manager online."),
        (item + 1, "nlra.internal_first", "Talk to your manager about pay instead.")]


def number_word_headings(document) -> None:
    """Word's automatic numbering on the Heading 1 and Heading 2 styles ("1.", "1.1"), as a
    Word user sets it up (python-docx has no call for it)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def element(tag: str, **values: str):
        made = OxmlElement(tag)
        for name, value in values.items():
            made.set(qn(f"w:{name}"), value)
        return made

    numbering = document.part.numbering_part.element
    abstract = element("w:abstractNum", abstractNumId="7")
    for level, text in enumerate(("%1.", "%1.%2")):
        numbered = element("w:lvl", ilvl=str(level))
        numbered.extend([element("w:start", val="1"), element("w:numFmt", val="decimal"),
                         element("w:lvlText", val=text)])
        abstract.append(numbered)
    numbering.insert(0, abstract)
    number = element("w:num", numId="7")
    number.append(element("w:abstractNumId", val="7"))
    numbering.append(number)
    for level, style in enumerate(("Heading 1", "Heading 2")):
        properties = element("w:numPr")
        properties.extend([element("w:ilvl", val=str(level)), element("w:numId", val="7")])
        document.styles[style].element.get_or_add_pPr().insert(0, properties)


def test_a_word_policy_with_numbered_headings_and_a_dont_list_reads_alike_as_a_pdf(
        tmp_path, capsys):
    """Numbered Word headings (the style's own numbers, or typed as "3.2 Posting about the
    company" in an ordinary paragraph) are headings, never rules: "Posting about the company"
    read as a sentence was reported as a gag on pay talk. The same policy saved as a PDF, where
    the numbers are part of the text ("1. Posting about the company") and Word's bullets come
    out as the Symbol font's own character, reads the same: its "Don't" list was read as
    orders, its bans unreported."""
    import docx

    document = docx.Document()
    number_word_headings(document)
    document.add_heading("Social media policy", level=0)
    document.add_heading("Posting about the company", level=1)
    document.add_paragraph(PAY_RULE)
    document.add_paragraph("3.2 Posting about the company")
    document.add_paragraph("Staff are welcome to share our posts on their own accounts.")
    document.add_heading("Don't", level=2)
    for item in ("Discuss your pay with coworkers. Or complain about your manager online.",
                 "Post about our clients."):
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("Things to avoid being shy about:")
    document.add_paragraph("Share our posts on your own accounts.", style="List Bullet")
    word = tmp_path / "policy.docx"
    document.save(str(word))
    expected = [(3, "nlra.pay", PAY_RULE),
                (7, "nlra.pay", "Discuss your pay with coworkers."),
                (7, "nlra.disparagement", "Or complain about your manager online.")]
    assert document_findings(capsys, word) == expected
    pdf = docx_to_pdf(word, tmp_path / "pdf")
    assert document_findings(capsys, pdf) == expected


def test_a_line_starting_with_a_hashtag_is_a_sentence_not_a_markdown_heading(tmp_path, capsys):
    """"#ad goes first ..." was read as a Markdown heading without its "#" ("ad goes first"):
    neither checked nor counted as saying you work here when you promote us. A heading is "#"
    and a space."""
    policy = tmp_path / "policy.txt"
    policy.write_text("# Promoting us\n\n#ad goes first in every post about our products.\n",
                      encoding="utf-8")
    assert main(["check", "--document", str(policy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["covered"] == [
        "Saying you work here when you promote us (FTC)"]


def leads_in(path, lead: str, items: list[str]) -> None:
    """An owner's rule split over a lead-in and its list: "Employees may not:" over "- discuss
    their wages ...", in a text file or as a Word paragraph over bulleted items."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document()
        document.add_heading("Social media", level=1)
        document.add_paragraph(lead)
        for item in items:
            document.add_paragraph(item, style="List Bullet")
        document.add_paragraph("Report threats to your manager.")
        document.save(str(path))
        return
    path.write_text("Social media\n\n" + lead + "\n\n" + "".join(f"- {item}\n" for item in items)
                    + "\nReport threats to your manager.\n", encoding="utf-8")


@pytest.mark.parametrize("name", ["policy.txt", "policy.md", "policy.docx"])
@pytest.mark.parametrize(("lead", "items"), [
    ("Employees may not:", ["discuss their wages with coworkers;",
                            "post negative comments about the company or its managers online."]),
    ("When you use social media, you must not:",
     ["Discuss your wages with coworkers.",
      "Post negative comments about the company or its managers online."])])
def test_a_rule_split_over_a_lead_in_and_its_list_items_is_read_as_one_sentence(
        tmp_path, capsys, name, lead, items):
    """"Employees may not:" over "- discuss their wages with coworkers;" was checked a piece at
    a time: the ban on talking about pay passed, and its topic counted as employees' rights
    covered. Each item is read with the lead-in it finishes, found once on its own line or
    paragraph, quoting the item; the lead-in alone is no finding."""
    policy = tmp_path / name
    leads_in(policy, lead, items)
    assert main(["check", "--document", str(policy)]) == 1
    out = capsys.readouterr().out
    first = 5 if name.endswith(".txt") or name.endswith(".md") else 3
    assert [line for line in out.splitlines() if line.startswith(("paragraph", "  Text"))] == [
        f"paragraph {first}: [error] nlra.pay", f'  Text: "{items[0]}"',
        f"paragraph {first + 1}: [warning] nlra.disparagement", f'  Text: "{items[1]}"']
    assert "Employees' rights" not in out.split("Lacks:")[0]


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_a_rule_in_a_table_is_found_once_at_its_place_among_the_paragraphs(tmp_path, capsys,
                                                                           kind):
    """A Word or LibreOffice policy's table was read after all of its paragraphs: a rule in a
    cell between paragraphs 2 and 3 was said to be in paragraph 8, a place the owner could not
    find. Its cells are counted where the table stands, each cell once (a merged cell too)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Social media")
    document.add_paragraph("Report threats to your manager.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Topic", "Rule"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Employees may not discuss their wages with coworkers."
    document.add_paragraph("Do not post negative comments about the company or its managers "
                           "online.")
    policy = tmp_path / "policy.docx"
    document.save(str(policy))
    if kind == "odt":
        policy = to_odt(policy, tmp_path)
    assert main(["check", "--document", str(policy)]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith(("paragraph", "  Text"))] == [
        "paragraph 5: [error] nlra.pay",
        '  Text: "Employees may not discuss their wages with coworkers."',
        "paragraph 6: [warning] nlra.disparagement",
        '  Text: "Do not post negative comments about the company or its managers online."']


TEXT_BOX = (  # a text box as Word writes it: once as a drawing, once more for older readers
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps">'
    '<w:drawing><wps:wsp><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp>'
    '</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{box}'
    '</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_a_rule_in_a_word_text_box_is_found_once_apart_from_its_paragraph(tmp_path, capsys):
    """A Word text box's words were read twice (Word keeps a copy for older readers) and glued
    to its paragraph's ("manager.Employees may not ..."), so its rule was lost in one long
    sentence. It is read once, as a sentence of its own in the paragraph it stands in."""
    import docx
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("Social media")
    anchor = document.add_paragraph("Report threats to your manager.")
    anchor._p.append(etree.fromstring(TEXT_BOX.format(
        box="<w:p><w:r><w:t>Employees may not discuss their wages with coworkers.</w:t></w:r>"
            "</w:p>")))
    anchor.add_run("Be respectful to customers who complain.")
    policy = tmp_path / "policy.docx"
    document.save(str(policy))
    assert main(["check", "--document", str(policy)]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith(("paragraph", "  Text"))] == [
        "paragraph 2: [error] nlra.pay",
        '  Text: "Employees may not discuss their wages with coworkers."']


def test_a_policy_saved_from_an_intranet_page_is_read_by_its_blocks(tmp_path, capsys):
    """A web page was refused ("cannot read .html files"), the way an owner's policy on the
    intranet is most often saved. Its list items, paragraphs and table cells are read, each
    at its place; its headings are not checked as rules; the words of its script, style and
    navigation are no part of the policy."""
    page = tmp_path / "Staff handbook.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Handbook</title>'
        "<script>var rule = 'Employees may not discuss their wages with coworkers.';</script>"
        "<style>p { color: red }</style></head><body><nav><a href='/'>Home</a></nav>"
        "<h1>Social media policy</h1><p>This page is our policy for staff who post online.</p>"
        "<h2>What you may not do</h2><ul><li>Employees may not discuss their wages with "
        "coworkers.</li><li>Reply to customers within a day.</li></ul>"
        "<table><tr><th>Topic</th><th>Rule</th></tr><tr><td>Passwords</td><td>Give your "
        "manager the password to your personal Facebook account.</td></tr></table>"
        "</body></html>", encoding="utf-8")
    assert main(["check", "--document", str(page), "--json"]) == 1
    flagged = {(finding["paragraph"], finding["rule"], finding["excerpt"])
               for finding in json.loads(capsys.readouterr().out)["findings"]}
    assert flagged == {
        (5, "nlra.pay", "Employees may not discuss their wages with coworkers."),
        (10, "account.access",
         "Give your manager the password to your personal Facebook account.")}


def test_a_web_page_too_big_for_one_policy_is_refused_before_it_is_read(tmp_path, capsys):
    page = tmp_path / "archive.html"
    page.write_bytes(b"<p>" + b"Post nothing. " * 1_000_000 + b"</p>")
    assert main(["check", "--document", str(page)]) == 2
    assert capsys.readouterr().err == (f"error: {page}: some 233 pages of text, too long for "
                                       "one policy; the check reads up to 200 pages\n")
