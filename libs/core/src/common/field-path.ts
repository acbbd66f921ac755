/**
 * How every error names the input field at fault, whoever finds it (the validation pipe, input
 * hygiene or a service): the path from the operation's arguments, keys joined by dots and list
 * positions written as numbers — `input.coverage.radii.0.km`, `filter.provinceCode`, `id`.
 * Clients (the web app's form errors among them) read one convention only.
 */
export type PathSegment = string | number;

export const fieldPath = (...segments: readonly PathSegment[]): string => segments.filter((segment) => segment !== '').join('.');
