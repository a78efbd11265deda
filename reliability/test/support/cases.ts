// Runs a table of cases side by side and reports every failing case by name, not just the first.
export async function runCases<C extends { name: string }>(
  cases: readonly C[],
  run: (testCase: C) => Promise<unknown>,
): Promise<void> {
  const failures: string[] = [];
  await Promise.all(
    cases.map(async (testCase) => {
      try {
        await run(testCase);
      } catch (error) {
        failures.push(`${testCase.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
  if (failures.length > 0) throw new Error(`${failures.length} case(s) failed:\n${failures.join('\n')}`);
}

/** Error class matcher that names what it got. */
export function expectError(
  error: unknown,
  type: abstract new (...args: never[]) => Error,
  code?: string,
): void {
  if (!(error instanceof type)) {
    const got = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`expected ${type.name}, got ${got}`);
  }
  if (code !== undefined && (error as { code?: string }).code !== code) {
    throw new Error(`expected code ${code}, got ${(error as { code?: string }).code}`);
  }
}
