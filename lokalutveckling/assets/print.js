// Charts and maps that fit the printed page (lokalutveckling/ui/printing.py puts this on every page, once per tab).
// Plotly draws a chart in pixels at the width of the screen's column, and the browser's print does not
// tell Plotly that the page is narrower: each chart is drawn again at its share of an A4 page's text
// width before printing, and at its column's width again after.
(() => {
    if (window.__lokalutvecklingPrint) return;
    window.__lokalutvecklingPrint = true;
    const PAGE_WIDTH = 703; // CSS px: 210 mm less print.css's margins (2 x 12 mm), at 96 px per inch
    const charts = () => [...document.querySelectorAll('.lokalutveckling-chart')].filter(gd => gd._fullLayout);
    const main = () => document.querySelector('[data-testid="stMainBlockContainer"]') || document.body;
    function fit() {
        const whole = main().getBoundingClientRect().width || PAGE_WIDTH;
        for (const gd of window.Plotly ? charts() : []) {
            const share = Math.min(1, gd.getBoundingClientRect().width / whole || 1);
            const width = Math.floor(PAGE_WIDTH * share);
            if (gd._fullLayout.width > width) {
                gd.__printed = true;
                window.Plotly.relayout(gd, { width: width });
            }
        }
        // A map (st_folium's frame) keeps its view and is drawn smaller: narrowed, it would show less of it.
        for (const frame of document.querySelectorAll('iframe')) {
            const { width, height } = frame.getBoundingClientRect();
            // Its column's share of the page (the frame itself may keep a width in px from the screen).
            const column = frame.closest('[data-testid="stVerticalBlock"]') || main();
            const target = PAGE_WIDTH * Math.min(1, column.getBoundingClientRect().width / whole || 1);
            const box = frame.parentElement;
            if (!width || width <= target || frame.__printed || !box) continue;
            const k = target / width;
            frame.__printed = { frame: frame.getAttribute('style') || '', box: box.getAttribute('style') || '' };
            frame.style.setProperty('width', width + 'px', 'important');
            frame.style.setProperty('max-width', 'none', 'important');
            frame.style.transform = 'scale(' + k + ')';
            frame.style.transformOrigin = '0 0';
            box.style.setProperty('height', Math.ceil(height * k) + 'px', 'important');
            box.style.setProperty('width', Math.ceil(target) + 'px', 'important');
            box.style.overflow = 'hidden';
        }
        document.documentElement.dataset.printFitted = 'true'; // for the tests: the charts were fitted
    }
    function back() {
        for (const gd of window.Plotly ? charts() : []) {
            if (!gd.__printed) continue;
            delete gd.__printed;
            window.Plotly.relayout(gd, { width: null, autosize: true });
        }
        for (const frame of document.querySelectorAll('iframe')) {
            if (!frame.__printed) continue;
            frame.setAttribute('style', frame.__printed.frame);
            if (frame.parentElement) frame.parentElement.setAttribute('style', frame.__printed.box);
            delete frame.__printed;
        }
        delete document.documentElement.dataset.printFitted;
    }
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', back);
    window.matchMedia('print').addEventListener('change', event => (event.matches ? fit() : back()));
})();
