// npm runs `prepare` after `npm ci`/`npm install` here, and in the folder that `npm install -g .` or
// `npm link` links. Such a link gets no dependencies of its own (npm installs none into a linked folder),
// so install the runtime ones from the lockfile when they are missing; then rebuild dist/ when the
// compiler is installed. A fresh clone without dev dependencies runs the committed dist/ (#14).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

// A run inside `npm install -g .` inherits its global mode and prefix; this one works in the package folder.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_config_(global|location|prefix|local_prefix)$/i.test(k)),
);

function npm(args) {
  // The npm that runs this script, else the one on PATH.
  const cli = process.env.npm_execpath;
  if (cli) execFileSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
  else execFileSync('npm', args, { cwd: root, env, stdio: 'inherit' });
}

const missing = Object.keys(pkg.dependencies ?? {}).filter((dep) => !existsSync(path.join(root, 'node_modules', dep, 'package.json')));
if (missing.length > 0) {
  console.error(`prepare: installing the runtime dependencies (${missing.length} missing) from package-lock.json`);
  // --ignore-scripts: not this script again.
  npm(['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}

function hasCompiler() {
  try {
    createRequire(path.join(root, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (hasCompiler()) npm(['run', 'build']);
