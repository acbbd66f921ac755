// Translation keys are checked at compile time against the Italian catalogue.
import 'i18next';
import type it from './it.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof it };
  }
}
