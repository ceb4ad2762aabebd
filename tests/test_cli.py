#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pingcha-cli end to end: the real binary on the corpus, real fixtures and broken files.

Usage: test_cli.py PINGCHA_CLI   (env PINGCHA_CORPUS_DIR, G_TEST_SRCDIR)
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import xml.dom.minidom

CLI = sys.argv[1]
CORPUS = os.environ["PINGCHA_CORPUS_DIR"]
DATA = os.path.join(os.environ["G_TEST_SRCDIR"], "data")
REPORTS = sorted(os.path.join(CORPUS, "reports", f) for f in os.listdir(os.path.join(CORPUS, "reports")))
tests = []


def test(fn):
    tests.append(fn)
    return fn


def run(*args, ok=True):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    if ok and p.returncode != 0:
        raise AssertionError(f"{args}: exit {p.returncode}: {p.stderr}")
    return p


def flat(sections):
    for s in sections:
        yield s["level"], s["number"]
        yield from flat(s.get("children", []))


@test
def read_json_matches_the_expected_tree():
    for report in REPORTS:
        name = os.path.basename(report).rsplit(".", 1)[0]
        got = json.loads(run("read", "--json", report).stdout)
        want = json.load(open(os.path.join(CORPUS, "expected", name + ".json"), encoding="utf-8"))
        assert list(flat(got["sections"])) == list(flat(want["sections"])), name
        assert got["agency"] == want["agency"], name


@test
def broken_files_fail_cleanly():
    big = tempfile.NamedTemporaryFile(suffix=".txt", delete=False)
    big.truncate(50 * 1024 * 1024)
    big.close()
    try:
        for path in ["empty.txt", "binary.txt", "truncated.docx", "truncated.pdf", "invalid-utf8.txt", big.name]:
            p = run("read", os.path.join(DATA, path), ok=False)
            assert p.returncode == 1, (path, p.returncode)
            assert p.stderr.strip() and "Traceback" not in p.stderr and "CRITICAL" not in p.stderr, (path, p.stderr)
    finally:
        os.unlink(big.name)


@test
def import_counts_duplicates_and_failures_and_keeps_the_project():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "p.db")
        run("import", "--project", db, *REPORTS)
        again = run("import", "--project", db, REPORTS[0], os.path.join(DATA, "empty.txt"), ok=False)
        assert again.returncode == 1
        with sqlite3.connect(db) as c:
            assert c.execute("SELECT count(*) FROM reports").fetchone()[0] == len(REPORTS)
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # a project made only for an import that brought nothing in is not left behind
        new = os.path.join(d, "new.db")
        p = run("import", "--project", new, os.path.join(DATA, "empty.txt"), ok=False)
        assert p.returncode == 1 and p.stderr.strip()
        assert not [f for f in os.listdir(d) if f.startswith("new.db")], os.listdir(d)
        # an existing project stays, even when nothing was imported into it
        p = run("import", "--project", db, os.path.join(DATA, "empty.txt"), ok=False)
        assert p.returncode == 1 and os.path.exists(db)
        garbage = os.path.join(d, "garbage.db")
        open(garbage, "wb").write(b"not a database" * 100)
        p = run("import", "--project", garbage, REPORTS[0], ok=False)
        assert p.returncode == 1 and p.stderr.strip()
        assert open(garbage, "rb").read() == b"not a database" * 100


@test
def assess_lists_every_outline_item():
    got = json.loads(run("assess", "--json", REPORTS[0]).stdout)
    assert [i["item"] for i in got["items"]] == list(range(1, 36))
    assert 0 <= got["score"]["total"] <= 100


@test
def compare_lines_two_assessments_up():
    first, second = REPORTS[0], REPORTS[1]
    got = json.loads(run("compare", "--json", first, second).stdout)
    one = json.loads(run("assess", "--json", first).stdout)
    two = json.loads(run("assess", "--json", second).stdout)
    assert got["total"] == [one["score"]["total"], two["score"]["total"]]
    items = [r for r in got["rows"] if r["kind"] == "item"]
    assert [r["code"] for r in items] == list(range(1, 36))
    for row, a, b in zip(items, one["items"], two["items"]):
        assert row["rating"] == [a["rating"], b["rating"]]
    assert got["better"] == sum(r["change"] == "better" for r in items)
    assert got["worse"] == sum(r["change"] == "worse" for r in items)
    assert [r["kind"] for r in got["rows"]][-1] == "form"
    # A report against itself: nothing changed.
    same = json.loads(run("compare", "--json", first, first).stdout)
    assert same["better"] == same["worse"] == 0
    assert run("compare", first, ok=False).returncode == 2
    missing = run("compare", first, "/nonexistent/report.txt", ok=False)
    assert missing.returncode == 1 and "/nonexistent/report.txt" in missing.stderr


