// Our own lint rules (as VS Code keeps .eslint-plugin-local): the structure docs/architecture.md describes,
// enforced. Used as the `local` plugin in eslint.config.js; tests in tests/integration/lint-*.test.ts.
import { layers } from './layers.mjs';
import { noImportCycle } from './no-import-cycle.mjs';

export default { meta: { name: 'local' }, rules: { layers, 'no-import-cycle': noImportCycle } };
