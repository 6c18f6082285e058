"""The deployment recipe in deploy/, checked without starting anything: nginx's files proxy the websocket,
compress and keep a browser on one app process by a cookie they set themselves; the systemd units, the
crontab lines and the backup script name commands the command line has (parsed by `cli.parser()` as
`python -m lokalutveckling` would) and files that exist; the env file and the secrets example are what the
app reads; the scripts parse (`bash -n`). deploy/try.sh runs the whole thing (deploy/README.md)."""

from __future__ import annotations

import fnmatch
import re
import shlex
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

from lokalutveckling import auth, cli
from lokalutveckling.paths import ROOT
from lokalutveckling.store import lake

DEPLOY = ROOT / "deploy"
NGINX = DEPLOY / "nginx"
SYSTEMD = DEPLOY / "systemd"
INSTALLED_APP = "/opt/lokalutveckling/"  # where the units expect the app's folder (deploy/README.md)
ENV_FILE = "/etc/lokalutveckling/env"

# --------------------------------------------------------------------------------------- nginx


@dataclass
class Directive:
    name: str
    args: list[str]
    block: list[Directive] = field(default_factory=list)

    def all(self, name: str) -> list[Directive]:
        return [d for d in self.block if d.name == name]

    def one(self, name: str) -> Directive | None:
        found = self.all(name)
        assert len(found) <= 1, f"{name} {len(found)} times in {self.name} {self.args}"
        return found[0] if found else None


def _tokens(text: str) -> list[str]:
    """nginx's tokens: words, quoted strings (without their quotes), `{`, `}` and `;`; comments dropped."""
    pattern = re.compile(r"""#[^\n]*|"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([{};])|([^\s{};"'#]+)""")
    out = []
    for m in pattern.finditer(text):
        if m.group(0).startswith("#"):
            continue
        out.append(next(g for g in m.groups() if g is not None))
    return out


def _parse(tokens: list[str], at: int = 0) -> tuple[list[Directive], int]:
    directives: list[Directive] = []
    words: list[str] = []
    while at < len(tokens):
        token = tokens[at]
        at += 1
        if token == ";":
            directives.append(Directive(words[0], words[1:]))
            words = []
        elif token == "{":
            block, at = _parse(tokens, at)
            directives.append(Directive(words[0], words[1:], block))
            words = []
        elif token == "}":
            return directives, at
        else:
            words.append(token)
    assert not words, f"unterminated directive {words}"
    return directives, at


# Where the deploy files go under /etc/nginx (deploy/README.md), i.e. the names their includes use.
INSTALLED = {
    "conf.d/lokalutveckling.conf": "lokalutveckling-http.conf",
    "snippets/lokalutveckling-proxy.conf": "lokalutveckling-proxy.conf",
    "snippets/lokalutveckling-brotli.conf": "lokalutveckling-brotli.conf",
    "sites-available/lokalutveckling": "lokalutveckling-site.conf",
}


def _load(name: str) -> list[Directive]:
    """A deploy file parsed, its includes of other deploy files (by their installed names) put in place."""
    directives, _ = _parse(_tokens((NGINX / name).read_text(encoding="utf-8")))
    return _expand(directives)


def _expand(directives: list[Directive]) -> list[Directive]:
    out = []
    for d in directives:
        if d.name == "include" and not d.args[0].startswith("/"):
            matched = [file for installed, file in INSTALLED.items() if fnmatch.fnmatch(installed, d.args[0])]
            assert matched, f"include {d.args[0]} names no file of deploy/nginx/"
            for file in matched:
                out.extend(_load(file))
        else:
            out.append(Directive(d.name, d.args, _expand(d.block)))
    return out


def _http() -> Directive:
    """What nginx's http context holds with the recipe installed: conf.d's file and the site's servers."""
    return Directive("http", [], _load("lokalutveckling-http.conf") + _load("lokalutveckling-site.conf"))


def _https_server() -> Directive:
    servers = [s for s in _http().all("server") if any("ssl" in d.args for d in s.all("listen"))]
    assert len(servers) == 1
    return servers[0]


def _maps(http: Directive) -> dict[str, tuple[str, dict[str, str]]]:
    """`map $source $target {...}` by target: (source, {key: value})."""
    return {m.args[1]: (m.args[0], {d.name: d.args[0] for d in m.block}) for m in http.all("map")}


def _effective(name: str, location: Directive, server: Directive) -> list[Directive]:
    """The directives `name` that apply in `location`: its own, else the server's (nginx inherits an array
    directive such as proxy_set_header or add_header only when the level has none of its own)."""
    return location.all(name) or server.all(name)


