import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { InputError, NumericalError, TrainerError } from '../errors.js';
import type { Problem, ProblemFile } from '../problem/types.js';
import { toProblemFile } from '../problem/validate.js';
import { LineSplitter } from './lines.js';
import type { Trainer, TrainedCheckpoint } from './types.js';
import { checkCheckpointRequest, checkTrainedCheckpoints } from './validate.js';

/**
 * Trainer protocol v1 (docs/trainer-protocol.md): a user's own training code, in any language, runs as a
 * child process that reads one JSON request per line on stdin and answers one JSON line per request on
 * stdout. {@link externalTrainer} is the suite's side of it; `serveTrainer` (serve.ts) the trainer's side.
 */

/** The protocol version this module speaks (the `protocol` field of every request). */
export const PROTOCOL_VERSION = 1;
/** Default time a trainer has to answer one request (docs/trainer-protocol.md, "Timeouts"). */
export const DEFAULT_TIMEOUT_MS = 120_000;
/** How many of the trainer's last stderr lines an error message quotes. */
const STDERR_TAIL_LINES = 20;
/** Longest stderr line quoted in full; longer ones are cut. */
const STDERR_LINE_CHARS = 400;
/** How much of an unparsable answer line an error message quotes. */
const QUOTE_CHARS = 200;
/** After the shell exits, how long to wait for its pipes to close before treating the trainer as gone. */
const EXIT_GRACE_MS = 200;
/** How long {@link ExternalTrainer.close} waits for the trainer to exit on end of input before killing it. */
const CLOSE_GRACE_MS = 5_000;

/** Options of {@link externalTrainer}. */
export interface ExternalTrainerOptions {
  /**
   * Milliseconds the trainer has to answer one request, counted from the moment the request is
   * written (default {@link DEFAULT_TIMEOUT_MS}, 120 s; `Infinity` waits for ever). A trainer that
   * misses it is killed; the request fails and the next one starts a fresh process.
   */
  readonly timeoutMs?: number;
  /** The trainer's name in reports and error messages (default `external:<command>`). */
  readonly name?: string;
}

/** A trainer run by another process; {@link ExternalTrainer.close} ends that process. */
export interface ExternalTrainer extends Trainer {
  /**
   * Waits for the requests already made, then closes the trainer's stdin (which tells it to exit) and
   * waits for it to exit (killing it after 5 s). A later `train` starts a new process.
   */
  close(): Promise<void>;
}

/**
 * The problem file of an engine-form problem with `a`, `W0` and `m` explicit, as trainer protocol v1
 * sends it. Exact: every number is the double the engines use, and JSON (`JSON.stringify`, shortest
 * round-trip digits) carries doubles exactly, except that −0 is written as 0 (which no GD step can
 * tell apart: φ(±0) = ±0, φ′(±0) = γ).
 */
export function problemToFile(problem: Problem): ProblemFile {
  return toProblemFile(problem);
}

/**
 * The request line (without its `\n`) for training `problem` to the given checkpoints: the problem
 * file with `steps` set to the last checkpoint.
 */
export function encodeRequest(id: string, problem: Problem, checkpoints: readonly number[]): string {
  const file: ProblemFile = { ...problemToFile(problem), steps: checkpoints[checkpoints.length - 1]! };
  return JSON.stringify({ protocol: PROTOCOL_VERSION, id, problem: file, checkpoints: [...checkpoints] });
}

/** Marks the non-finite tokens `NaN`, `Infinity`, `-Infinity` that some JSON writers emit (Python's json). */
const NON_FINITE_MARK = '\u0000';
const NON_FINITE: ReadonlyMap<string, number> = new Map([
  [`${NON_FINITE_MARK}NaN`, Number.NaN],
  [`${NON_FINITE_MARK}Infinity`, Number.POSITIVE_INFINITY],
  [`${NON_FINITE_MARK}-Infinity`, Number.NEGATIVE_INFINITY],
]);

/**
 * Parses an answer line. Strict JSON first; if that fails, the tokens `NaN`, `Infinity` and `-Infinity`
 * outside strings (Python's `json.dumps` writes them) are read as the non-finite numbers they mean, so
 * that a run which left the float64 range is reported as a numerical failure naming the entry, not as
 * "not JSON".
 * @returns the parsed value, or `undefined` with the parser's message when the line is not JSON
 */
