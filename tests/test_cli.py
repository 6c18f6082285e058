"""The one command line, `python -m lokalutveckling <group> <command>`: --help at every level, an unknown
group or command refused with exit code 2, and each group's commands reached. What each command does is
tested with its package (tests/store/test_journal.py, tests/ui/test_auth.py, tests/imports/test_command_line.py,
tests/sources/test_statistik.py, tests/sources/test_fetch_geo.py); here, what they did not cover."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from lokalutveckling import cli, exempeldata
from lokalutveckling.paths import ROOT

COMMANDS = {
    "store": ["build", "rebuild", "backup", "restore-backup"],
    "user": ["add", "hash-password"],
    "import": ["preview", "apply", "template", "export", "snapshot", "snapshots", "restore", "remove-exempeldata"],
    "stats": ["ckan", "scb", "kolada"],
    "geo": ["fetch"],
    "exempeldata": ["generate"],
}


def _exit(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as exited:
        cli.main(argv)
    return exited.value.code


def test_the_top_help_names_every_group(capsys):
    assert _exit(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m lokalutveckling ")
    assert "Varje grupp och kommando har sin egen --help." in " ".join(out.split())
    for group in COMMANDS:
        assert f"\n    {group}" in out, group


def test_the_top_help_from_the_table_is_the_help_of_every_group_module():
    """A command imports only the module of the group it names; the top --help takes each group's line from
    cli.GROUPS: it reads as with every group's module registered."""
    assert set(COMMANDS) | {"report"} == set(cli.GROUPS)
    assert cli.parser().format_help() == cli.parser(*cli.GROUPS).format_help()
    for group in cli.GROUPS:
        assert cli.parser().format_help() == cli.parser(group).format_help(), group


