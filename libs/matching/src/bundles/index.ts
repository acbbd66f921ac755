export * from './bundle.types';
export { recommendSets } from './set-recommendations';
