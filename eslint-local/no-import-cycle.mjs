// `local/no-import-cycle`: a file that is part of a circle of runtime imports is reported at the
// import that continues the circle. A circle means some module runs before what it imports has
// finished loading (an export read as undefined at load time), and that two layers are really one.
// The fix is at the cause: move the piece both sides need down into a module neither imports.
import path from 'node:path';
import { buildImportGraph, findCycles, resolveImport, runtimeImports } from './import-graph.mjs';

/** One graph per process and root set; the file being linted refreshes its own edges (editors). */
const graphs = new Map();

function cyclesFor(cwd, roots, file, text) {
  const key = `${cwd}\0${roots.join('\0')}`;
  let entry = graphs.get(key);
  if (!entry) {
    entry = { graph: buildImportGraph(cwd, roots), cycles: null };
    graphs.set(key, entry);
  }
  if (entry.graph.has(file)) {
    const edges = runtimeImports(file, text).map((i) => i.target);
    if (edges.join('\0') !== entry.graph.get(file).join('\0')) {
      entry.graph.set(file, edges);
      entry.cycles = null;
    }
  }
  entry.cycles ??= findCycles(entry.graph);
  return entry.cycles;
}

/** Erased at compile time, so not part of any runtime circle (the graph leaves these out too). */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const named = node.specifiers ?? [];
  const kind = (s) => s.importKind ?? s.exportKind;
  return (
    named.length > 0 &&
    named.every((s) => s.type !== 'ImportDefaultSpecifier' && s.type !== 'ImportNamespaceSpecifier' && kind(s) === 'type')
  );
}

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid circles of runtime imports between our own modules.' },
    schema: [
      { type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } }, additionalProperties: false },
    ],
    messages: { cycle: 'Import cycle: {{circle}}. Move what both sides need into a module lower down that neither imports.' },
  },
  create(context) {
    const roots = context.options[0]?.roots ?? ['.'];
    const file = context.filename;
    const cwd = context.cwd;
    const circles = cyclesFor(cwd, roots, file, context.sourceCode.text).filter((c) => c.includes(file));
    if (!circles.length) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string' || isTypeOnly(node)) return;
      const target = resolveImport(file, node.source.value);
      for (const circle of circles) {
        const at = circle.indexOf(file);
        if (circle[at + 1] !== target) continue;
        const rotated = [...circle.slice(at, -1), ...circle.slice(0, at), file];
        context.report({ node, messageId: 'cycle', data: { circle: rotated.map((f) => path.relative(cwd, f)).join(' → ') } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
