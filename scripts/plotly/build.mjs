// Bundles entry.js (plotly.js core + the app's trace types + the Swedish locale) into one minified
// classic script for the app's chart component, with its licence and its version and sha256 beside it.
// Run through scripts/build_plotly.sh; the same lock gives the same bytes.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '..', '..', 'lokalutveckling', 'ui', 'plotly_js');
const bundle = 'plotly.min.js';
const plotly = JSON.parse(readFileSync(join(here, 'node_modules', 'plotly.js', 'package.json'), 'utf8'));
// plotly.js's own build drops the attributes' descriptions and other schema text (not needed to draw);
// the same patterns as its tasks/compress_attributes.js (MIT), which 4.x no longer ships.
const metaPatterns = [
    /\s*description: '.*',?/g,
    /\s*description: \[[\s\S]*?\]\.join\([\s\S]*?\),?/g,
    /\s*requiredOpts: \[[\s\S]*?\],?/g,
    /\s*otherOpts: \[[\s\S]*?\],?/g,
    /\s*role: '.*',?/g,
    /\s*hrName: '.*',?/g,
];
const stripMeta = {
    name: 'strip-meta-attributes',
    setup(build) {
        build.onLoad({ filter: /[\\/]node_modules[\\/]plotly\.js[\\/].*\.js$/ }, async (file) => {
            let contents = await readFile(file.path, 'utf8');
            for (const pattern of metaPatterns) contents = contents.replace(pattern, '');
            return { contents, loader: 'js' };
        });
    },
};
// The only stylesheet plotly.js imports is maplibre-gl's, for map traces the bundle leaves out.
const noCss = {
    name: 'no-css',
    setup(build) {
        build.onResolve({ filter: /\.css$/ }, (args) => ({ path: args.path, namespace: 'no-css' }));
        build.onLoad({ filter: /.*/, namespace: 'no-css' }, () => ({ contents: '', loader: 'js' }));
    },
};

const entry = readFileSync(join(here, 'entry.js'), 'utf8');
const registered = entry.slice(entry.indexOf('Plotly.register(['));
const traces = [...registered.matchAll(/require\('plotly\.js\/lib\/([a-z0-9]+)'\)/g)].map((m) => m[1]);
const locales = [...registered.matchAll(/require\('plotly\.js\/lib\/locales\/([a-z-]+)'\)/g)].map((m) => m[1]);
const banner = [
    '/**',
    `* plotly.js v${plotly.version} (lokalutveckling: ${traces.join(', ')}; locales: ${locales.join(', ')})`,
    '* Copyright 2012-2025, Plotly, Inc. All rights reserved. Licensed under the MIT license',
    '* Built by scripts/build_plotly.sh from the npm package; bundled packages and their licences: LICENSE',
    '*/',
].join('\n');

mkdirSync(out, { recursive: true });
const result = await build({
    entryPoints: [join(here, 'entry.js')],
    outfile: join(out, bundle),
    bundle: true,
    format: 'iife',
    globalName: 'Plotly',
    minify: true,
    target: 'es2016',
    charset: 'utf8',
    legalComments: 'none', // collected into LICENSE below instead
    banner: { js: banner },
    define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
    plugins: [noCss, stripMeta],
    metafile: true,
    logLevel: 'warning',
});

// Every npm package that has code in the bundle, with its licence text.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
    const parts = input.split(/[\\/]/);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    const name = parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
    const root = join(here, ...parts.slice(0, at + 1), ...name.split('/'));
    packages.set(name, root);
}
const licenceFile = (root) =>
    ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license', 'license.md', 'LICENSE-MIT']
        .map((f) => join(root, f))
        .find((f) => existsSync(f));
const sections = [...packages.keys()].sort().map((name) => {
    const root = packages.get(name);
    const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const file = licenceFile(root);
    const text = file ? readFileSync(file, 'utf8').trim() : `(no licence file in the package; package.json says ${meta.license})`;
    return `## ${name} ${meta.version} (${meta.license})\n\n${text}\n`;
});
writeFileSync(
    join(out, 'LICENSE'),
    `plotly.min.js bundles these npm packages (scripts/plotly/package-lock.json pins them).\n\n${sections.join('\n')}`,
);

const bytes = readFileSync(join(out, bundle));
const sha256 = createHash('sha256').update(bytes).digest('hex');
writeFileSync(
    join(out, 'VERSION'),
    [
        `plotly.js ${plotly.version}`,
        `traces ${traces.join(' ')}`,
        `locales ${locales.join(' ')}`,
        `esbuild ${esbuildVersion}`,
        `sha256 ${sha256}  ${bundle}`,
        '',
    ].join('\n'),
);
console.log(`${relative(process.cwd(), join(out, bundle)).split(sep).join('/')}: ${bytes.length} bytes, sha256 ${sha256}`);
