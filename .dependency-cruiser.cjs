// Import rules, checked by `npm run check:deps` (dependency-cruiser) as part of `npm test`.
// Type-only imports count for cycles; the page rules below let web/ import types from anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      comment: 'No two files may import each other, directly or through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment:
        "No cycle between the worker's folders (db, admin, lib, schemas, exports, ...): each " +
        'layer imports only the ones below it.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^worker/' },
      to: { path: '^worker/', circular: true },
    },
    {
      name: 'data-and-shared-are-leaves',
      comment:
        'worker/data (the table registry, the value lists) and worker/shared (what the page and ' +
        'the worker share) import nothing from other worker folders; the shared model types ' +
        '(worker/model.ts) by type only.',
      severity: 'error',
      from: { path: '^worker/(data|shared)/' },
      to: {
        path: '^worker/',
        pathNot: ['^worker/$1/', '^worker/model\\.ts$'],
      },
    },
    {
      name: 'shared-takes-model-types-only',
      comment:
        'worker/shared runs in the page: it may take the model for its types, never its code.',
      severity: 'error',
      from: { path: '^worker/shared/' },
      to: { path: '^worker/model\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-imports-only-shared-code',
      comment:
        'The page runs only worker/model.ts (types), worker/data/values.ts, worker/data/labels.ts ' +
        'and worker/shared/; ' +
        'anything else of the worker it may import by type only.',
      severity: 'error',
      from: { path: '^web/' },
      to: {
        path: '^worker/',
        pathNot: '^worker/(model\\.ts|data/(values|labels)\\.ts|shared/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'page-bundles-no-zod',
      comment:
        'The page must not pull zod into its bundle: neither it nor what it may run of the ' +
        'worker (model.ts, values.ts, worker/shared) imports zod other than by type.',
      severity: 'error',
      from: { path: '^(web/|worker/(model\\.ts|data/(values|labels)\\.ts|shared/))' },
      to: { path: 'node_modules/(zod|@hono/zod-openapi)/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^worker/ssr/build/' },
  },
}