function parseAnswerLine(line: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(line) as unknown };
  } catch (e) {
    if (/NaN|Infinity/.test(line)) {
      const marked = line.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (tok) =>
        tok.startsWith('"') ? tok : JSON.stringify(NON_FINITE_MARK + tok),
      );
      try {
        return { value: JSON.parse(marked) as unknown };
      } catch {
        // Report the error of the line as written.
      }
    }
    return { error: (e as Error).message };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short description of a JSON value for an error message. */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') {
    const nf = NON_FINITE.get(v);
    if (nf !== undefined) return String(nf);
    return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  }
  if (typeof v === 'number') return String(v);
  return `a ${typeof v}`;
}

/** A number of an answer: a JSON number, a non-finite token, or `null` (JSON.stringify's spelling of NaN and ±Infinity). */
function answerNumber(v: unknown): { value: number; spelled?: string } | undefined {
  if (typeof v === 'number') return { value: v };
  if (v === null) return { value: Number.NaN, spelled: 'null (JSON.stringify writes NaN and ±Infinity as null)' };
  if (typeof v === 'string') {
    const nf = NON_FINITE.get(v);
    if (nf !== undefined) return { value: nf };
  }
  return undefined;
}

/** The ts of a checkpoint list, for messages (`t = 0, 5, 10`, cut after 12). */
function listTs(ts: readonly unknown[]): string {
  const shown = ts.slice(0, 12).map((t) => (typeof t === 'number' ? String(t) : describe(t)));
  return `t = ${shown.join(', ')}${ts.length > 12 ? `, … (${ts.length} in all)` : ''}`;
}

/**
 * Decodes and checks one answer line of trainer protocol v1 against its request (docs/trainer-protocol.md,
 * "Answers"): the id, an `error` answer (with the request's id or none), one checkpoint per requested t in order, each W m rows of d
 * numbers, each finite (through {@link checkTrainedCheckpoints}).
 *
 * @param trainer - the trainer's name, for the errors
 * @param id - the request's id
 * @returns the checkpoints, W as m×d row-major Float64Arrays
 * @throws TrainerError naming the request and the field (`answer`, `id`, `error`, `checkpoints`,
 *   `checkpoints[2].t`, `checkpoints[2].W`, `checkpoints[2].W[1]`, `checkpoints[2].W[1][3]`,
 *   `checkpoints[2].loss`)
 * @throws NumericalError (`W at step t`) naming `checkpoints[k].W[j][l]` when an entry is not finite
 */