@test
def checklist_round_trips_through_a_project():
    with tempfile.TemporaryDirectory() as d:
        db, out, mine, back, qdc = (os.path.join(d, n) for n in ("p.db", "a.json", "b.json", "c.json", "o.qdc"))
        run("import", "--project", db, REPORTS[0])
        run("checklist", "--export-json", out)
        checklist = json.load(open(out, encoding="utf-8"))
        checklist["version"] = "province-2026"
        checklist["items"][0]["weight"] = 3
        json.dump(checklist, open(mine, "w", encoding="utf-8"), ensure_ascii=False)
        run("checklist", "--project", db, "--import-json", mine)
        run("checklist", "--project", db, "--export-json", back)
        stored = json.load(open(back, encoding="utf-8"))
        assert stored["version"] == "province-2026"
        assert stored["items"][0]["weight"] == 3
        run("checklist", "--project", db, "--export-qdc", qdc)
        codes = xml.dom.minidom.parse(qdc).getElementsByTagName("Code")
        assert sum(c.getAttribute("isCodable") == "true" for c in codes) == 35
        bad = run("checklist", "--project", db, "--import-json", REPORTS[0], ok=False)
        assert bad.returncode == 1 and bad.stderr.strip()


def edit_export(d, name, edit, project=None):
    """The checklist exported (from @project, else the built-in one), edited, written to @name."""
    out = os.path.join(d, name)
    run("checklist", *(["--project", project] if project else []), "--export-json", out)
    checklist = json.load(open(out, encoding="utf-8"))
    edit(checklist)
    json.dump(checklist, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    return out


def item(checklist, code):
    return checklist["items"][code - 1]


@test
def reimporting_an_edited_export_is_never_silently_ignored():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "p.db")
        run("import", "--project", db, REPORTS[0])
        run("assess", "--project", db)

        def weights(c):
            item(c, 14)["weight"] = 10
            item(c, 17)["applicable"] = False

        def weights_and_grade(c):
            weights(c)
            c["grades"][0]["min"] = 85

        # Same version, a grade band changed as well: refused, and it says what to do.
        p = run("checklist", "--project", db, "--import-json", edit_export(d, "g.json", weights_and_grade, db), ok=False)
        assert p.returncode == 1 and "grades" in p.stderr and "version" in p.stderr, p.stderr
        back = json.loads(open(edit_export(d, "b0.json", lambda c: None, db), encoding="utf-8").read())
        assert item(back, 14)["weight"] == 5 and back["grades"][0]["min"] == 90

        # Same version, weights only: they become the project's, and it says so.
        p = run("checklist", "--project", db, "--import-json", edit_export(d, "w.json", weights, db))
        assert "weights" in p.stdout, p.stdout
        back = json.loads(open(edit_export(d, "b1.json", lambda c: None, db), encoding="utf-8").read())
        assert item(back, 14)["weight"] == 10 and item(back, 17)["applicable"] is False

        # The same file again: nothing to do, and it says that too.
        p = run("checklist", "--project", db, "--import-json", os.path.join(d, "w.json"))
        assert "nothing changed" in p.stdout, p.stdout

        # A new version keeps what the reviewer decided.
        with sqlite3.connect(db) as c:
            c.execute("INSERT INTO coverage_decisions (report_id, checklist, item, section, decision, decided_at)"
                      " SELECT 1, id, 17, '', 'reject', 'now' FROM checklists WHERE active = 1")
        c.close()

        def new_version(c):
            weights_and_grade(c)
            c["version"] = "2021-2025.audit"

        p = run("checklist", "--project", db, "--import-json", edit_export(d, "v.json", new_version, db))
        assert "reviewer decisions 1," in p.stdout, p.stdout
        with sqlite3.connect(db) as c:
            got = c.execute("SELECT d.item, d.decision FROM coverage_decisions d JOIN checklists l"
                            " ON l.id = d.checklist WHERE l.active = 1").fetchall()
        c.close()
        assert got == [(17, "reject")], got


