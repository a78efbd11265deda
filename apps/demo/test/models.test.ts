// The agents' model choice: offline scripted by default, OpenAI through each framework's own provider when
// OPENAI_API_KEY is set (no request is made here; the providers only read the key when called).
import { expect, it } from 'vitest';
import { agentModels } from '../src/models/select.ts';

it('uses the offline scripted model without OPENAI_API_KEY', () => {
  const models = agentModels({});
  expect(models.label).toBe('offline scripted model');
  const aiSdk = models.aiSdk();
  expect(typeof aiSdk === 'object' && aiSdk.provider).toBe('mock-provider');
});

it("uses OpenAI through each framework's provider with OPENAI_API_KEY", () => {
  const models = agentModels({ OPENAI_API_KEY: 'fake-openai-key' });
  expect(models.label).toContain('OpenAI');
  const aiSdk = models.aiSdk();
  expect(typeof aiSdk === 'object' && aiSdk.provider).toMatch(/^openai/);
  expect(models.langchain()._llmType()).toBe('openai');
});
