// Runs before any module (a classic script): zod reads this object when it loads. Without it zod
// probes `new Function` while creating schemas, which the production CSP (no unsafe-eval) reports
// as a violation. Must not be inlined: the CSP forbids inline scripts.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
