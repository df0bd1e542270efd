// The house rules for imports (issue 18), checked by `npm run check` through scripts/check-boundaries.ts,
// which adds the one rule dependency-cruiser cannot say: no cycle between modules.
// Floors, lowest first: domain → contracts → server/db → server/platform → server/modules → server/seed,
// server/app.ts, server/main.ts, scripts, bench, e2e. web/ sees domain and contracts only.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-face-only',
      comment:
        'A module is used by other modules only through its index.ts (its face); what is not exported there is its own business.',
      severity: 'error',
      from: { path: '^server/modules/([^/]+)/' },
      to: {
        path: '^server/modules/[^/]+/',
        pathNot: ['^server/modules/$1/', '^server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'outside-uses-face',
      comment:
        'The app, the seed, scripts, benchmarks and browser tests use a module through its face.',
      severity: 'error',
      from: { pathNot: '^server/modules/' },
      to: { path: '^server/modules/[^/]+/', pathNot: '^server/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds pure rules shared by server and web: no I/O, nothing above it.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(contracts|server|web|scripts|bench|e2e)/' },
    },
    {
      name: 'contracts-see-domain-only',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(server|web|scripts|bench|e2e)/' },
    },
    {
      name: 'web-never-imports-server',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(server|scripts|bench|e2e)/' },
    },
    {
      name: 'db-below-everything',
      comment:
        'server/db (client, schema, migrations) knows nothing of platform, modules or the seed.',
      severity: 'error',
      from: { path: '^server/db/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/(platform|modules|seed|test)/|^server/(app|main)\\.ts$' },
    },
    {
      name: 'platform-below-modules',
      comment:
        'server/platform (access, audit, auth, http) is used by the modules, never the reverse.',
      severity: 'error',
      from: { path: '^server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/(modules|seed)/|^server/(app|main)\\.ts$' },
    },
    {
      name: 'seed-above-modules',
      comment: 'The demo seed is a client of the modules; no module imports it.',
      severity: 'error',
      from: { path: '^server/(modules|platform|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^server/seed/' },
    },
    {
      name: 'no-circular-files',
      comment: 'No file cycle of value imports (a type-only import back is erased and harmless).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.tmp)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
