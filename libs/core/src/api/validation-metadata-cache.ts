import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const CACHED = Symbol('vec.validationMetadataCache');

/**
 * class-validator looks up a class's rules on every validation by filtering its metadata and
 * testing the class against every decorated class of the application (inheritance), which is
 * much of the cost of validating a small input. The rules of a class only change while classes
 * are being declared, so the answer is kept per class and options, and forgotten whenever a rule
 * is added. Installed once per process, on class-validator's own storage.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const patched = storage as Storage & { [CACHED]?: true };
  if (patched[CACHED]) return;
  patched[CACHED] = true;
  let cache = new Map<string, ReturnType<Lookup>>();
  const ids = new WeakMap<object, number>();
  let lastId = 0;
  const idOf = (target: object): number => {
    let id = ids.get(target);
    if (id === undefined) ids.set(target, (id = ++lastId));
    return id;
  };
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const forgetting =
    <A extends unknown[]>(add: (...args: A) => void) =>
    (...args: A): void => {
      cache = new Map();
      add(...args);
    };
  storage.addValidationMetadata = forgetting(storage.addValidationMetadata.bind(storage));
  storage.addConstraintMetadata = forgetting(storage.addConstraintMetadata.bind(storage));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${idOf(target)}|${schema}|${always}|${strictGroups}|${JSON.stringify(groups ?? null)}`;
    let metadatas = cache.get(key);
    if (!metadatas) cache.set(key, (metadatas = lookup(target, schema, always, strictGroups, groups)));
    return metadatas;
  };
}
