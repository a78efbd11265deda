// Each tool's input and output type by name, derived from the schemas above, so adapters can type
// their tools (AI SDK tool sets, UI parts) without re-declaring a field.
import type { z } from 'zod';
import type {
  EstimateOutput,
  estimateInput,
  imageToVideoInput,
  ListTasksOutput,
  listTasksInput,
  longVideoInput,
  taskIdInput,
  textToVideoInput,
  VideoTaskOutput,
} from './schemas';

export interface VideoToolTypes {
  text_to_video: { input: z.infer<ReturnType<typeof textToVideoInput>>; output: VideoTaskOutput };
  image_to_video: { input: z.infer<ReturnType<typeof imageToVideoInput>>; output: VideoTaskOutput };
  long_video: { input: z.infer<typeof longVideoInput>; output: VideoTaskOutput };
  get_video_task: { input: z.infer<typeof taskIdInput>; output: VideoTaskOutput };
  cancel_video_task: { input: z.infer<typeof taskIdInput>; output: VideoTaskOutput };
  list_video_tasks: { input: z.infer<typeof listTasksInput>; output: ListTasksOutput };
  estimate_video_credits: { input: z.infer<ReturnType<typeof estimateInput>>; output: EstimateOutput };
}
