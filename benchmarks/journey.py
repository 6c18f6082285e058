"""What a user waits for in the browser: a click (page change or filter) and a first load, timed in the page.

An init script in every page records the websocket's traffic (time and size of every message, and which
message is the server's `script_finished`) and watches for "rendered": the script has finished, the
browser is connected, no status widget, skeleton or stale element, the expected heading is shown, every
visible Plotly chart is drawn (st.plotly_chart or Plotly in a same-origin component frame) and every
st_folium map has its areas. Times are `performance.now()` in the page: from the click (the first
pointer or key event after arming) or from navigation start (a load) to the first moment all holds.
"""

from __future__ import annotations

import gzip
import re
from base64 import b64decode
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Page

from lokalutveckling.i18n import t
from lokalutveckling.ui import pages

# Page path, heading (= its name in the sidebar's navigation): the pages every reader sees, in the
# navigation's order. The default page is served at "/".
READER_PAGES = [("" if name == "oversikt" else name, t(f"nav_{name}", "sv")) for name in pages.READER_PAGES]

INIT_SCRIPT = r"""
(() => {
  if (window !== window.top || window.__bench) return;
  const B = window.__bench = {msgs: [], sends: [], t0: null, doneAt: null, opts: null, timer: null, why: ''};
  // ForwardMsg.script_finished is field 6 (an enum) at the top level; FINISHED_EARLY_FOR_RERUN (2) is not the end.
  function finished(buf) {
    const b = new Uint8Array(buf); let i = 0;
    const varint = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 127) * 2 ** s; s += 7; } while (x & 128 && i < b.length); return r; };
    while (i < b.length) {
      const tag = varint(), f = Math.floor(tag / 8), w = tag & 7;
      if (w === 0) { const v = varint(); if (f === 6) return v !== 2; }
      else if (w === 2) { const n = varint(); i += n; }
      else if (w === 1) i += 8;
      else if (w === 5) i += 4;
      else return false;
    }
    return false;
  }
  const size = d => d.byteLength ?? d.size ?? d.length ?? 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", e => B.msgs.push([performance.now(), size(e.data), e.data instanceof ArrayBuffer && finished(e.data)]));
    }
    send(d) { B.sends.push([performance.now(), size(d)]); return super.send(d); }
  };
  const start = e => { if (B.opts && B.t0 === null) B.t0 = performance.now(); };
  for (const type of ['pointerdown', 'mousedown', 'keydown']) window.addEventListener(type, start, true);
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const pending = (why) => { B.why = why; return false; };
  B.ready = () => {
    const o = B.opts, since = B.t0;
    if (since === null) return pending('no click yet');
    if (!B.msgs.some(m => m[2] && m[0] >= since)) return pending('no script_finished');
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return pending('script state');
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return pending('connection');
    if (document.querySelector('[data-testid="stStatusWidget"]')) return pending('status widget');
    if (document.querySelector('[data-testid="stSkeleton"]')) return pending('skeleton');
    if (document.querySelector('[data-stale="true"]')) return pending('stale element');
    if (o.heading && ![...document.querySelectorAll('h1')].some(h => h.textContent.trim() === o.heading)) return pending('heading');
    for (const c of document.querySelectorAll('[data-testid="stPlotlyChart"], .lokalutveckling-chart'))
      if (visible(c) && !c.querySelector('.main-svg')) return pending('plotly chart');
    for (const f of document.querySelectorAll('iframe')) {
      if (!visible(f)) continue;
      let d = null;
      try { d = f.contentDocument; } catch (e) { continue; }
      const title = f.title || '';
      if (/st_folium/.test(title)) {
        const drawn = d && [...d.querySelectorAll('path.leaflet-interactive, .leaflet-marker-icon')];
        if (!drawn || !drawn.length) return pending('map');
        if (o.freshMap && drawn.every(p => p.__benchOld)) return pending('map redrawn');
        continue;
      }
      if (!d) continue;
      if (/plotly/i.test(title) && !d.querySelector('.main-svg')) return pending('plotly frame');
      for (const p of d.querySelectorAll('.js-plotly-plot')) if (!p.querySelector('.main-svg')) return pending('plotly frame chart');
    }
    return true;
  };
  const tick = () => {
    if (B.doneAt !== null || !B.opts) return;
    if (B.ready()) { B.doneAt = performance.now(); return; }
    B.timer = setTimeout(tick, 5);
  };
  // Arm before a click: forget the traffic so far, mark the maps drawn so far, watch from the next click.
  B.arm = (opts) => {
    B.msgs = []; B.sends = []; B.t0 = null; B.doneAt = null; B.opts = opts; B.why = '';
    for (const f of document.querySelectorAll('iframe')) {
      try { f.contentDocument?.querySelectorAll('path.leaflet-interactive, .leaflet-marker-icon').forEach(p => { p.__benchOld = 1; }); } catch (e) {}
    }
    clearTimeout(B.timer); tick();
  };
  // A load: timed from navigation start, watched from the start.
  B.load = (opts) => { B.opts = opts; B.t0 = 0; tick(); };
  B.result = () => {
    const t0 = B.t0, done = B.doneAt;
    const during = B.msgs.filter(m => m[0] >= t0 && m[0] <= done);
    const fin = during.filter(m => m[2]).map(m => m[0]);
    const send = B.sends.find(s => s[0] >= t0);
    return {ms: done - t0, ws_bytes: during.reduce((a, m) => a + m[1], 0), ws_messages: during.length,
            server_ms: send && fin.length ? fin[fin.length - 1] - send[0] : null,
            draw_ms: fin.length ? done - fin[fin.length - 1] : null};
  };
})();
"""