export function decodeAnswer(
  trainer: string,
  line: string,
  id: string,
  problem: Problem,
  checkpoints: readonly number[],
): TrainedCheckpoint[] {
  const req = `request ${JSON.stringify(id)}`;
  const fail = (field: string, message: string): never => {
    throw new TrainerError(trainer, field, `${message} (${req})`);
  };
  const parsed = parseAnswerLine(line);
  if ('error' in parsed) {
    const quote = line.length > QUOTE_CHARS ? `${line.slice(0, QUOTE_CHARS)}…` : line;
    return fail('answer', `not JSON (${parsed.error}): ${JSON.stringify(quote)}; stdout is for answers only, logs go to stderr`);
  }
  const answer = parsed.value;
  if (!isRecord(answer)) return fail('answer', `expected a JSON object {"id", "checkpoints"}, got ${describe(answer)}`);
  const error = answer['error'];
  // An error answer may lack the id (a trainer that could not read the request has none to give).
  const anonymous = answer['id'] === undefined || answer['id'] === null;
  if (answer['id'] !== id && !(anonymous && error !== undefined && error !== null)) {
    return fail('id', `expected ${JSON.stringify(id)}, got ${typeof answer['id'] === 'string' ? JSON.stringify(answer['id']) : describe(answer['id'])}`);
  }
  if (error !== undefined && error !== null) {
    return fail('error', `the trainer reported an error: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
  }
  const cps: unknown = answer['checkpoints'];
  if (!Array.isArray(cps)) return fail('checkpoints', `expected an array of checkpoints, got ${describe(cps)}`);
  if (cps.length !== checkpoints.length) {
    const ts = cps.map((c) => (isRecord(c) ? c['t'] : undefined));
    const missing = checkpoints.filter((t) => !ts.includes(t));
    const extra = ts.filter((t) => !checkpoints.includes(t as number));
    const detail = [missing.length > 0 ? `missing ${listTs(missing)}` : '', extra.length > 0 ? `unrequested ${listTs(extra)}` : '']
      .filter((s) => s !== '')
      .join('; ');
    return fail('checkpoints', `expected ${checkpoints.length} checkpoints (${listTs(checkpoints)}), got ${cps.length}${detail ? `: ${detail}` : ''}`);
  }

  const { m, d } = problem;
  const out: TrainedCheckpoint[] = [];
  /** Where each non-finite entry came from, by checkpoint: the first one's (row, column, spelling). */
  const nonFinite: ({ j: number; l: number; spelled: string } | undefined)[] = [];
  cps.forEach((c: unknown, k) => {
    const at = `checkpoints[${k}]`;
    if (!isRecord(c)) return fail(at, `expected {"t", "W", "loss"?}, got ${describe(c)}`);
    if (c['t'] !== checkpoints[k]) return fail(`${at}.t`, `expected ${checkpoints[k]}, got ${describe(c['t'])}`);
    const rows: unknown = c['W'];
    if (!Array.isArray(rows)) return fail(`${at}.W`, `expected ${m} rows of ${d} numbers, got ${describe(rows)}`);
    if (rows.length !== m) return fail(`${at}.W`, `expected m = ${m} rows of ${d} numbers, got ${rows.length} rows`);
    const W = new Float64Array(m * d);
    let first: { j: number; l: number; spelled: string } | undefined;
    rows.forEach((row: unknown, j) => {
      if (!Array.isArray(row)) return fail(`${at}.W[${j}]`, `expected a row of ${d} numbers, got ${describe(row)}`);
      if (row.length !== d) return fail(`${at}.W[${j}]`, `expected d = ${d} numbers, got ${row.length}`);
      for (let l = 0; l < d; l++) {
        const v = answerNumber(row[l]);
        if (v === undefined) return fail(`${at}.W[${j}][${l}]`, `expected a number, got ${describe(row[l])}`);
        W[j * d + l] = v.value;
        if (first === undefined && !Number.isFinite(v.value)) first = { j, l, spelled: v.spelled ?? String(v.value) };
      }
      return undefined;
    });
    nonFinite.push(first);
    let loss: number | undefined;
    if (c['loss'] !== undefined) {
      const v = answerNumber(c['loss']);
      if (v === undefined) return fail(`${at}.loss`, `expected a number, got ${describe(c['loss'])}`);
      loss = v.value;
    }
    let a: Float64Array | undefined;
    if (c['a'] !== undefined) {
      const entries: unknown = c['a'];
      if (!Array.isArray(entries) || entries.length !== m) return fail(`${at}.a`, `expected m = ${m} numbers, got ${describe(entries)}`);
      a = new Float64Array(m);
      for (let j = 0; j < m; j++) {
        const v = answerNumber(entries[j]);
        if (v === undefined) return fail(`${at}.a[${j}]`, `expected a number, got ${describe(entries[j])}`);
        a[j] = v.value;
      }
    }
    out.push({ t: checkpoints[k]!, W, ...(loss === undefined ? {} : { loss }), ...(a === undefined ? {} : { a }) });
    return undefined;
  });

  try {
    return checkTrainedCheckpoints(trainer, problem, checkpoints, out) as TrainedCheckpoint[];
  } catch (e) {
    if (e instanceof NumericalError) {
      const k = nonFinite.findIndex((f) => f !== undefined);
      const f = nonFinite[k];
      if (f) throw new NumericalError(e.quantity, `${trainer} returned checkpoints[${k}].W[${f.j}][${f.l}] = ${f.spelled} (${req})`);
    }
    if (e instanceof TrainerError) throw new TrainerError(trainer, e.field, `${messageOf(e)} (${req})`);
    throw e;
  }
}

/** The message of a TrainerError or NumericalError without its `trainer: field: ` or `quantity: ` prefix. */
function messageOf(e: TrainerError | NumericalError): string {
  const prefix = e instanceof TrainerError ? `${e.trainer}: ${e.field}: ` : `${e.quantity}: `;
  return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
}

/** The same error with `extra` appended to its message (the trainer's last stderr lines). */
function withNote(e: unknown, extra: string): unknown {
  if (extra === '') return e;
  if (e instanceof TrainerError) return new TrainerError(e.trainer, e.field, messageOf(e) + extra);
  if (e instanceof NumericalError) return new NumericalError(e.quantity, messageOf(e) + extra);
  return e;
}

/** What the process of a session sends the request in flight. */
type Event = { readonly line: string } | { readonly end: string };

/** Something with Node's ref/unref (a child process, a pipe). */
interface Refable {
  ref?(): void;
  unref?(): void;
}

/** One run of the trainer's process, from spawn to exit. */
class Session {
  readonly child: ChildProcessWithoutNullStreams;
  /** How the process ended, once it has. */
  ended: string | undefined;
  /** Killed (or ended): no new request may be sent to it. */
  stale = false;
  /** Resolves once the process has ended. */
  readonly done: Promise<void>;
  /** The request in flight, if any. */
  waiter: ((e: Event) => void) | undefined;
  private readonly stdout = new LineSplitter();
  private readonly stderr = new LineSplitter();
  private readonly stderrTail: string[] = [];
  private resolveDone!: () => void;

  constructor(command: string) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    // Its own process group, so that a timeout kills the shell and whatever it started.
    this.child = spawn('sh', ['-c', command], { detached: true });
    this.child.stdout.setEncoding('utf8');
    this.child.stderr.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => {
      for (const line of this.stdout.push(chunk)) this.onLine(line);
    });
    this.child.stderr.on('data', (chunk: string) => {
      for (const line of this.stderr.push(chunk)) this.keepStderr(line);
    });
    // A write to a trainer that has exited fails with EPIPE; its exit is reported through 'close'.
    this.child.stdin.on('error', () => undefined);
    this.child.on('error', (e) => this.end(`could not be started (${e.message})`));
    this.child.on('exit', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      // Wait for the pipes to drain (the last stderr lines), but not for ever: a process the shell
      // started may hold them open.
      setTimeout(() => this.end(how), EXIT_GRACE_MS).unref();
      this.child.on('close', () => this.end(how));
    });
  }

  /** The trainer's last stderr lines, formatted for an error message ('' when it wrote none). */
  stderrNote(): string {
    const rest = this.stderr.flush();
    if (rest !== undefined) this.keepStderr(rest);
    if (this.stderrTail.length === 0) return '';
    return `\nlast lines of the trainer's stderr:\n${this.stderrTail.map((l) => `  | ${l}`).join('\n')}`;
  }

  /** Keeps the event loop alive for this process (while a request is in flight) or not (while idle). */
  hold(on: boolean): void {
    for (const h of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Refable[]) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }

  /** Kills the process group (the shell and everything it started). */
  kill(): void {
    this.stale = true;
    if (this.ended !== undefined) return;
    const pid = this.child.pid;
    try {
      if (pid !== undefined) process.kill(-pid, 'SIGKILL');
      else this.child.kill('SIGKILL');
    } catch {
      this.child.kill('SIGKILL');
    }
  }

  private keepStderr(line: string): void {
    this.stderrTail.push(line.length > STDERR_LINE_CHARS ? `${line.slice(0, STDERR_LINE_CHARS)}…` : line);
    if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w({ line });
    } else {
      // A line nobody asked for: the trainer is out of step with its requests. The next request
      // starts a fresh process rather than read this line as its answer.
      this.kill();
    }
  }

  private end(how: string): void {
    if (this.ended !== undefined) return;
    const rest = this.stdout.flush();
    if (rest !== undefined && rest.trim() !== '') this.onLine(rest);
    this.ended = how;
    this.stale = true;
    this.hold(false);
    this.resolveDone();
    const w = this.waiter;
    this.waiter = undefined;
    w?.({ end: how });
  }
}

