// Types for scripts/node-version.mjs (plain JS so it runs on any Node old enough to need it).
export declare const RECOMMENDED_NODE_MAJOR: number;
export declare function minimumNodeVersion(): [number, number, number];
export declare function nodeVersionProblem(
  versions?: { node: string },
  minimum?: [number, number, number],
): string | null;
export declare function exitUnlessSupportedNode(): void;
