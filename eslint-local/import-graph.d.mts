// Types for tests that use the import graph directly.
export function resolveImport(fromFile: string, specifier: string): string | null;
export function runtimeImports(file: string, text?: string): { specifier: string; target: string }[];
export function buildImportGraph(cwd: string, roots: string[]): Map<string, string[]>;
export function findCycles(graph: Map<string, string[]>): string[][];
