// Before `npm pack`/`npm publish` (and a git install): rebuild dist/ when the bundler (esbuild, a dev dependency) is installed.
// A fresh clone without dev dependencies packs the committed dist/, which CI keeps up to date (#14).
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

function hasCompiler() {
  try {
    createRequire(import.meta.url).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (hasCompiler()) execSync('npm run build', { stdio: 'inherit' });
else console.error('prepack: esbuild is not installed; packing the committed dist/');
