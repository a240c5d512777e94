import path from 'node:path';

/**
 * Import boundaries between the layers of `src/`, checked on the resolved path so relative imports
 * (`../../tasks/…`) cannot slip past a pattern:
 * - a feature (`src/features/<a>/…`) never imports another feature (`src/features/<b>/…`);
 * - shared code (`src/lib`, `src/components`, `src/testing`, `src/config`) never imports a feature.
 * `src/app` composes features and may import any of them. What two features both need moves to
 * `src/lib` (or `src/components`).
 * - nothing under `src/` (browser code) imports the Node programs `server/` or `sim/`. The other
 *   way round is allowed for pure modules (server/history/entry-schema.ts takes its outcome list
 *   from src/lib/history-outcomes.ts): one direction only. Tests (`*.test.ts(x)`) run in Node,
 *   not in the browser, and may start the simulator or the server they test against.
 */

const SHARED = new Set(['lib', 'components', 'testing', 'config']);
const NODE_PROGRAMS = new Set(['server', 'sim']);

/** `server` or `sim` for a path inside those programs, else null. */
function nodeProgramOf(root, file) {
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top] = relative.split(path.sep);
  return top && NODE_PROGRAMS.has(top) ? top : null;
}

/** `{ layer, feature }` of a path under `<root>/src`, or null outside it. */
function layerOf(root, file) {
  const relative = path.relative(path.join(root, 'src'), file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, second] = relative.split(path.sep);
  if (top === 'features' && second) return { layer: 'feature', feature: second };
  if (top && SHARED.has(top)) return { layer: 'shared', name: top };
  return { layer: top ?? '' };
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Features do not import each other; shared code does not import features',
    },
    schema: [],
    messages: {
      crossFeature:
        "Feature '{{from}}' imports feature '{{to}}' ({{source}}). Move what both need to src/lib or src/components, or compose them in src/app.",
      sharedToFeature:
        "Shared code (src/{{from}}) imports feature '{{to}}' ({{source}}). Shared code must not depend on a feature.",
      browserToNode:
        "Browser code imports the Node program '{{to}}' ({{source}}). Move what both need to a pure module of src/lib, which {{to}}/ may import.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(root, file);
    if (!from) return {};
    const isTest = /\.test\.tsx?$/.test(file);

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const program = nodeProgramOf(root, target);
      if (program && !isTest) {
        context.report({ node, messageId: 'browserToNode', data: { to: program, source } });
        return;
      }
      if (program || (from.layer !== 'feature' && from.layer !== 'shared')) return;
      const to = layerOf(root, target);
      if (!to || to.layer !== 'feature') return;
      if (from.layer === 'feature' && to.feature !== from.feature) {
        context.report({
          node,
          messageId: 'crossFeature',
          data: { from: from.feature, to: to.feature, source },
        });
      } else if (from.layer === 'shared') {
        context.report({
          node,
          messageId: 'sharedToFeature',
          data: { from: from.name, to: to.feature, source },
        });
      }
    }
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
      // vi.mock('../../other-feature/…') pulls the module in as surely as an import does.
      'CallExpression[callee.object.name="vi"][callee.property.name=/^(mock|doMock|importActual)$/]':
        (node) =>
          node.arguments[0]?.type === 'Literal' &&
          check(node.arguments[0], node.arguments[0].value),
    };
  },
};

export const boundariesPlugin = { rules: { 'import-boundaries': importBoundaries } };
