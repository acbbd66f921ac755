export * from './territory.types';
export * from './normalize';
export * from './distance';
export * from './istat-codes';
export * from './build-territory';
export * from './dataset';
export * from './second-language-names';
export * from './comune-query';
