import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, visit } from 'graphql';

const WEB_DOCUMENTS = join(__dirname, '..', '..', '..', 'web', 'src', 'graphql');

export interface WebOperation {
  name: string;
  /** The operation with exactly the fragments it uses, as the web app sends it. */
  document: DocumentNode;
  source: string;
}

function fragmentsUsedBy(node: OperationDefinitionNode | FragmentDefinitionNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): Set<string> {
  visit(node, {
    FragmentSpread(spread) {
      const name = spread.name.value;
      if (seen.has(name)) return;
      seen.add(name);
      const fragment = fragments.get(name);
      if (fragment) fragmentsUsedBy(fragment, fragments, seen);
    },
  });
  return seen;
}

/** Every operation of the web app's documents (apps/web/src/graphql/*.graphql). */
export function webOperations(): WebOperation[] {
  const definitions = readdirSync(WEB_DOCUMENTS)
    .filter((file) => file.endsWith('.graphql'))
    .flatMap((file) => parse(readFileSync(join(WEB_DOCUMENTS, file), 'utf8')).definitions);
  const fragments = new Map(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  return definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const used = [...fragmentsUsedBy(operation, fragments)].map((name) => fragments.get(name)).filter((f): f is FragmentDefinitionNode => f !== undefined);
      const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...used] };
      return { name: operation.name?.value ?? '(anonymous)', document, source: [operation, ...used].map((d) => d.loc?.source.body.slice(d.loc.start, d.loc.end)).join('\n') };
    });
}
