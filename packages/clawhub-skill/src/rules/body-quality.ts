// ClawHub's content-quality gate for new skills, mirrored from openclaw/clawhub
// `convex/lib/skillQuality.ts` at the strictest tier (a new publisher account: hard reject when the body
// is thin, quarantine under a score of 72). Our body must pass with the full score.
const TEMPLATE_MARKERS = [
  'expert guidance for',
  'practical skill guidance',
  'step-by-step tutorials',
  'tips and techniques',
  'project ideas',
  'resource recommendations',
  'help with this skill',
  'learning guidance',
];
export const MIN_SCORE = 72;

export interface BodyQuality {
  words: number;
  chars: number;
  uniqueRatio: number;
  headings: number;
  bullets: number;
  score: number;
  rejected: boolean;
}

function words(text: string): string[] {
  const segments = new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text);
  return [...segments].filter((entry) => entry.isWordLike).map((entry) => entry.segment.trim().toLowerCase());
}

export function bodyQuality(body: string, summary = ''): BodyQuality {
  const tokens = words(body);
  const chars = body.replace(/\s+/g, '').length;
  const uniqueRatio = tokens.length ? new Set(tokens).size / tokens.length : 0;
  const lines = body.split('\n').map((line) => line.trim());
  const headings = lines.filter((line) => /^#{1,3}\s+/.test(line)).length;
  const bullets = lines.filter((line) => /^[-*]\s+/.test(line)).length;
  const markers = TEMPLATE_MARKERS.filter((marker) => body.toLowerCase().includes(marker)).length;
  let score = 100;
  if (chars < 250) score -= 28;
  if (tokens.length < 80) score -= 24;
  if (uniqueRatio < 0.45) score -= 14;
  if (headings < 2) score -= 10;
  if (bullets < 3) score -= 8;
  score -= Math.min(28, markers * 9);
  if (/^expert guidance for [a-z0-9-]+\.?$/.test(summary.trim().toLowerCase())) score -= 20;
  const rejected = tokens.length < 45 || chars < 260 || (markers >= 3 && tokens.length < 120);
  return { words: tokens.length, chars, uniqueRatio, headings, bullets, score: Math.max(0, score), rejected };
}

export function bodyProblems(body: string, summary: string): string[] {
  const quality = bodyQuality(body, summary);
  const problems: string[] = [];
  if (quality.rejected)
    problems.push(`body is too thin for ClawHub (${quality.words} words, ${quality.chars} characters)`);
  if (quality.score < 100)
    problems.push(`body quality score is ${quality.score}/100 (${JSON.stringify(quality)})`);
  return problems;
}
