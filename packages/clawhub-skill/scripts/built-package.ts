// The scripts run on plain Node, which cannot resolve the extensionless imports of src/, so they load the
// built package. Typed from src/, so typechecking does not need a build first.
type Package = typeof import('../src/index');

const entry = new URL('../dist/index.mjs', import.meta.url);
export const built: Package = await import(entry.href).catch(() => {
  console.error(
    `${entry.pathname} is missing: run \`pnpm --filter @aivideomaker/clawhub-skill build\` first.`,
  );
  process.exit(1);
});