@dataclass
class Sample:
    """One timed click or load."""

    ms: float
    ws_bytes: int = 0
    ws_messages: int = 0
    server_ms: float | None = None
    draw_ms: float | None = None
    cpu_ms: float | None = None
    http_bytes: int | None = None
    http_gzip_bytes: int | None = None
    extra: dict = field(default_factory=dict)


def prepare(context: BrowserContext) -> None:
    """Put the instrumentation into every page of a browser context (before any of its own scripts)."""
    context.add_init_script(INIT_SCRIPT)


def _wait(page: Page, timeout_ms: float) -> dict:
    try:
        page.wait_for_function("() => window.__bench.doneAt !== null", timeout=timeout_ms, polling=50)
    except Exception as exc:  # say what the page was still waiting for
        why = page.evaluate("() => window.__bench && window.__bench.why")
        raise TimeoutError(f"{page.url}: not rendered after {timeout_ms / 1000:.0f} s (waiting for: {why})") from exc
    return page.evaluate("() => window.__bench.result()")


def timed_action(
    page: Page,
    action: Callable[[], None],
    *,
    heading: str | None = None,
    fresh_map: bool = False,
    cpu: Callable[[], float] | None = None,
    timeout_ms: float = 90_000,
) -> Sample:
    """Arm, do `action` (a click or key press that makes the server run the script), wait until rendered.

    `cpu` reads the server's CPU time in ms; the sample gets its difference around the action."""
    page.evaluate("opts => window.__bench.arm(opts)", {"heading": heading, "freshMap": fresh_map})
    before = cpu() if cpu else None
    action()
    result = _wait(page, timeout_ms)
    sample = Sample(**result)
    if cpu:
        sample.cpu_ms = cpu() - before
    return sample


def click_nav(page: Page, heading: str, *, cpu: Callable[[], float] | None = None) -> Sample:
    """Click the page named `heading` in the sidebar's navigation and time it until that page has rendered."""
    link = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=heading, exact=True)
    link.wait_for(timeout=30_000)
    return timed_action(page, link.click, heading=heading, fresh_map=True, cpu=cpu)


