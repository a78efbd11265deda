// The offline LangChain model (fakeModel) playing the demo script: a text_to_video call, then an answer
// built from the tool message.
import { AIMessage, type BaseMessage, ToolMessage } from '@langchain/core/messages';
import { fakeModel } from 'langchain';
import { answerFrom, VIDEO_CALL } from './script.ts';

export function scriptedLangChainModel() {
  return fakeModel()
    .respondWithTools([{ name: VIDEO_CALL.toolName, args: VIDEO_CALL.input, id: 'call_1' }])
    .respond((messages: BaseMessage[]) => {
      const toolMessage = messages.findLast((m) => ToolMessage.isInstance(m));
      return new AIMessage(answerFrom(String(toolMessage?.content ?? '')));
    });
}
