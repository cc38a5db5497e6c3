export * from './errors.ts';
export * from './frames.ts';
