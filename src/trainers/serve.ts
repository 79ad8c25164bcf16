import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { validateProblem } from '../problem/validate.js';
import { PROTOCOL_VERSION } from './external.js';
import { LineSplitter } from './lines.js';
import type { Trainer } from './types.js';
import { checkCheckpointRequest } from './validate.js';

/** The answer line (without its `\n`) to one request line. Never throws: every failure is an `error` answer. */
export async function answerRequest(trainer: Trainer, line: string): Promise<string> {
  let id: unknown = null;
  try {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (e) {
      throw new Error(`request is not JSON (${(e as Error).message})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('request: expected a JSON object {"protocol", "id", "problem", "checkpoints"}');
    const req = raw as Record<string, unknown>;
    if (typeof req['id'] !== 'string') throw new Error(`id: expected a string, got ${JSON.stringify(req['id']) ?? 'nothing'}`);
    id = req['id'];
    if (req['protocol'] !== PROTOCOL_VERSION) throw new Error(`protocol: this trainer speaks protocol ${PROTOCOL_VERSION}, got ${JSON.stringify(req['protocol']) ?? 'nothing'}`);
    const problem = validateProblem(req['problem']);
    const cps = req['checkpoints'];
    if (!Array.isArray(cps) || !cps.every((t) => typeof t === 'number')) throw new Error('checkpoints: expected an array of integers');
    checkCheckpointRequest(trainer.name, cps as number[]);
    const trained = await trainer.train(problem, cps as number[]);
    const { m, d } = problem;
    return JSON.stringify({
      id,
      checkpoints: trained.map((c) => ({
        t: c.t,
        W: Array.from({ length: m }, (_, j) => Array.from(c.W.subarray(j * d, (j + 1) * d))),
        ...(c.loss !== undefined && Number.isFinite(c.loss) ? { loss: c.loss } : {}),
      })),
    });
  } catch (e) {
    return JSON.stringify({ id, error: e instanceof Error ? e.message : String(e) });
  }
}

/**
 * Speaks trainer protocol v1 (docs/trainer-protocol.md) as the trainer: reads request lines from `input`,
 * trains each with `trainer`, one at a time, and writes one answer line per request to `output`, in order.
 * A malformed request or a failing run gets an `{"id", "error"}` answer (`"id": null` when the request
 * has no readable id); blank lines are skipped. This is the built-in engines behind the protocol, e.g.
 * `serveTrainer(float64Trainer(), process.stdin, process.stdout)`, a reference to test a harness against.
 *
 * @returns a promise that resolves when `input` ends and every answer is written (it does not end `output`)
 */
export async function serveTrainer(trainer: Trainer, input: Readable, output: Writable): Promise<void> {
  const lines = new LineSplitter();
  const decoder = new StringDecoder('utf8');
  const handle = async (line: string): Promise<void> => {
    if (line.trim() === '') return;
    const answer = await answerRequest(trainer, line);
    if (!output.write(`${answer}\n`)) await once(output, 'drain');
  };
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    for (const line of lines.push(typeof chunk === 'string' ? chunk : decoder.write(chunk))) await handle(line);
  }
  lines.push(decoder.end());
  const rest = lines.flush();
  if (rest !== undefined) await handle(rest);
}