def _headers(location: Directive, server: Directive) -> dict[str, str]:
    return {d.args[0].lower(): d.args[1] for d in _effective("proxy_set_header", location, server)}


def _seconds(value: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value).groups()
    return int(number) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}[unit]


def _location(server: Directive, *args: str) -> Directive:
    found = [d for d in server.all("location") if d.args == list(args)]
    assert len(found) == 1, f"location {' '.join(args)}"
    return found[0]


def test_nginx_passes_the_websocket_upgrade_and_keeps_it_open() -> None:
    http, server = _http(), _https_server()
    stream = _location(server, "=", "/_stcore/stream")
    assert stream.one("proxy_pass").args == ["http://lokalutveckling"]
    assert (stream.one("proxy_http_version") or server.one("proxy_http_version")).args == ["1.1"]
    headers = _headers(stream, server)
    assert headers["upgrade"] == "$http_upgrade"
    # Connection: "upgrade" when the browser asks for one (and empty otherwise, for keep-alive).
    source, values = _maps(http)[headers["connection"]]
    assert source == "$http_upgrade" and values["default"] == "upgrade" and values[""] == ""
    # Streamlit accepts the websocket only from its own origin: Host as the browser sent it, port and all.
    assert headers["host"] == "$http_host"
    assert _seconds(stream.one("proxy_read_timeout").args[0]) >= 3600
    assert _seconds(stream.one("proxy_send_timeout").args[0]) >= 3600


def test_nginx_compresses_text_scripts_styles_and_json_itself() -> None:
    server = _https_server()
    assert server.one("gzip").args == ["on"]
    types = set(server.one("gzip_types").args)
    assert {"text/css", "application/javascript", "text/javascript", "application/json", "text/plain"} <= types
    # The app's processes are asked for plain responses: nginx compresses, they do not.
    assert _headers(_location(server, "/"), server)["accept-encoding"] == ""
    # With Debian's brotli module the same types in brotli (the snippet is included by a mask).
    assert server.one("brotli").args == ["on"]
    assert set(server.one("brotli_types").args) == types


def test_nginx_keeps_a_browser_on_one_process_by_its_own_cookie() -> None:
    http, server = _http(), _https_server()
    upstream = next(u for u in http.all("upstream") if u.args == ["lokalutveckling"])
    assert not upstream.all("ip_hash")
    hashed = upstream.one("hash")
    assert hashed.args[1:] == ["consistent"]
    maps = _maps(http)
    source, values = maps[hashed.args[0]]
    cookie = re.fullmatch(r"\$cookie_(\w+)", source).group(1)
    assert values["default"] == source  # a browser with the cookie is hashed by it
    assert values[""] == "$remote_addr"  # one without cookies by its address
    # The cookie is set, under the same name, on the response to a browser that has none; no location has
    # an add_header of its own, which would drop it.
    (set_cookie,) = [d for d in server.all("add_header") if d.args[0] == "Set-Cookie"]
    set_source, set_values = maps[set_cookie.args[1]]
    assert set_source == source and set_values["default"] == ""
    assert set_values[""].startswith(f"{cookie}=$request_id; Path=/; HttpOnly")
    assert set_cookie.args[2:] == ["always"]
    for location in server.all("location"):
        assert not location.all("add_header"), location.args
        assert location.one("proxy_pass").args == ["http://lokalutveckling"]


def test_nginx_takes_uploads_as_large_as_streamlit_does() -> None:
    app_config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    megabytes = app_config.get("server", {}).get("maxUploadSize") or streamlit_config.get_option("server.maxUploadSize")
    limit = re.fullmatch(r"(\d+)m", _https_server().one("client_max_body_size").args[0]).group(1)
    assert int(limit) > megabytes


def _try_sh() -> str:
    return (DEPLOY / "try.sh").read_text(encoding="utf-8")


def test_upstream_is_the_app_instances_try_sh_and_the_units_start() -> None:
    upstream = next(u for u in _http().all("upstream") if u.args == ["lokalutveckling"])
    ports = [d.args[0].split(":")[1] for d in upstream.all("server")]
    assert ports == ["8601", "8602"]
    assert re.search(r"^app_ports=\((.*)\)$", _try_sh(), re.MULTILINE).group(1).split() == ports
    enable = re.search(
        r"systemctl enable --now (lokalutveckling@\d+ ?)+", (SYSTEMD / "lokalutveckling@.service").read_text()
    )
    assert re.findall(r"@(\d+)", enable.group(0)) == ports
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    assert " ".join(f"lokalutveckling@{p}" for p in ports) in readme


