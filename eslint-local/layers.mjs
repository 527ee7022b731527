// `local/layers`: layering as an allow-list (after VS Code's code-layering rule). Each layer is a
// folder and names what it MAY import; anything else of ours is reported. Being an allow-list, a
// new folder or an unplanned dependency fails lint until someone decides where it belongs, instead
// of slipping past a list of things that are forbidden.
//
// Options: { layers: { [name]: { folder, may: [layer name or project path], testsMay?: [...] } } }.
// A layer always may import itself. A path entry (e.g. 'electron/preload/channels') allows that one
// module or folder. `testsMay` adds what the layer's *.test.* files may also reach (e.g. to check
// that two layers agree). Packages are not this rule's business (no-restricted-imports lists them).
import path from 'node:path';
import { resolveImport } from './import-graph.mjs';

const inside = (file, folder) => file === folder || file.startsWith(`${folder}${path.sep}`) || file.startsWith(`${folder}.`);
const isTest = (file) => /\.test\.[cm]?tsx?$/.test(file);

export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names.' },
    schema: [{ type: 'object', properties: { layers: { type: 'object' } }, required: ['layers'], additionalProperties: false }],
    messages: {
      forbidden:
        'The {{layer}} layer may not import {{target}} (allowed: {{allowed}}). Move the shared piece down into a layer both may use.',
    },
  },
  create(context) {
    const cwd = context.cwd;
    const defs = Object.entries(context.options[0].layers).map(([name, def]) => ({
      name,
      ...def,
      folder: path.resolve(cwd, def.folder),
    }));
    const file = context.filename;
    // The deepest folder wins, so a nested layer can have its own rules.
    const own = defs.filter((d) => inside(file, d.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
    if (!own) return {};
    const toPaths = (entries) => entries.map((e) => defs.find((d) => d.name === e)?.folder ?? path.resolve(cwd, e));
    const allowedNames = [own.name, ...own.may, ...(isTest(file) ? (own.testsMay ?? []) : [])];
    const allowed = [own.folder, ...toPaths(allowedNames.slice(1))];
    const layerOf = (target) => defs.filter((d) => inside(target, d.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];

    const check = (node) => {
      const source = node.source;
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolveImport(file, source.value) ?? path.resolve(path.dirname(file), source.value);
      if (allowed.some((folder) => inside(target, folder))) return;
      const targetLayer = layerOf(target);
      context.report({
        node: source,
        messageId: 'forbidden',
        data: {
          layer: own.name,
          target: targetLayer ? `the ${targetLayer.name} layer (${path.relative(cwd, target)})` : path.relative(cwd, target),
          allowed: allowedNames.join(', '),
        },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: (node) => check({ source: node.source }),
    };
  },
};