@test
def checklist_files_that_cannot_score_are_refused():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "p.db")
        run("import", "--project", db, REPORTS[0])

        def swapped(c):
            c["version"] = "bad-grades"
            c["grades"][0]["min"], c["grades"][2]["min"] = 60, 90

        def zero_block(c):
            c["version"] = "zero-block"
            for code in range(13, 17):
                item(c, code)["weight"] = 0

        for name, edit, needle in [("g.json", swapped, "良好"), ("z.json", zero_block, "enforcement")]:
            p = run("checklist", "--project", db, "--import-json", edit_export(d, name, edit), ok=False)
            assert p.returncode == 1 and needle in p.stderr, (name, p.stderr)

        def max_points(c):
            c["version"] = "max-points"
            item(c, 14)["max_points"] = 10

        # An edited maximum cannot be taken as written; the import says so.
        p = run("checklist", "--project", db, "--import-json", edit_export(d, "m.json", max_points))
        assert "max_points" in p.stderr and "14 → 5" in p.stderr, p.stderr


@test
def a_report_without_a_year_reads_year_none():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "no-year.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("某县应急管理局法治政府建设情况报告\n一、主要举措和成效\n全年办理行政处罚案件12件。\n")
        lines = run("read", path).stdout.splitlines()
        assert "Year:\t(none)" in lines, lines[:6]


def run_zh(*args):
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh_CN"}
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env)


def zh_cn_available():
    names = subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.split()
    if any(n.lower() in ("zh_cn.utf8", "zh_cn.utf-8") for n in names):
        return True
    assert not os.environ.get("REQUIRE_DISPLAY"), "no zh_CN.UTF-8 locale"
    return False


# Names that stay Latin in a Chinese sentence.
LATIN_NAMES = {"Word", "WPS", "PDF", "docx", "UTF", "GB18030"}


def says_in_chinese_what_to_do(line):
    """The message after the file name: Chinese apart from names, with advice (请…);
    a library's own words may follow only in the closing brackets."""
    message = line.split("：", 1)[1]
    if message.endswith("）") and "（" in message:
        message = message[:message.rindex("（")]
    message = re.sub(r"“[^”]*”", "", message)
    latin = set(re.findall(r"[A-Za-z]{2,}", message)) - LATIN_NAMES
    return not latin and "请" in message


@test
def errors_under_zh_cn_are_chinese_sentences_that_say_what_to_do():
    if not zh_cn_available():
        return
    with tempfile.TemporaryDirectory() as d:
        folder = os.path.join(d, "文件夹")
        os.mkdir(folder)
        not_a_db = os.path.join(d, "not-a-db.db")
        open(not_a_db, "wb").write(b"not a database" * 100)
        broken = [os.path.join(DATA, "truncated.docx"), os.path.join(DATA, "truncated.pdf"), folder,
                  os.path.join(d, "missing.txt")]
        for path in broken:
            p = run_zh("read", path)
            assert p.returncode == 1 and says_in_chinese_what_to_do(p.stderr.strip()), (path, p.stderr)
        p = run_zh("import", "--project", os.path.join(d, "p.db"), *broken)
        lines = [l for l in p.stderr.splitlines() if "：" in l and not l.startswith("[")]
        assert p.returncode == 1 and len([l for l in lines if says_in_chinese_what_to_do(l)]) == len(broken), p.stderr
        other_app = os.path.join(d, "other.db")
        with sqlite3.connect(other_app) as c:
            c.execute("CREATE TABLE notes (body TEXT)")
        c.close()
        for project in ["/nonexistent/p.db", not_a_db, folder, other_app]:
            p = run_zh("import", "--project", project, REPORTS[0])
            assert p.returncode == 1 and says_in_chinese_what_to_do(p.stderr.strip()), (project, p.stderr)


@test
def the_text_before_the_first_part_is_not_called_preamble_under_zh_cn():
    if not zh_cn_available():
        return
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "report.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write("2024年，我局主要负责人认真履行推进法治建设第一责任人职责。\n"
                    "一、主要举措和成效\n全年办理行政处罚案件12件。\n"
                    "二、存在的不足和原因\n基层执法力量不足。\n"
                    "三、2025年工作安排\n继续推进法治政府建设。\n")
        p = run_zh("read", path)
        assert p.returncode == 0 and "导语" in p.stdout and "preamble" not in p.stdout, p.stdout


print(f"1..{len(tests)}")
failed = 0
for n, fn in enumerate(tests, 1):
    try:
        fn()
        print(f"ok {n} {fn.__name__}")
    except Exception as e:  # report and go on
        failed += 1
        print(f"not ok {n} {fn.__name__}: {e!r}")
sys.exit(1 if failed else 0)