def load(
    context: BrowserContext,
    url: str,
    heading: str,
    *,
    network_bytes: bool = False,
    timeout_ms: float = 90_000,
) -> Sample:
    """A new tab in `context` opens `url`; time from navigation start until the page has rendered.

    With `network_bytes`, also the HTTP bytes received (CDP encodedDataLength) and the same bodies
    compressed with gzip level 6 (as a compressing proxy would send them; a body gzip does not shrink
    counts as is)."""
    page = context.new_page()
    finished: dict[str, int] = {}
    cached: set[str] = set()
    cdp = None
    if network_bytes:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable", {"maxTotalBufferSize": 200_000_000, "maxResourceBufferSize": 50_000_000})
        cdp.on("Network.loadingFinished", lambda e: finished.__setitem__(e["requestId"], int(e["encodedDataLength"])))
        # A file a page asks for again (each chart's frame its script) comes from the cache: 0 bytes sent.
        cdp.on("Network.requestServedFromCache", lambda e: cached.add(e["requestId"]))
    try:
        page.goto(url, wait_until="commit")
        page.evaluate("o => { if (window.__bench.opts === null) window.__bench.load(o); }", {"heading": heading})
        result = _wait(page, timeout_ms)
        sample = Sample(**result)
        if cdp is not None:
            until_rendered = dict(finished)  # requests after "rendered" (late ones) are not counted
            sample.http_bytes = sum(until_rendered.values())
            sample.http_gzip_bytes = 0
            for request_id, encoded in until_rendered.items():
                if request_id in cached or encoded == 0:
                    continue
                try:
                    body = cdp.send("Network.getResponseBody", {"requestId": request_id})
                except Exception:  # no body kept (e.g. a redirect): counts as sent
                    sample.http_gzip_bytes += encoded
                    sample.extra["no_body"] = sample.extra.get("no_body", 0) + 1
                    continue
                raw = b64decode(body["body"]) if body["base64Encoded"] else body["body"].encode()
                sample.http_gzip_bytes += min(len(gzip.compress(raw, compresslevel=6)), len(raw))
            sample.extra["requests"] = len(until_rendered)
        return sample
    finally:
        page.close()


def _nothing() -> None:
    pass


# Filter changes: (page path, heading, label, the two actions that change the filter and change it back).
def _multiselect_pick(page: Page, scope: str, label: str, option: str) -> tuple[Callable[[], None], Callable[[], None]]:
    """Choose `option` in a multiselect (opened and typed into before the timer starts), then remove it again."""
    area = page.locator(scope)

    def prepare_box() -> None:
        box = area.get_by_label(label, exact=True)
        box.click()
        box.fill(option)
        page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.wait_for(timeout=10_000)

    def pick() -> None:
        page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.click()

    def close_menu() -> None:  # while the list is open, React Aria hides the rest of the page from it
        area.get_by_label(label, exact=True).press("Escape")
        page.get_by_role("listbox").wait_for(state="detached", timeout=10_000)

    def remove() -> None:  # the box's "Clear all" (its only value is `option`)
        widget = area.locator('[data-testid="stMultiSelect"]').filter(has=page.locator(f'input[aria-label="{label}"]'))
        widget.locator('button[aria-label="Clear all"]').click()

    return (prepare_box, pick), (close_menu, remove)


def filter_actions(page: Page) -> dict[str, list[tuple[Callable[[], None], Callable[[], None]]]]:
    """Per page path: pairs (untimed preparation, timed action); one round is all pairs in turn."""
    year = _multiselect_pick(page, '[data-testid="stSidebar"]', "År", "2022")
    status = _multiselect_pick(page, '[data-testid="stMain"]', "Status", "pågående")

    def colour(option: str) -> Callable[[], None]:
        control = page.locator('[data-testid="stButtonGroup"]').filter(has_text="Områdesteam")
        return lambda: control.get_by_role("radio", name=option, exact=True).click()

    return {
        "": list(year),
        "karta": [(_nothing, colour("Insatsernas kronor")), (_nothing, colour("Områdesteam"))],
        "insatser": list(status),
    }


FILTER_LABELS = {
    "": "Översikt: year filter (choose 2022, remove)",
    "karta": "Karta: colour by (kronor, team)",
    "insatser": "Insatser: status filter (choose, remove)",
}
