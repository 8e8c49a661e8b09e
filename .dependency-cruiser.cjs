/**
 * The import rule of docs/ARCHITECTURE.md, checked by `npm run lint`.
 * Each folder may import only the folders listed for it; everything else is a violation.
 */
const layer = (from, allowed) => ({
  name: `${from}-imports`,
  comment: `src/${from}/ may import only: ${allowed.join(', ')}`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: {
    path: '^src/',
    pathNot: [`^src/${from}/`, ...allowed.map((a) => `^src/${a}/`)],
  },
});

module.exports = {
  forbidden: [
    layer('domain', []),
    layer('contracts', ['domain']),
    layer('db', ['domain']),
    layer('repositories', ['db', 'domain']),
    layer('services', ['domain', 'contracts', 'repositories', 'i18n', 'importers', 'exporters']),
    layer('importers', ['domain', 'contracts', 'repositories', 'i18n']),
    layer('exporters', ['domain', 'contracts', 'repositories', 'i18n']),
    layer('jobs', ['domain', 'contracts', 'repositories', 'services', 'i18n']),
    layer('http', ['services', 'contracts', 'domain', 'i18n', 'jobs']),
    layer('cli', ['services', 'contracts', 'domain', 'i18n', 'jobs', 'runtime']),
    layer('i18n', ['domain']),
    {
      name: 'domain-is-pure',
      comment: 'src/domain/ is pure TypeScript: no zod, no database, no node:* built-ins',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
      },
    },
    {
      name: 'contracts-only-zod',
      comment: 'src/contracts/ may import domain/ and zod only',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-no-pkg'], pathNot: ['node_modules/zod/'] },
    },
    {
      name: 'web-not-server',
      comment: 'web/ may import src/contracts, src/domain and src/i18n only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/(contracts|domain|i18n)/'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