@pytest.mark.parametrize("group", list(COMMANDS))
def test_a_groups_help_names_its_commands(group, capsys):
    assert _exit([group, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m lokalutveckling {group} ")
    for command in COMMANDS[group]:
        assert f"\n    {command}" in out, command


@pytest.mark.parametrize(("group", "command"), [(g, c) for g, commands in COMMANDS.items() for c in commands])
def test_every_command_has_its_help_in_swedish(group, command, capsys):
    assert _exit([group, command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m lokalutveckling {group} {command} ")
    description = out.split("\n\n")[1]
    assert description[:1].isupper() and description.rstrip().endswith("."), description


def test_the_help_names_the_options_as_before(capsys):
    _exit(["store", "backup", "--help"])
    assert "--db DB" in capsys.readouterr().out
    _exit(["user", "add", "--help"])
    out = capsys.readouterr().out
    assert all(option in out for option in ("--namn NAMN", "--roll {", "--e-post E_POST", "--db DB"))
    _exit(["import", "apply", "--help"])
    out = capsys.readouterr().out
    assert all(option in out for option in ("--sheet SHEET", "--kalla KALLA", "--user USER", "insatser"))
    _exit(["stats", "ckan", "--help"])
    out = capsys.readouterr().out
    assert all(option in out for option in ("--resource", "--population-resource", "--list", "--page-size"))
    _exit(["geo", "fetch", "--help"])
    out = capsys.readouterr().out
    assert all(option in out for option in ("--url URL", "--out OUT", "--timeout TIMEOUT"))


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "the following arguments are required: GRUPP"),
        (["stores"], "argument GRUPP: invalid choice: 'stores'"),
        *[([group], "the following arguments are required: KOMMANDO") for group in COMMANDS],
        *[([group, "nope"], "argument KOMMANDO: invalid choice: 'nope'") for group in COMMANDS],
        (["store", "build", "a.duckdb", "--rebuild"], "unrecognized arguments: --rebuild"),
        (["user", "add-user", "kim"], "invalid choice: 'add-user'"),
        (["stats", "scb"], "the following arguments are required: --table, --region"),
    ],
)
def test_an_unknown_group_or_command_exits_2_with_a_message(argv, says, capsys):
    assert _exit(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m lokalutveckling") and says in err, err


def test_store_build_on_a_fresh_path_builds_and_prints_the_table_counts(tmp_path: Path, capsys):
    path = tmp_path / "ny" / "store.duckdb"
    path.parent.mkdir()
    assert cli.main(["store", "build", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Databasen byggdes från seed-data")
    assert f"Databasen: {path}\n" in out
    assert "  insatser: 67 rader\n" in out and "  tilldelningar: 24 rader\n" in out
    assert cli.main(["store", "build", str(path)]) == 0
    assert capsys.readouterr().out.startswith("Databasen är aktuell.")


def test_store_rebuild_backup_and_restore_backup_are_reached(tmp_path: Path, capsys):
    path = tmp_path / "store.duckdb"
    assert cli.main(["store", "build", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["store", "rebuild", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Byggde om {path} på de nuvarande seed-filerna och lade på 0 ändringar")
    assert "  insatser: 67 rader\n" in out
    assert cli.main(["store", "backup", str(tmp_path / "kopior"), "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Säkerhetskopian finns i {tmp_path / 'kopior'}")
    (folder,) = (tmp_path / "kopior").iterdir()
    assert cli.main(["store", "restore-backup", str(folder), "--db", str(path)]) == 0
    assert capsys.readouterr().out.startswith(f"Säkerhetskopian {folder} är återställd.")


def test_store_commands_refuse_with_exit_1_and_a_message(tmp_path: Path, capsys):
    assert cli.main(["store", "restore-backup", str(tmp_path / "ingen"), "--db", str(tmp_path / "s.duckdb")]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "ingen säkerhetskopia" in captured.err


def test_import_template_and_snapshots_are_reached(tmp_path: Path, capsys):
    out = tmp_path / "mall.csv"
    assert cli.main(["import", "template", "tilldelningar", str(out)]) == 0
    assert capsys.readouterr().out == f"Mallen för tilldelningar finns i {out}.\n"
    assert out.read_text(encoding="utf-8-sig").startswith("Tilldelnings-id;")
    assert cli.main(["import", "snapshots", "--db", str(tmp_path / "s.duckdb")]) == 0
    assert capsys.readouterr().out == f"Inga ögonblicksbilder i {tmp_path / 'snapshots'}.\n"


def test_import_snapshot_remove_exempeldata_and_restore_are_reached(tmp_path: Path, capsys):
    db = str(tmp_path / "s.duckdb")
    assert cli.main(["store", "build", db]) == 0
    assert cli.main(["import", "snapshot", "--db", db]) == 0
    (taken,) = (tmp_path / "snapshots").iterdir()
    assert capsys.readouterr().out.endswith(f"Ögonblicksbild: {taken}\n")
    assert cli.main(["import", "snapshots", "--db", db]) == 0
    assert capsys.readouterr().out.startswith(f"{taken.name}  ")
    assert cli.main(["import", "remove-exempeldata", "uppfoljningar", "--db", db]) == 0
    assert capsys.readouterr().out == "Tog bort 132 rader exempeldata ur uppfoljningar.\n"
    assert cli.main(["import", "remove-exempeldata", "uppfoljningar", "--db", db]) == 0
    assert capsys.readouterr().out == "uppfoljningar har ingen exempeldata.\n"
    assert cli.main(["import", "restore", taken.name, "--db", db, "--user", "lo"]) == 1
    assert "Du har rollen läsare" in capsys.readouterr().err
    assert cli.main(["import", "restore", taken.name, "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Återställde {taken.name}. Databasen som den var finns i ")
    assert "  uppfoljningar: 0 → 132 rader\n" in out


def test_import_preview_of_a_missing_file_says_so(tmp_path: Path, capsys):
    db = tmp_path / "s.duckdb"
    assert cli.main(["import", "preview", "insatser", str(tmp_path / "saknas.csv"), "--db", str(db)]) == 1
    assert capsys.readouterr().err == f"Filen {tmp_path / 'saknas.csv'} finns inte.\n"


def test_geo_fetch_refuses_an_address_that_is_not_http_or_a_file(tmp_path: Path, capsys):
    assert cli.main(["geo", "fetch", "--url", "ftp://example.org/x.zip", "--out", str(tmp_path / "x.geojson")]) == 1
    assert (
        "Fel: --url ska vara en http(s)- eller file-adress, inte 'ftp://example.org/x.zip'" in capsys.readouterr().err
    )
    assert not (tmp_path / "x.geojson").exists()


def test_exempeldata_generate_writes_the_csvs_and_counts_their_rows(seed_copy: Path, monkeypatch, capsys):
    real = exempeldata.generate
    monkeypatch.setattr(exempeldata, "generate", lambda: real(seed_copy))
    assert cli.main(["exempeldata", "generate"]) == 0
    out = capsys.readouterr().out
    assert "insatser.csv: 67 rader\n" in out and "uppfoljningar.csv: 132 rader\n" in out


def test_the_package_runs_as_one_command_line_and_the_old_entry_points_are_gone():
    done = subprocess.run(
        [sys.executable, "-m", "lokalutveckling", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0 and "store" in done.stdout and "exempeldata" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "lokalutveckling", "store"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "KOMMANDO" in done.stderr
    # No module of the package runs as a command of its own any more: only __main__.py, and the import
    # preview's child process (imports/apart.py, started by the app, not by people).
    mains = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "lokalutveckling").rglob("*.py")
        if 'if __name__ == "__main__"' in path.read_text(encoding="utf-8")
    )
    assert mains == ["lokalutveckling/imports/apart.py"]
