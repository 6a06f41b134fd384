// The yaml package behind a module of ours, for scan's dynamic imports. yaml is
// CommonJS: a bundle (dist/cli, the Action) hands a dynamic import of CommonJS
// only its default export, while a static import in an ES module gets the
// named exports in every build.
export * as yaml from 'yaml';