def test_try_sh_lays_the_deploy_files_out_as_on_a_server() -> None:
    """try.sh links each deploy file under the name a server installs it by, so the includes work alike."""
    links = dict(
        (installed, file)
        for file, installed in re.findall(r'ln -sf "\$repo/deploy/nginx/([\w.-]+)" "\$nginx_dir/([\w./-]+)"', _try_sh())
    )
    assert links == {k: v for k, v in INSTALLED.items() if not k.startswith("sites-")}


# ------------------------------------------------------------------------------------- systemd, cron


def _unit(path: Path) -> dict[str, list[str]]:
    """A unit file's settings, every value of each key (sections merged: the keys differ)."""
    settings: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def _local(path: str) -> Path:
    """The file of this checkout that an installed path names."""
    assert (path + "/").startswith(INSTALLED_APP), path
    return ROOT / (path + "/").removeprefix(INSTALLED_APP).rstrip("/")


def _cli_words(words: list[str]) -> list[str] | None:
    """The arguments after `-m lokalutveckling` (up to a redirection), or None when it is not there."""
    for i in range(len(words) - 1):
        if words[i] == "-m" and words[i + 1] == "lokalutveckling":
            rest = words[i + 2 :]
            return [w for w in rest[: next((j for j, w in enumerate(rest) if w[0] in "><&|"), len(rest))]]
    return None


def _parsed(argv: list[str], where: str) -> tuple[str, str]:
    try:
        args = cli.parser(*cli.GROUPS).parse_args(argv)
    except SystemExit as exc:
        pytest.fail(f"{where}: python -m lokalutveckling {' '.join(argv)} is refused by the CLI ({exc})")
    assert callable(args.run)
    return args.group, args.command


def _commands_in_units() -> dict[tuple[str, str], list[str]]:
    found: dict[tuple[str, str], list[str]] = {}
    for path in sorted(SYSTEMD.glob("*.service")):
        for exec_start in _unit(path).get("ExecStart", []):
            words = shlex.split(exec_start.lstrip("-+!@"))
            argv = _cli_words(words)
            if argv is not None:
                assert _local(words[0]) == ROOT / ".venv" / "bin" / "python"
                found.setdefault(_parsed(argv, path.name), []).append(path.name)
            elif words[0] == "/bin/bash":
                script = _local(words[1])
                assert script.is_file(), words[1]
                for line in script.read_text(encoding="utf-8").splitlines():
                    argv = _cli_words(shlex.split(line, comments=True)) if "-m lokalutveckling" in line else None
                    if argv is not None:
                        found.setdefault(_parsed(argv, script.name), []).append(path.name)
    return found


def test_units_name_commands_the_command_line_has() -> None:
    found = _commands_in_units()
    assert found[("store", "build")] == ["lokalutveckling-store.service"]
    assert found[("stats", "refresh")] == ["lokalutveckling-stats.service"]
    assert found[("store", "backup")] == ["lokalutveckling-backup.service"]  # through deploy/backup.sh


def test_the_app_unit_starts_streamlit_on_its_instance_port() -> None:
    settings = _unit(SYSTEMD / "lokalutveckling@.service")
    (exec_start,) = settings["ExecStart"]
    words = shlex.split(exec_start)
    assert _local(words[0]) == ROOT / ".venv" / "bin" / "streamlit"
    assert words[1:3] == ["run", "dashboard.py"] and (ROOT / "dashboard.py").is_file()
    options = dict(zip(words[3::2], words[4::2], strict=True))
    assert options == {"--server.port": "%i", "--server.address": "127.0.0.1", "--server.headless": "true"}
    for option in options:
        streamlit_config.get_option(option.removeprefix("--"))  # raises for an option Streamlit lacks
    assert _local(settings["WorkingDirectory"][0]) == ROOT
    # Starts after the one-shot that opens (or builds) the store, and with the memory settings of run.sh.
    assert "lokalutveckling-store.service" in settings["After"][0].split()
    assert "lokalutveckling-store.service" in settings["Wants"][0].split()
    assert settings["Environment"] == ["PYTHONMALLOC=malloc MALLOC_ARENA_MAX=2"]