/**
 * A trainer that runs `command` through the shell (`sh -c command`) and speaks trainer protocol v1 with
 * it (docs/trainer-protocol.md). The process starts on the first request and serves every later one;
 * requests are serialised (one in flight at a time). Every answer is checked against its request
 * ({@link decodeAnswer}). A crash, an exit or a hang past `timeoutMs` fails the request in flight with a
 * {@link TrainerError} saying which request and why, and the next request starts a fresh process;
 * answers already returned stand. Error messages end with the trainer's last stderr lines.
 *
 * While no request is in flight the process does not keep Node running, so a program that forgets
 * {@link ExternalTrainer.close} still exits (the trainer then sees end of input and exits too).
 *
 * @param command - a shell command line, e.g. `python3 examples/python/numpy_trainer.py`
 * @throws InputError (field `command` or `timeoutMs`) on an empty command or a timeout that is not > 0
 */
export function externalTrainer(command: string, options: ExternalTrainerOptions = {}): ExternalTrainer {
  if (typeof command !== 'string' || command.trim() === '') throw new InputError('command', 'expected a shell command line, got an empty one');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) throw new InputError('timeoutMs', `must be a positive number of milliseconds (or Infinity), got ${String(timeoutMs)}`);
  const name = options.name ?? `external:${command}`;
  let session: Session | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let requests = 0;

  const live = (): Session => {
    if (session === undefined || session.stale) session = new Session(command);
    return session;
  };

  /** Sends one request line and waits for its answer line (or the end of the process, or the timeout). */
  const exchange = (s: Session, id: string, line: string): Promise<string> =>
    new Promise<string>((resolve, reject) => {
      const req = `request ${JSON.stringify(id)}`;
      let timer: NodeJS.Timeout | undefined;
      s.hold(true);
      s.waiter = (e) => {
        if (timer) clearTimeout(timer);
        s.hold(false);
        if ('line' in e) resolve(e.line);
        else {
          reject(
            new TrainerError(name, 'process', `the trainer ${e.end} before answering ${req}; the next request starts it again${s.stderrNote()}`),
          );
        }
      };
      if (Number.isFinite(timeoutMs)) {
        timer = setTimeout(() => {
          s.waiter = undefined;
          s.hold(false);
          const note = s.stderrNote();
          s.kill();
          reject(
            new TrainerError(
              name,
              'timeout',
              `no answer to ${req} within ${timeoutMs} ms; the trainer was killed and the next request starts it again (raise timeoutMs for a slow trainer)${note}`,
            ),
          );
        }, timeoutMs);
      }
      s.child.stdin.write(`${line}\n`);
    });

  const request = async (problem: Problem, checkpoints: readonly number[]): Promise<readonly TrainedCheckpoint[]> => {
    checkCheckpointRequest(name, checkpoints);
    const id = `r${++requests}`;
    const line = encodeRequest(id, problem, checkpoints);
    const s = live();
    const answer = await exchange(s, id, line);
    try {
      return decodeAnswer(name, answer, id, problem, checkpoints);
    } catch (e) {
      // A line that is not an answer, or the answer to another request: the process is out of step
      // with its requests, so the next request starts a fresh one.
      if (e instanceof TrainerError && (e.field === 'answer' || e.field === 'id')) s.kill();
      throw withNote(e, s.stderrNote());
    }
  };

  return {
    name,
    train(problem: Problem, checkpoints: readonly number[]): Promise<readonly TrainedCheckpoint[]> {
      const run = queue.then(() => request(problem, checkpoints));
      queue = run.catch(() => undefined);
      return run;
    },
    async close(): Promise<void> {
      await queue;
      const s = session;
      session = undefined;
      if (s === undefined) return;
      if (s.ended === undefined && s.stale) {
        await s.done; // killed, and about to report its exit
        return;
      }
      if (s.ended !== undefined) return;
      s.hold(true);
      s.child.stdin.end();
      const timer = setTimeout(() => s.kill(), CLOSE_GRACE_MS);
      await s.done;
      clearTimeout(timer);
    },
  };
}
