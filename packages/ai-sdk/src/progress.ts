// Core reports progress through a callback; the AI SDK streams preliminary results from an async
// generator. This bridges the two: every status change is yielded as core's progress snapshot (the task
// in the shape of the output, with core's progress message), the tool's own output is yielded last (the
// AI SDK takes the last yield as the final result).
import { isTerminalStatus } from '@aivideomaker/core';
import { progressSnapshot } from '@aivideomaker/core/internal';
import type { VideoTaskOutput, VideoToolProgress } from '@aivideomaker/core/tools';

export async function* withProgress<O>(
  run: (onProgress: (progress: VideoToolProgress) => void) => Promise<O>,
): AsyncGenerator<O | VideoTaskOutput> {
  const pending: VideoTaskOutput[] = [];
  let settled = false;
  let wake: (() => void) | undefined;
  const result = run((progress) => {
    // A terminal state is reported by the final result itself, with its video URL.
    if (isTerminalStatus(progress.status)) return;
    pending.push(progressSnapshot(progress));
    wake?.();
  });
  // Settling only wakes the loop; the outcome itself is read by the `await` below.
  const settle = () => {
    settled = true;
    wake?.();
  };
  result.then(settle, settle);
  for (;;) {
    while (pending.length > 0) yield pending.shift() as VideoTaskOutput;
    if (settled) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
    wake = undefined;
  }
  yield await result;
}
