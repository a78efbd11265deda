// The same tools as a LangChain toolkit, for code that takes a BaseToolkit.
import { BaseToolkit } from '@langchain/core/tools';
import { type AIVideoMakerTool, type AIVideoMakerToolsOptions, createAIVideoMakerTools } from './tools';

export class AIVideoMakerToolkit extends BaseToolkit {
  tools: AIVideoMakerTool[];

  constructor(options: AIVideoMakerToolsOptions = {}) {
    super();
    this.tools = createAIVideoMakerTools(options);
  }
}
