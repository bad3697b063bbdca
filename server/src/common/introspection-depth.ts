import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/**
 * The depth an introspection selection (`__schema`, `__type`) may reach, counted in fields from the
 * root: graphql-js's getIntrospectionQuery() — what GraphiQL, codegen and a stock ra-data-graphql
 * send — reaches 21 with its TypeRef fragment of 7 `ofType`s. The ordinary limit (12, armor's
 * maxDepth) ignores introspection; this rule keeps introspection bounded on its own, and the
 * gate in access.plugins.ts still refuses it to anonymous callers.
 */
export const MAX_INTROSPECTION_DEPTH = 24;

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

function depthOf(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      const frag = fragments[name];
      // a fragment cycle is refused by graphql-js's own NoFragmentCycles rule
      if (!frag || seen.has(name)) continue;
      seen.add(name);
      max = Math.max(max, depthOf(frag.selectionSet, fragments, seen));
      seen.delete(name);
    }
  }
  return max;
}

export function introspectionDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    return {
      Field(node) {
        if (!INTROSPECTION_ROOTS.has(node.name.value)) return;
        const depth = 1 + depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`接口结构查询过深（${depth} 层，最多 ${maxDepth} 层） / introspection depth ${depth} exceeds ${maxDepth}`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', reason: 'INTROSPECTION_TOO_DEEP', maxDepth },
            }),
          );
        }
        return false;
      },
    };
  };
}
