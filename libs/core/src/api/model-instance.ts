/**
 * A GraphQL model built as an instance of its class, every field named: result unions tell their
 * members apart by class (see result-union.ts), so mappers return instances, never bare objects.
 */
export function modelOf<T extends object>(type: new () => T, fields: { [K in keyof T]: T[K] }): T {
  return Object.assign(new type(), fields);
}
