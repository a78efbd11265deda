// createVideoToolSpecs: the seven tools bound to one client and one credit budget.
import { InputValidationError } from '../errors';
import { createToolSetContext } from './context';
import { imageToVideoTool, longVideoTool, textToVideoTool } from './generation';
import { cancelTaskTool, estimateTool, getTaskTool, listTasksTool } from './task-tools';
import { TOOL_NAMES, type ToolName, type VideoToolSetOptions, type VideoToolSpec } from './types';

function checkNames(field: 'pick' | 'omit', names: readonly string[] | undefined): void {
  for (const name of names ?? []) {
    if (!(TOOL_NAMES as readonly string[]).includes(name)) {
      throw new InputValidationError(field, `${JSON.stringify(name)} is not a tool name`, TOOL_NAMES);
    }
  }
}

export function createVideoToolSpecs(options: VideoToolSetOptions = {}): VideoToolSpec[] {
  checkNames('pick', options.pick);
  checkNames('omit', options.omit);
  const ctx = createToolSetContext(options);
  const specs = [
    textToVideoTool(ctx),
    imageToVideoTool(ctx),
    longVideoTool(ctx),
    getTaskTool(ctx),
    cancelTaskTool(ctx),
    listTasksTool(ctx),
    estimateTool(ctx),
  ].filter((spec): spec is VideoToolSpec => spec !== undefined);
  const picked = (name: ToolName) =>
    (!options.pick || options.pick.includes(name)) && !(options.omit ?? []).includes(name);
  return specs.filter((spec) => picked(spec.name));
}
