// The HTTP control routes under /__emulator/, which exist only with `faultControl: true` (CLI:
// --fault-control), so tests in any language can drive faults and read what the emulator saw.
import type { RequestContext } from './api';
import type { Fault, FaultStore } from './faults';
import { errorReply, jsonReply, type Reply } from './http';
import type { Ledger } from './ledger';
import type { RequestRecord } from './request-log';
import type { TaskStore } from './tasks';
import type { WebhookDelivery } from './webhooks';

export const CONTROL_PREFIX = '/__emulator/';

export interface ControlDeps {
  faults: FaultStore;
  ledger: Ledger;
  tasks: TaskStore;
  requests: RequestRecord[];
  webhooks: WebhookDelivery[];
}

export function handleControl(deps: ControlDeps, ctx: RequestContext): Reply {
  const route = `${ctx.method} ${ctx.path.slice(CONTROL_PREFIX.length - 1)}`;
  const key = ctx.query.get('key') ?? undefined;
  switch (route) {
    case 'POST /faults':
      return addFault(deps.faults, ctx.body);
    case 'GET /faults':
      return jsonReply(200, { faults: deps.faults.list() });
    case 'DELETE /faults':
      deps.faults.clear();
      return jsonReply(200, { faults: [] });
    case 'GET /requests':
      return jsonReply(200, { requests: deps.requests });
    case 'DELETE /requests':
      deps.requests.length = 0;
      return jsonReply(200, { requests: [] });
    case 'GET /ledger':
      return jsonReply(200, {
        ...(key === undefined ? {} : { key, balance: deps.ledger.balance(key) }),
        entries: deps.ledger.entries(key),
      });
    case 'PUT /ledger':
      return setBalance(deps.ledger, ctx.body);
    case 'GET /tasks':
      return jsonReply(200, { tasks: deps.tasks.list(key) });
    case 'GET /webhooks':
      return jsonReply(200, { webhooks: deps.webhooks });
    default:
      return errorReply(404, `Not found: ${ctx.method} ${ctx.path}`);
  }
}

function parseObject(body: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
    return 'Request body must be a JSON object';
  } catch (error) {
    return `Invalid JSON body: ${(error as Error).message}`;
  }
}

function addFault(faults: FaultStore, body: string): Reply {
  const fault = parseObject(body);
  if (typeof fault === 'string') return errorReply(400, fault);
  try {
    return jsonReply(200, { id: faults.add(fault as unknown as Fault) });
  } catch (error) {
    return errorReply(400, (error as Error).message);
  }
}

function setBalance(ledger: Ledger, body: string): Reply {
  const request = parseObject(body);
  if (typeof request === 'string') return errorReply(400, request);
  const { key, balance } = request;
  if (typeof key !== 'string' || key === '' || typeof balance !== 'number') {
    return errorReply(400, 'Send {"key": string, "balance": number}');
  }
  try {
    ledger.setBalance(key, balance);
  } catch (error) {
    return errorReply(400, (error as Error).message);
  }
  return jsonReply(200, { key, balance: ledger.balance(key) });
}
