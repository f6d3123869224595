"""What bulk ingest reads: ignore files at every folder level, input errors, resolved paths, --prune."""
import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

from pipeline.cli import main
from pipeline.dataset import ingest
from pipeline.dataset.ingest import discover

sys.path.insert(0, str(ROOT / "scripts"))
from corpus import report_text  # noqa: E402


def _rows(db, sql):
    with sqlite3.connect(db) as c:
        return c.execute(sql).fetchall()


def _tree(folder: Path) -> set[str]:
    """Every file and folder under `folder`, for checking that a failed command made nothing."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def _write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _report(path: Path, seed: int) -> Path:
    return _write(path, report_text(random.Random(seed), "南县教育局", "义务教育公用经费", 2021))


def _listed(folder: Path) -> set[str]:
    return {Path(p).relative_to(folder.resolve()).as_posix() for p in discover([folder])}


# --- ignore files ----------------------------------------------------------------------------------

def test_nested_jixiaoignore_files_apply_to_their_folder_and_below(tmp_path):
    src = tmp_path / "in"
    _write(src / ".jixiaoignore", "# not reports\nnotes/\n*.png\n")
    for name in ["r.txt", "notes/todo.txt", "scan.png", "other/draft.txt", "sub/draft.txt", "sub/deeper/draft.txt",
                 "sub/only_here.txt", "sub/deeper/only_here.txt", "sub/keep.png", "sub/other.png",
                 "sub/archive/2019/x/old.txt", "sub/archive/new.txt", "sub/deeper/notes/n.txt"]:
        _write(src / name)
    # gitignore semantics relative to sub/: unanchored names match below, /name only there, ! re-includes
    _write(src / "sub" / ".jixiaoignore", "draft.txt\n/only_here.txt\n!keep.png\narchive/**/old.txt\n")
    assert _listed(src) == {"r.txt", "other/draft.txt", "sub/deeper/only_here.txt", "sub/keep.png",
                            "sub/archive/new.txt"}


def test_a_deeper_ignore_file_overrides_the_one_above_and_a_left_out_folder_stays_out(tmp_path):
    src = tmp_path / "in"
    _write(src / ".jixiaoignore", "*.txt\nbuild/\n")
    _write(src / "a.txt")
    _write(src / "keep" / "b.txt")
    _write(src / "keep" / ".jixiaoignore", "!*.txt\n")
    _write(src / "build" / "c.txt")
    _write(src / "build" / ".jixiaoignore", "!*.txt\n")  # inside a folder left out: never read, as in git
    assert _listed(src) == {"keep/b.txt"}


def test_the_samples_ignore_file_holds_when_their_parent_folder_is_ingested(tmp_path):
    archive = tmp_path / "archive"
    (archive / "samples").mkdir(parents=True)
    shutil.copy(SAMPLES / ".jixiaoignore", archive / "samples" / ".jixiaoignore")  # lists screenshots/
    shutil.copy(SAMPLES / "selfeval_2021.txt", archive / "samples" / "r.txt")
    _write(archive / "samples" / "screenshots" / "page.txt", "a screenshot's notes, not a report")
    summary = ingest([archive], tmp_path / "j.sqlite", workers=0, progress=False)
    assert summary.seen == 1 and summary.extracted == 1 and summary.failed == 0


def test_hidden_files_and_folders_are_still_left_out(tmp_path):
    src = tmp_path / "in"
    for name in ["r.txt", ".hidden.txt", ".git/x.txt", "sub/.cache/y.txt"]:
        _write(src / name)
    assert _listed(src) == {"r.txt"}


# --- input errors ----------------------------------------------------------------------------------

def _input_errors(tmp: Path) -> dict[str, tuple[list[str], str]]:
    report = str(SAMPLES / "selfeval_2021.txt")
    return {
        "ingest_missing_input": (["ingest", str(tmp / "no" / "such" / "dir"), "--db", str(tmp / "j.sqlite"), "--quiet"],
                                 f"{tmp / 'no' / 'such' / 'dir'}: no such file or folder"),
        "ingest_db_folder_missing": (["ingest", report, "--db", str(tmp / "nodir" / "j.sqlite"), "--quiet"],
                                     f"{tmp / 'nodir'} does not exist"),
        "export_db_missing": (["export", "--db", str(tmp / "j.sqlite"), "--out", str(tmp / "out")],
                              f"{tmp / 'j.sqlite'}: no such database"),
        "export_db_folder_missing": (["export", "--db", str(tmp / "nodir" / "j.sqlite"), "--out", str(tmp / "out")],
                                     f"{tmp / 'nodir' / 'j.sqlite'}: no such database"),
        "audit_db_missing": (["audit", "--db", str(tmp / "j.sqlite"), "--html", str(tmp / "a.html")],
                             f"{tmp / 'j.sqlite'}: no such database"),
        "check_record_missing": (["check", str(tmp / "r.json"), "-o", str(tmp / "fixed.json")],
                                 f"{tmp / 'r.json'}: cannot read (No such file or directory)"),
    }


@pytest.mark.parametrize("case", sorted(_input_errors(Path("/x"))))
def test_an_input_error_exits_2_with_one_line_and_creates_nothing(case, tmp_path, capsys, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)  # a default path (jixiao.sqlite) would land here
    argv, message = _input_errors(tmp_path)[case]
    before = _tree(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("jixiao: ") and message in err and err.count("\n") == 1, err
    assert _tree(tmp_path) == before


def test_a_database_path_that_is_a_folder_or_not_a_database_is_an_error(tmp_path, capsys):
    (tmp_path / "folder").mkdir()
    (tmp_path / "junk.sqlite").write_text("not a database", encoding="utf-8")
    before = _tree(tmp_path)
    assert main(["export", "--db", str(tmp_path / "folder"), "--out", str(tmp_path / "out")]) == 2
    assert "is a folder, not a database" in capsys.readouterr().err
    assert main(["audit", "--db", str(tmp_path / "junk.sqlite"), "--html", str(tmp_path / "a.html")]) == 2
    assert "junk.sqlite: cannot open the database" in capsys.readouterr().err
    assert _tree(tmp_path) == before


# --- resolved paths --------------------------------------------------------------------------------

def test_the_same_folder_from_two_working_directories_stores_each_path_once(tmp_path, monkeypatch):
    src = tmp_path / "in"
    _report(src / "a.txt", 1)
    _report(src / "sub" / "b.txt", 2)
    (tmp_path / "elsewhere").mkdir()
    db = tmp_path / "j.sqlite"
    monkeypatch.chdir(tmp_path)
    first = ingest(["in"], db, workers=0, progress=False)
    assert first.extracted == 2
    monkeypatch.chdir(tmp_path / "elsewhere")
    for spelling in [str(src), "../in", "../elsewhere/../in/"]:
        again = ingest([spelling], db, workers=0, progress=False)
        assert again.seen == 2 and again.skipped == 2 and again.duplicates == 0, spelling
    paths = sorted(r[0] for r in _rows(db, "SELECT path FROM paths"))
    assert paths == [str((src / "a.txt").resolve()), str((src / "sub" / "b.txt").resolve())]
    sources = {r[0] for r in _rows(db, "SELECT json_extract(record_json, '$.source.path') FROM reports")}
    assert sources == set(paths)


def test_relative_paths_from_an_older_database_are_taken_over_not_doubled(tmp_path, monkeypatch):
    src = tmp_path / "in"
    _report(src / "a.txt", 1)
    _report(src / "b.txt", 2)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    a, b = str((src / "a.txt").resolve()), str((src / "b.txt").resolve())
    with sqlite3.connect(db) as c:  # as an older jixiao stored them, run from tmp_path as `jixiao ingest in`
        c.execute("UPDATE paths SET path = 'in/a.txt' WHERE path = ?", (a,))
        c.execute("INSERT INTO paths SELECT './in/../in/b.txt', sha256, size, mtime, seen_at FROM paths WHERE path = ?",
                  (b,))  # and the doubled row of today's bug: the same file under two spellings
    monkeypatch.chdir(tmp_path)
    again = ingest([src], db, workers=0, progress=False)
    assert again.skipped == 2 and again.duplicates == 0 and again.extracted == 0
    assert sorted(r[0] for r in _rows(db, "SELECT path FROM paths")) == [a, b]
    assert _rows(db, "SELECT COUNT(*) FROM files")[0][0] == 2


# --- prune -----------------------------------------------------------------------------------------

def test_prune_after_deleting_files_removes_them_and_reports_the_count(tmp_path, capsys):
    src, other = tmp_path / "in", tmp_path / "other"
    a = _report(src / "a.txt", 1)
    b = _report(src / "sub" / "b.txt", 2)
    shutil.copy(a, src / "copy of a.txt")  # the same content under a second name
    kept = _report(other / "c.txt", 3)
    db = tmp_path / "j.sqlite"
    assert main(["ingest", str(src), str(other), "--db", str(db), "--workers", "0", "--quiet"]) == 0
    assert _rows(db, "SELECT COUNT(*) FROM files")[0][0] == 3
    capsys.readouterr()
    a.unlink()
    b.unlink()
    kept.unlink()  # not under the folder given below: left alone
    assert main(["ingest", str(src), "--db", str(db), "--workers", "0", "--quiet", "--prune"]) == 0
    assert "pruned 2 file(s)" in capsys.readouterr().out
    paths = sorted(r[0] for r in _rows(db, "SELECT path FROM paths"))
    assert paths == sorted([str((src / "copy of a.txt").resolve()), str(kept.resolve())])
    # a's content stays (its copy holds it), b's goes with its reports; every row still has its file
    assert _rows(db, "SELECT COUNT(*) FROM files")[0][0] == 2
    assert _rows(db, "SELECT COUNT(*) FROM reports")[0][0] == 2
    assert _rows(db, "SELECT COUNT(*) FROM paths WHERE sha256 NOT IN (SELECT sha256 FROM files)")[0][0] == 0
    assert _rows(db, "SELECT COUNT(*) FROM reports WHERE sha256 NOT IN (SELECT sha256 FROM paths)")[0][0] == 0
    assert _rows(db, "SELECT COUNT(*) FROM indicators WHERE report_id NOT IN (SELECT id FROM reports)")[0][0] == 0
    again = ingest([src], db, workers=0, progress=False, prune_missing=True)
    assert again.pruned == 0 and "pruned 0 file(s)" in str(again)


def test_without_prune_nothing_is_dropped_and_nothing_is_said(tmp_path):
    src = tmp_path / "in"
    a = _report(src / "a.txt", 1)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    a.unlink()
    summary = ingest([src], db, workers=0, progress=False)
    assert summary.pruned is None and "pruned" not in str(summary)
    assert _rows(db, "SELECT COUNT(*) FROM paths")[0][0] == 1


def test_prune_drops_files_now_ignored_and_old_relative_names_of_deleted_files(tmp_path, monkeypatch):
    src = tmp_path / "in"
    _report(src / "a.txt", 1)
    _report(src / "drafts" / "b.txt", 2)
    gone = _report(src / "c.txt", 3)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    with sqlite3.connect(db) as c:
        c.execute("UPDATE paths SET path = 'in/c.txt' WHERE path = ?", (str(gone.resolve()),))
    gone.unlink()
    _write(src / ".jixiaoignore", "drafts/\n")
    monkeypatch.chdir(tmp_path)
    summary = ingest(["in"], db, workers=0, progress=False, prune_missing=True)
    assert summary.pruned == 2
    assert [r[0] for r in _rows(db, "SELECT path FROM paths")] == [str((src / "a.txt").resolve())]
    assert _rows(db, "SELECT COUNT(*) FROM reports")[0][0] == 1


def test_prune_keeps_what_is_under_a_folder_it_could_not_read(tmp_path, monkeypatch):
    src = tmp_path / "in"
    _report(src / "a.txt", 1)
    _report(src / "locked" / "b.txt", 2)
    db = tmp_path / "j.sqlite"
    ingest([src], db, workers=0, progress=False)
    locked = str((src / "locked").resolve())
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:  # as a folder without read permission (the tests may run as root)
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = ingest([src], db, workers=0, progress=False, prune_missing=True)
    assert summary.pruned == 0 and summary.failed == 1
    assert summary.failures == [(locked, "cannot read the folder: Permission denied")]
    assert _rows(db, "SELECT COUNT(*) FROM paths")[0][0] == 2


def test_prune_works_on_a_folder_given_as_a_url(tmp_path):
    src = tmp_path / "in"
    _report(src / "a.txt", 1)
    b = _report(src / "b.txt", 2)
    db = tmp_path / "j.sqlite"
    url = src.resolve().as_uri()  # file:///…: the fsspec code path of s3:// and the rest
    ingest([url], db, workers=0, progress=False)
    b.unlink()
    assert ingest([url + "/"], db, workers=0, progress=False, prune_missing=True).pruned == 1
    assert [r[0] for r in _rows(db, "SELECT path FROM paths")] == [f"{url}/a.txt"]


def test_two_different_names_are_never_shown_or_stored_as_one():
    from pipeline.dataset.ingest import shown
    raw_byte = os.fsdecode(b"r\xff.txt")  # a name that is not UTF-8
    literal = "r\\xff.txt"  # a name that holds a backslash, x, f, f
    assert shown(raw_byte) != shown(literal)
    assert shown(raw_byte) == "r\\xff.txt" and shown(literal) == "r\\\\xff.txt"


def test_a_bidi_control_in_a_name_is_shown_escaped_not_obeyed():
    from pipeline.dataset.ingest import shown
    assert shown("report\u202etxt.png") == "report\\u202etxt.png"
