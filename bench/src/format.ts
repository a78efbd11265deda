// Human-readable figures and markdown tables, shared by the console output and the README section.

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return 'n/a';
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

export const formatKb = (bytes: number): string => `${(bytes / 1_000).toFixed(1)} kB`;

export const formatPercent = (share: number): string =>
  `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;

export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
