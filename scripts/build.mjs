// Build: bundle the CLI with esbuild into one file, dist/cli/main.js, so bin/ loads one file at
// start-up (#13). Type-checking is `npm run typecheck`.
//
// Lazy loading is kept for the heavy paths: a command's modules reached only through `import()`
// are evaluated only when that command runs, and the heavy libraries stay in node_modules, loaded
// on first use: a static `import { parse } from 'yaml'` becomes a `require` inside the importing
// module's (lazy) initialiser rather than an `import` at the top of the bundle, which Node would
// load at start-up.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

/** Libraries loaded from node_modules on first use, never at start-up. */
const LAZY = ['yaml', 'string-width', 'fast-xml-parser', '@retorquere/bibtex-parser'];
/** Libraries only ever reached through `import()`: left to Node's loader as they are. */
const DYNAMIC = ['fast-glob', '@inquirer/prompts'];

const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

/** Route static imports of LAZY libraries through a CommonJS stub that requires them when first run. */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(b) {
    b.onResolve({ filter: /^[@a-z]/ }, (args) => {
      // commander requires child_process at load, for subcommands that are separate programs,
      // which this CLI has none of: a few milliseconds of every start-up. Load it only if used.
      if (args.path === 'node:child_process' && /[\\/]commander[\\/]/.test(args.importer)) {
        return { path: args.path, namespace: 'on-use' };
      }
      // Node's own modules too: crypto, os or tty cost milliseconds to load, and --version needs none.
      if (args.path.startsWith('node:')) {
        if (args.namespace === 'lazy' || args.kind !== 'import-statement') return { path: args.path, external: true };
        return { path: args.path, namespace: 'lazy' };
      }
      const pkg = packageOf(args.path);
      if (DYNAMIC.includes(pkg)) return { path: args.path, external: true };
      if (!LAZY.includes(pkg)) return undefined;
      if (args.kind === 'require-call' && args.namespace === 'lazy') return { path: args.path, external: true };
      return { path: args.path, namespace: 'lazy' };
    });
    b.onLoad({ filter: /.*/, namespace: 'on-use' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require(${JSON.stringify(args.path)})[key] });`,
      loader: 'js',
    }));
    // Node's own modules are required as they are; a library by the file its `import` resolves to
    // (Node 20.19 requires ES modules too), since some ship a CommonJS build that does not load.
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: args.path.startsWith('node:')
        ? `module.exports = require(${JSON.stringify(args.path)});`
        : `module.exports = require(__lazyPath(${JSON.stringify(args.path)}));`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  // dist/cli/ is as deep as src/<module>/, so the paths the code builds from import.meta.url
  // (../../package.json, ../../entries) hold in the bundle as in the sources.
  outdir: 'dist/cli',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [lazyLibraries],
  // Bundled CommonJS (commander, Ajv's runtime) and the stubs above call require(): give the bundle one.
  banner: {
    js:
      "import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; " +
      'const require = __createRequire(import.meta.url); const __lazyPath = (s) => __fileURLToPath(import.meta.resolve(s));',
  },
  // MINIFY=0 npm run build keeps names readable, for --cpu-prof.
  minify: process.env.MINIFY !== '0',
  legalComments: 'none',
  logLevel: 'warning',
});

// What bin/ loads first: a few kilobytes that answer --version and replay a recorded run's output
// (store/replay.ts), or hand over to main.js. CommonJS, as bin/ is: Node starts a CommonJS program
// without its ES module loader, about 10 ms sooner.
await build({
  entryPoints: ['src/cli/fast-path.ts'],
  outfile: 'dist/cli/fast-path.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [lazyLibraries],
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: process.env.MINIFY !== '0',
  legalComments: 'none',
  logLevel: 'warning',
});
