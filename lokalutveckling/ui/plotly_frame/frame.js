// One Plotly figure in a Streamlit component frame (lokalutveckling/ui/plotly_chart.py). The render
// message's args: spec (the figure's JSON), config (Plotly's), locale ('sv' or 'en'), fullscreen (the
// button's two titles) and bundle (the URL of plotly.js in the app's static files). The frame takes
// the figure's height and the column's width, and draws again (Plotly.react) only when something
// changed. It talks to Streamlit as streamlit-component-lib does (componentReady, setFrameHeight).
(function () {
    'use strict';
    var chart = document.getElementById('chart');
    var FALLBACK = 'plotly.min.js'; // the frame's own copy, when the app's static serving is off
    var latest = null; // the args of the last render message
    var drawn = ''; // what was last drawn, as sent
    var height = -1;
    var requested = false;
    // Four corners out, and in (the button that fills the screen with the chart).
    var EXPAND = { width: 1000, height: 1000, path: 'M0 0h380v120H120v260H0zM620 0h380v380H880V120H620zM0 620h120v260h260v120H0zM880 620h120v380H620V880h260z' };
    var COLLAPSE = { width: 1000, height: 1000, path: 'M260 0h120v380H0V260h260zM620 0h120v260h260v120H620zM0 620h380v380H260V740H0zM620 620h380v120H740v260H620z' };

    function send(type, data) {
        var message = { isStreamlitMessage: true, type: type };
        for (var k in data) message[k] = data[k];
        window.parent.postMessage(message, '*');
    }

    function setHeight(h, full) {
        // Filling the screen does not change the frame's height in the page.
        chart.style.height = (full ? window.innerHeight : h) + 'px';
        if (h === height) return;
        height = h;
        send('streamlit:setFrameHeight', { height: h });
    }

    function loadBundle(url) {
        requested = true;
        var script = document.createElement('script');
        script.src = url;
        script.onload = function () {
            if (latest) draw(latest, true);
        };
        script.onerror = function () {
            if (url !== FALLBACK) loadBundle(FALLBACK);
        };
        document.head.appendChild(script);
    }

    function fullscreenButton(titles) {
        var full = !!document.fullscreenElement;
        return {
            name: 'fullscreen',
            title: titles[full ? 1 : 0],
            icon: full ? COLLAPSE : EXPAND,
            click: function () {
                if (document.fullscreenElement) document.exitFullscreen();
                else document.documentElement.requestFullscreen();
            },
        };
    }

    function draw(args, force) {
        var spec = JSON.parse(args.spec);
        var layout = spec.layout || {};
        var full = !!document.fullscreenElement;
        setHeight(layout.height || 450, full);
        if (!window.Plotly) {
            if (!requested) loadBundle(args.bundle || FALLBACK);
            return;
        }
        var sent = args.spec + '\n' + JSON.stringify(args.config) + '\n' + args.locale + '\n' + full;
        if (sent === drawn && !force) return;
        drawn = sent;
        document.documentElement.lang = args.locale;
        layout.autosize = true;
        delete layout.width; // the column's width
        if (full) layout.height = window.innerHeight;
        var config = Object.assign({}, args.config, { responsive: true, locale: args.locale });
        config.modeBarButtonsToAdd = [fullscreenButton(args.fullscreen)].concat(config.modeBarButtonsToAdd || []);
        window.Plotly.react(chart, spec.data || [], layout, config);
        chart.setAttribute('data-draws', String(Number(chart.getAttribute('data-draws') || 0) + 1)); // for the tests
    }

    // Streamlit drops a componentReady that arrives before it has registered the frame: say it again
    // until the first render message comes (for two seconds at most).
    var asked = 0;
    function ready() {
        send('streamlit:componentReady', { apiVersion: 1 });
        if (++asked >= 20) window.clearInterval(asking);
    }
    var asking = window.setInterval(ready, 100);

    window.addEventListener('message', function (event) {
        if (event.source !== window.parent || !event.data || event.data.type !== 'streamlit:render') return;
        window.clearInterval(asking);
        latest = event.data.args;
        draw(latest, false);
    });
    document.addEventListener('fullscreenchange', function () {
        if (latest) draw(latest, true);
    });
    ready();
})();
