// plotly.js with only what the app draws: core (scatter, the axes, legend, annotations, shapes, the
// modebar) and the trace types of lokalutveckling/figures/ and views/, plus the Swedish locale.
// tests/ui/test_plotly_bundle.py reads the register list below: every trace type a figure builder
// makes must be in it.
'use strict';

var Plotly = require('plotly.js/lib/core');

Plotly.register([
    // traces
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/sankey'),
    require('plotly.js/lib/scatter'),
    // locales (English is built in)
    require('plotly.js/lib/locales/sv'),
]);

module.exports = Plotly;
