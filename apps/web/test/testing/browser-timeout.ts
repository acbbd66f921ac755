// A browser journey spans several pages, each checked with axe: more than the API tests' 30 s.
jest.setTimeout(90_000);
