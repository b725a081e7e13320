/**
 * The files that make a folder a catalogue editors and CI understand (#14): the GitHub workflow, the
 * VS Code setting that maps the schema, and the pre-commit hooks. `init` writes them into a new
 * catalogue; this repository keeps the same workflow and hooks (a test compares them).
 */

/** The workflow that checks a catalogue: install mllm-align, validate with annotations, check the export. */
export function renderWorkflow(install: string): string {
  return `# Checks the catalogue on every push and pull request (written by mllm-align init).
name: catalogue
on:
  push:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install mllm-align
        run: ${install}
      - name: Validate the entries (problems show as annotations)
        run: mllm-align validate --format github
      - name: CATALOGUE.md is up to date with entries/
        run: mllm-align export --format markdown --output CATALOGUE.md --check
`;
}

/** The install step of a new catalogue's workflow: this version from the npm registry. */
export function installFromRegistry(version: string): string {
  return `npm install --global mllm-align@${version}`;
}

/** The install step in this repository's own workflow: the checkout itself. */
export const INSTALL_FROM_CHECKOUT = 'npm install --global .';

/** VS Code settings: the YAML extension (redhat.vscode-yaml) validates and completes entries with the schema. */
export function renderVscodeSettings(): string {
  return JSON.stringify({ 'yaml.schemas': { './schema/entry.schema.json': 'entries/*.yaml' } }, null, 2) + '\n';
}

/** The hooks, in the form of a `.pre-commit-hooks.yaml` (a list of hook entries). */
function hookEntries(indent: string): string {
  const hooks = [
    ['mllm-align-validate', 'validate catalogue entries', 'mllm-align validate'],
    ['mllm-align-format', 'entries in canonical form', 'mllm-align format --check'],
  ];
  return hooks
    .map(([id, name, entry]) =>
      [`- id: ${id}`, `  name: ${name}`, `  entry: ${entry}`, '  language: node', "  files: ^entries/.*\\.ya?ml$", '  pass_filenames: false']
        .map((l) => indent + l)
        .join('\n'),
    )
    .join('\n');
}

/** This repository's `.pre-commit-hooks.yaml`, for lists that use it as a pre-commit hook repository. */
export function renderPreCommitHooks(): string {
  return `# pre-commit hooks for catalogues kept with mllm-align (https://pre-commit.com).\n${hookEntries('')}\n`;
}

/** A new catalogue's `.pre-commit-config.yaml`: the same hook entries, run from the installed command. */
export function renderPreCommitConfig(): string {
  return `# Checks the entries before each commit: pip install pre-commit && pre-commit install\nrepos:\n  - repo: local\n    hooks:\n${hookEntries('      ').replace(/language: node/g, 'language: system')}\n`;
}
