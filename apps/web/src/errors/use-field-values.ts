import { useState } from 'react';

/**
 * A form's values with a setter per field: changing a field drops the error message shown for it
 * (the message belongs to the value that was sent, not to the one being typed).
 */
export function useFieldValues<Values extends object>(initial: Values | (() => Values), dismiss: (field: string) => void) {
  const [values, setValues] = useState<Values>(initial);
  const set =
    <K extends keyof Values & string>(key: K) =>
    (value: Values[K]): void => {
      setValues((v) => ({ ...v, [key]: value }));
      dismiss(key);
    };
  return { values, setValues, set };
}