def test_every_service_reads_the_env_file_as_the_same_user_and_every_timer_starts_one() -> None:
    services = sorted(SYSTEMD.glob("*.service"))
    assert len(services) == 4
    for path in services:
        settings = _unit(path)
        assert settings["EnvironmentFile"] == [ENV_FILE], path.name
        assert settings["User"] == ["lokal"] and settings["Group"] == ["lokal"], path.name
    timers = sorted(SYSTEMD.glob("*.timer"))
    assert [t.stem for t in timers] == ["lokalutveckling-backup", "lokalutveckling-stats"]
    for timer in timers:
        settings = _unit(timer)
        assert re.fullmatch(r"\*-\*-\* \d\d:\d\d:\d\d", settings["OnCalendar"][0])
        assert settings["Persistent"] == ["true"]
        assert (SYSTEMD / f"{timer.stem}.service").is_file()


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_reads_every_unit_without_a_complaint(tmp_path: Path) -> None:
    """systemd's own check (unknown keys, commands that are not executable), on copies of the units that
    point at this checkout instead of /opt/lokalutveckling; the app instance as lokalutveckling@8601."""
    for path in SYSTEMD.iterdir():
        text = path.read_text(encoding="utf-8").replace(INSTALLED_APP.rstrip("/"), str(ROOT))
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    names = [f"./{p.name}" for p in sorted(SYSTEMD.iterdir()) if p.name != "lokalutveckling@.service"]
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", "./lokalutveckling@8601.service", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_crontab_lines_run_what_the_timers_do() -> None:
    lines = [
        line.split(None, 6)
        for line in (DEPLOY / "crontab.example").read_text(encoding="utf-8").splitlines()
        if re.match(r"^\d", line)
    ]
    assert [(line[5], line[:2]) for line in lines] == [("lokal", ["30", "2"]), ("lokal", ["30", "3"])]
    commands = [line[6] for line in lines]
    assert all(f". {ENV_FILE}" in command and command.startswith("cd /opt/lokalutveckling &&") for command in commands)
    assert _parsed(_cli_words(shlex.split(commands[0])), "crontab") == ("stats", "refresh")
    assert "bash deploy/backup.sh /var/backups/lokalutveckling" in commands[1]
    assert _unit(SYSTEMD / "lokalutveckling-stats.service")["ExecStart"][0].endswith(
        _cli_words(shlex.split(commands[0]))[-1]
    )


# ------------------------------------------------------------------------------ env and secrets


def _env_example() -> dict[str, str]:
    values = {}
    for line in (DEPLOY / "env.example").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            # KEY="value" without anything a shell would expand, so systemd and `. env` read the same.
            key, value = re.fullmatch(r'([A-Z][A-Z0-9_]*)="([^"$`\\]*)"', line).groups()
            values[key] = value
    return values


def test_env_example_configures_the_lake_as_the_app_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    values = _env_example()
    assert {"LOKALUTVECKLING_GEO", "LOKALUTVECKLING_DOKUMENT"} <= set(values)
    assert values["PYTHONMALLOC"] == "malloc" and values["MALLOC_ARENA_MAX"] == "2"
    for key in (lake.ENV_CATALOG, lake.ENV_FOLDER):
        monkeypatch.setenv(key, values[key])
    configured = lake.configured({})
    assert configured == lake.Lake(values[lake.ENV_CATALOG], Path("/srv/lokalutveckling"))
    assert "password=***" in configured.describe() and "BYT-UT" not in configured.describe()


def test_secrets_example_signs_in_with_oidc_behind_the_proxy(con) -> None:
    secrets = tomllib.loads((DEPLOY / "secrets.toml.example").read_text(encoding="utf-8"))
    assert auth.mode(secrets) == "oidc"
    assert set(secrets["auth"]) == {
        "redirect_uri",
        "cookie_secret",
        "client_id",
        "client_secret",
        "server_metadata_url",
    }
    # The proxy's public https address, the site's server_name, and Streamlit's callback path.
    (server_name,) = {d.args[0] for s in _http().all("server") for d in s.all("server_name")}
    assert secrets["auth"]["redirect_uri"] == f"https://{server_name}/oauth2callback"
    kim = auth.user_from_identity(
        {"email": "kim.larsson@malmo.se", "email_verified": True, "name": "Kim"}, con=con, roller=secrets["roller"]
    )
    assert kim.roll == "admin"


# ----------------------------------------------------------------------------------------- scripts


@pytest.mark.parametrize("script", ["try.sh", "backup.sh"])
def test_scripts_parse(script: str) -> None:
    result = subprocess.run(["bash", "-n", str(DEPLOY / script)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_try_sh_stops_everything_it_starts() -> None:
    """Each process try.sh starts is recorded and stopped; the cluster is stopped with pg_ctl."""
    text = _try_sh()
    started = set(re.findall(r'^\s+start_detached "?([\w-]+?)(?:-\$port)?"? ', text, re.MULTILINE))
    assert started == {"app", "nginx"}
    assert 'stop_process "$run_dir/nginx.pid" nginx' in text
    assert 'stop_process "$run_dir/app-$port.pid" streamlit' in text
    assert "-m fast -w stop" in text
    assert "trap stop_all EXIT" in text and "trap 'stop_all; exit 130' INT TERM HUP" in text
