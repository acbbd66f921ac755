import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { countedAddress, queryCostEstimator, queryTooComplex, refusingWith, throttleErrorToGraphQL, ThrottleException, type QueryLimit } from '@vec/core';
import { getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule, type ValueNode } from 'graphql';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { RateLimiterMemory } from 'rate-limiter-flexible';

export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
  /** What one client address may ask for per minute, in cost units (0: no limit). */
  costPerMinute: number;
}

/**
 * GraphQL Armor's rules word a rejection as "… limit of N exceeded, found M."; the rejection is
 * reported as the platform's QUERY_TOO_COMPLEX error, naming the limit and the measured value.
 */
function reportAs(limit: QueryLimit, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError): void => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? max + 1);
        context?.reportError(queryTooComplex(limit, max, found));
      },
    ],
  };
}

/** Depth, aliases and directives: checked while the operation is validated, before anything runs. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    // Introspection is kept shallow by graphql-js's own MaxIntrospectionDepthRule and priced by the cost budget.
    maxDepthRule({ ...reportAs('depth', limits.depth), ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule({ ...reportAs('aliases', limits.aliases), allowList: [] }),
    maxDirectivesRule(reportAs('directives', limits.directives)),
  ];
}

/** The cost of an operation with its variables: what it may return, lists multiplied by their size. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, operationName, variables, estimators: [queryCostEstimator, simpleEstimator({ defaultComplexity: 1 })] });
}

/**
 * The variables an operation's cost can depend on: those given to a `first` argument (the only
 * argument the estimator reads) and to directives (@skip/@include leave selections out).
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode): void => {
    visit(value, { [Kind.VARIABLE]: (node) => void names.add(node.name.value) });
  };
  visit(document, {
    [Kind.FIELD]: (node) => node.arguments?.filter((argument) => argument.name.value === 'first').forEach((argument) => collect(argument.value)),
    [Kind.DIRECTIVE]: (node) => node.arguments?.forEach((argument) => collect(argument.value)),
  });
  return [...names].sort();
}

/** Costs an operation was found to have, for the variables it depends on, kept per document (bounded). */
interface CostMemo {
  variables: string[];
  costs: Map<string, number>;
}

const MEMO_ENTRIES = 32;

/**
 * Charges each operation's cost to its client address (by countedAddress), within `perMinute`
 * units a minute: an operation near the cost budget can take most of a second of the server, and
 * the plain request rate would let one client send hundreds a minute. An operation dearer than the
 * whole allowance is charged the allowance, so it can pass after a wait. Refused with
 * TOO_MANY_REQUESTS (COST_LIMIT), HTTP 429 and Retry-After, before it runs.
 */
function costCharger(perMinute: number): (address: string, cost: number) => Promise<void> {
  if (perMinute === 0) return async () => undefined;
  const limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  return async (address, cost) => {
    try {
      await refusingWith('COST_LIMIT', limiter.consume(countedAddress(address), Math.min(Math.max(cost, 1), perMinute)));
    } catch (error) {
      if (!(error instanceof ThrottleException)) throw error;
      const refusal = throttleErrorToGraphQL(error);
      const http = refusal.extensions.http as { headers: unknown };
      throw new GraphQLError(refusal.message, { extensions: { ...refusal.extensions, http: { ...http, status: 429 } } });
    }
  };
}

/**
 * Prices each operation once its variables are known (a page's `first` may be a variable),
 * refuses it before execution when it is over the budget, and charges its cost to the client's
 * allowance per minute (costCharger). The price is a function of the document, the operation and
 * the variables given to `first` and to directives, so a price within budget is remembered for
 * those (the parsed document is the same object for every request that sends the same text):
 * repeats skip the walk. Anything over budget, or not priced yet, is priced again.
 */
export function queryCostPlugin(maxCost: number, costPerMinute = 0): ApolloServerPlugin<{ req?: { ip?: string } }> {
  const memos = new WeakMap<DocumentNode, CostMemo>();
  const charge = costCharger(costPerMinute);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          let memo = memos.get(document);
          if (!memo) memos.set(document, (memo = { variables: costVariables(document), costs: new Map() }));
          const given = request.variables ?? {};
          const key = JSON.stringify([request.operationName ?? null, ...memo.variables.map((name) => (name in given ? [given[name]] : []))]);
          const address = contextValue.req?.ip ?? 'unknown';
          const known = memo.costs.get(key);
          if (known !== undefined) return charge(address, known);
          // Variables that do not fit their types are refused by the input-hygiene plugin, which
          // stops at 50 of them. Pricing them would coerce them all, a message each: 16,000 bad list
          // items took 0.7 s of the event loop. Apollo runs the plugins' checks together, so this
          // one tells for itself, stopping at the first (an operation priced before needs no look).
          if (getVariableValues(schema, operation?.variableDefinitions ?? [], given, { maxErrors: 1 }).errors) return;
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, request.operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation: execution refuses them as bad input, before any resolver.
            return;
          }
          if (cost > maxCost) throw queryTooComplex('cost', maxCost, cost);
          if (memo.costs.size >= MEMO_ENTRIES) memo.costs.delete(memo.costs.keys().next().value as string);
          memo.costs.set(key, cost);
          await charge(address, cost);
        },
      };
    },
  };
}
