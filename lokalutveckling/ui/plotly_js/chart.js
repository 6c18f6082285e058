// One Plotly figure in the page (lokalutveckling/ui/plotly_chart.py, a Streamlit component of the
// second kind: no frame of its own, drawn into the app's document). `data`: spec (the figure's JSON),
// config (Plotly's), locale ('sv' or 'en'), fullscreen (the button's two titles) and bundle (the URL of
// plotly.js in the app's static files). plotly.js is loaded once per browser tab, as a classic script
// the browser keeps in its HTTP and code cache; the chart takes the figure's height and the column's
// width, and draws again (Plotly.react) only when something it was sent changed.
const EXPAND = { width: 1000, height: 1000, path: 'M0 0h380v120H120v260H0zM620 0h380v380H880V120H620zM0 620h120v260h260v120H0zM880 620h120v380H620V880h260z' };
const COLLAPSE = { width: 1000, height: 1000, path: 'M260 0h120v380H0V260h260zM620 0h120v260h260v120H620zM0 620h380v380H260V740H0zM620 620h380v120H740v260H620z' };

function plotly(url) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!window.__lokalutvecklingPlotly) {
        window.__lokalutvecklingPlotly = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = new URL(url, document.baseURI).href;
            script.onload = () => resolve(window.Plotly);
            script.onerror = () => {
                window.__lokalutvecklingPlotly = null;
                reject(new Error('plotly.js could not be loaded from ' + script.src));
            };
            document.head.appendChild(script);
        });
    }
    return window.__lokalutvecklingPlotly;
}

function fullscreenButton(chart, titles) {
    const full = document.fullscreenElement === chart;
    return {
        name: 'fullscreen',
        title: titles[full ? 1 : 0],
        icon: full ? COLLAPSE : EXPAND,
        click: () => (document.fullscreenElement ? document.exitFullscreen() : chart.requestFullscreen()),
    };
}

// `fill` (presentation mode): the chart takes the window's height from its top down, less the height of
// the elements matching `fill.below` (what is shown under it) and `fill.gap` px, at least `fill.min` px.
function filled(chart, fill) {
    const top = chart.getBoundingClientRect().top + window.scrollY;
    const below = fill.below ? [...document.querySelectorAll(fill.below)].reduce((h, el) => h + el.getBoundingClientRect().height, 0) : 0;
    return Math.max(fill.min || 300, Math.floor(window.innerHeight - top - below - (fill.gap || 0)));
}

// `fill.base` ([width, height]): the window the figure's type is sized for; another window draws the type,
// margins and the note's offset in proportion (from 0,8 to 2 times), so a slide looks the same at any size.
function scale(fill) {
    if (!fill.base) return 1;
    const k = Math.min(window.innerWidth / fill.base[0], window.innerHeight / fill.base[1]);
    return Math.max(0.8, Math.min(2, k));
}

function scaled(spec, k) {
    const walk = (value, isFont) => {
        if (!value || typeof value !== 'object') return;
        for (const [name, v] of Object.entries(value)) {
            if (isFont && name === 'size' && typeof v === 'number') value[name] = v * k;
            else if (v && typeof v === 'object') walk(v, /font$/i.test(name));
        }
    };
    walk(spec.data, false);
    walk(spec.layout, false);
    const margin = spec.layout.margin || {};
    for (const side of ['t', 'b', 'l', 'r']) if (typeof margin[side] === 'number') margin[side] *= k;
    for (const note of spec.layout.annotations || []) if (typeof note.yshift === 'number') note.yshift *= k;
}

function draw(chart, force) {
    const data = chart.__sent;
    const full = document.fullscreenElement === chart;
    const key = data.spec + '\n' + JSON.stringify(data.config) + '\n' + data.locale + '\n' + full
        + (data.fill ? '\n' + filled(chart, data.fill) + '\n' + scale(data.fill) : '');
    if (key === chart.__drawn && !force) return;
    const spec = JSON.parse(data.spec);
    const layout = spec.layout || {};
    layout.autosize = true;
    delete layout.width; // the column's width
    if (full) layout.height = window.innerHeight;
    else if (data.fill) {
        layout.height = filled(chart, data.fill);
        scaled({ data: spec.data || [], layout }, scale(data.fill));
    }
    chart.style.height = (full ? window.innerHeight : layout.height || 450) + 'px';
    const config = Object.assign({}, data.config, { responsive: true, locale: data.locale });
    config.modeBarButtonsToAdd = [fullscreenButton(chart, data.fullscreen)].concat(config.modeBarButtonsToAdd || []);
    chart.__drawn = key;
    window.Plotly.react(chart, spec.data || [], layout, config);
    chart.dataset.draws = String(Number(chart.dataset.draws || 0) + 1); // for the tests
}

export default function (component) {
    const { data, parentElement } = component;
    let chart = parentElement.querySelector('.lokalutveckling-chart');
    if (!chart) {
        chart = document.createElement('div');
        chart.className = 'lokalutveckling-chart';
        chart.style.width = '100%';
        chart.style.background = '#fff';
        parentElement.appendChild(chart);
        chart.addEventListener('fullscreenchange', () => window.Plotly && draw(chart, true));
    }
    chart.__sent = data;
    // Its height at once, so the page does not jump when plotly.js arrives.
    chart.style.height = (data.fill ? filled(chart, data.fill) : JSON.parse(data.spec).layout?.height || 450) + 'px';
    plotly(data.bundle).then(() => draw(chart, false));
    if (data.fill && !chart.__fill) {
        // The window or what is under the chart changed size: its height again (drawn only when it changed).
        const again = () => window.Plotly && chart.isConnected && chart.__sent.fill && draw(chart, false);
        chart.__fill = new ResizeObserver(again);
        chart.__fill.observe(chart.closest('[data-testid="stMainBlockContainer"]') || document.body);
        window.addEventListener('resize', again);
        chart.__unfill = () => {
            chart.__fill.disconnect();
            window.removeEventListener('resize', again);
        };
    }
    return () => {
        // Unmounted (another page): let Plotly drop its listeners. Drawn again (a rerun): kept.
        window.setTimeout(() => {
            if (!chart.isConnected && chart.__unfill) chart.__unfill();
            if (!chart.isConnected && window.Plotly) window.Plotly.purge(chart);
        }, 0);
    };
}
