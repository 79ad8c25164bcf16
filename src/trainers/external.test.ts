import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError, NumericalError, TrainerError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import { validateProblem } from '../problem/validate.js';
import { float64Trainer } from './builtin.js';
import { decodeAnswer, encodeRequest, externalTrainer, problemToFile, type ExternalTrainer } from './external.js';
import { LineSplitter } from './lines.js';
import { serveTrainer } from './serve.js';
import type { TrainedCheckpoint } from './types.js';

/**
 * Trainer protocol v1 (docs/trainer-protocol.md) against real child processes: the example trainers,
 * and malformed trainers written as tiny `node -e` scripts.
 */

/** Exp loss, γ = 0.5, balanced a, and a zero row in W0 (so φ′(0) = γ decides the first step). */
const p1 = validateProblem({
  X: [
    [1, 0.2, -0.3],
    [0.8, -0.5, 0.1],
    [-0.9, 0.3, 0.4],
    [-1.1, -0.2, -0.6],
  ],
  y: [1, 1, -1, -1],
  gamma: 0.5,
  m: 4,
  W0: [
    [0.01, -0.02, 0.03],
    [0, 0, 0],
    [-0.015, 0.005, 0.02],
    [0.02, 0.01, -0.01],
  ],
  loss: 'exp',
  lr: 0.5,
  steps: 200,
});

/** Logistic loss, γ = 0.1, odd m with an unbalanced a. */
const p2 = validateProblem({
  X: [
    [1.2, 0.4],
    [0.3, 1.1],
    [-0.7, 0.9],
    [-1, -0.5],
    [0.6, -1.3],
  ],
  y: [1, 1, -1, -1, 1],
  gamma: 0.1,
  a: [0.8, -0.5, 0.3],
  W0: [
    [0.05, -0.02],
    [-0.03, 0.04],
    [0.01, 0.06],
  ],
  loss: 'logistic',
  lr: 1,
  steps: 200,
});

/** Plain ReLU (γ = 0), d > n. */
const p3 = validateProblem({
  X: [
    [1, 0.5, -0.2, 0.3],
    [-0.4, 1, 0.6, -0.1],
    [0.2, -0.3, 1, 0.7],
  ],
  y: [1, -1, 1],
  gamma: 0,
  m: 2,
  W0: [
    [0.1, 0.05, 0.08, -0.02],
    [-0.07, 0.09, 0.04, 0.03],
  ],
  loss: 'exp',
  lr: 0.3,
  steps: 200,
});

const problems: [string, Problem][] = [
  ['exp, γ = 0.5, a zero row in W0', p1],
  ['logistic, γ = 0.1, m = 3, unbalanced a', p2],
  ['exp, ReLU (γ = 0), d > n', p3],
];
const schedule = [0, 1, 2, 10, 50, 200];

/** Every entry of every W agrees to relative `tol`: |u − v| ≤ tol·max(|u|, |v|). */
function expectClose(got: readonly TrainedCheckpoint[], want: readonly TrainedCheckpoint[], tol: number): void {
  expect(got.map((c) => c.t)).toEqual(want.map((c) => c.t));
  got.forEach((c, k) => {
    const w = want[k]!.W;
    expect(c.W.length).toBe(w.length);
    for (let e = 0; e < w.length; e++) {
      const u = c.W[e]!;
      const v = w[e]!;
      if (Math.abs(u - v) > tol * Math.max(Math.abs(u), Math.abs(v))) {
        expect.fail(`t = ${c.t}, entry ${e}: ${u} vs ${v} (relative ${Math.abs(u - v) / Math.max(Math.abs(u), Math.abs(v))})`);
      }
    }
  });
}

/** Trainers started by a test, closed at the end of the file. */
const started: ExternalTrainer[] = [];
function track(t: ExternalTrainer): ExternalTrainer {
  started.push(t);
  return t;
}
afterAll(async () => {
  await Promise.all(started.map((t) => t.close()));
});

/**
 * Whether process `pid` is still running. A killed process whose parent died first waits as a zombie
 * until PID 1 reaps it, which some containers never do; a zombie counts as dead.
 */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && existsSync('/proc/self/stat')) return false;
  }
  try {
    process.kill(pid, 0); // no /proc: ask the kernel
    return true;
  } catch {
    return false;
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

async function trainerError(p: Promise<unknown>, field: string): Promise<TrainerError> {
  const e = await rejection(p);
  expect(e).toBeInstanceOf(TrainerError);
  expect((e as TrainerError).field).toBe(field);
  return e as TrainerError;
}

/**
 * A trainer as a `node -e` script: for each request `r` (the `k`th this process has seen) it runs
 * `body`, which may call `send(answer)` and `good(r)` (a well-formed answer: W = W0 at every t).
 */
function scripted(body: string, options: { timeoutMs?: number; prefix?: string } = {}): ExternalTrainer {
  const script = [
    'const rl = require("readline").createInterface({ input: process.stdin });',
    'const send = (o) => process.stdout.write(JSON.stringify(o) + "\\n");',
    'const good = (r) => ({ id: r.id, checkpoints: r.checkpoints.map((t) => ({ t, W: r.problem.W0 })) });',
    'let k = 0;',
    `rl.on("line", (line) => { const r = JSON.parse(line); k++; ${body} });`,
  ].join('\n');
  if (script.includes("'")) throw new Error('the script must not contain single quotes (it is quoted for sh)');
  return track(
    externalTrainer(`${options.prefix ?? ''}node -e '${script}'`, {
      name: 'scripted',
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    }),
  );
}

/** A 2×2 problem (m = 2, d = 2) for the malformed trainers. */
const small = validateProblem({
  X: [
    [1, 0],
    [0, 1],
  ],
  y: [1, -1],
  gamma: 0.5,
  a: [1, -1],
  W0: [
    [0.1, 0.2],
    [0.3, 0.4],
  ],
  lr: 0.1,
  steps: 10,
});
const W0 = Array.from(small.W0);

describe('the example trainers agree with the float64 engine (200 steps, relative 1e-12 per entry)', () => {
  const reference = float64Trainer();
  const node = track(externalTrainer('node examples/typescript/trainer.mjs'));

  it.each(problems)('examples/typescript/trainer.mjs: %s', async (_, p) => {
    expectClose(await node.train(p, schedule), await reference.train(p, schedule), 1e-12);
  });

  const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  const numpyReason =
    numpy.error !== undefined ? `python3 cannot run (${numpy.error.message})` : numpy.status !== 0 ? `python3 has no numpy (${numpy.stderr.trim().split('\n').pop() ?? ''})` : '';
  if (numpyReason !== '') console.warn(`skipping the Python example: ${numpyReason}`);
  const python = numpyReason === '' ? track(externalTrainer('python3 examples/python/numpy_trainer.py')) : undefined;

  (python ? it.each(problems) : it.skip.each(problems))(
    `examples/python/numpy_trainer.py: %s${numpyReason ? ` (skipped: ${numpyReason})` : ''}`,
    async (_, p) => {
      expectClose(await python!.train(p, schedule), await reference.train(p, schedule), 1e-12);
    },
  );

  it('the process serves many requests: the same trainer answers all three problems again, bit for bit', async () => {
    const first = await Promise.all(problems.map(([, p]) => node.train(p, schedule)));
    const again = await Promise.all(problems.map(([, p]) => node.train(p, schedule)));
    again.forEach((cps, k) => cps.forEach((c, j) => expect(Array.from(c.W)).toEqual(Array.from(first[k]![j]!.W))));
  });
});

describe('requests', () => {
  it('problemToFile carries every double exactly through JSON, with a, W0 and m explicit', () => {
    const awkward = [0.1 + 0.2, 1e-300, 5e-324, -1.7976931348623157e308, 1 / 3, 2 ** -1074 * 3];
    const p = validateProblem({
      X: [awkward.slice(0, 3), awkward.slice(3)],
      y: [1, -1],
      gamma: 1 / 7,
      a: [Math.SQRT1_2, -Math.PI],
      W0: [awkward.slice(3), awkward.slice(0, 3)],
      loss: 'logistic',
      lr: 0.123456789012345678,
      steps: 3,
      mu: [1e-17, 2, 3],
    });
    const request = JSON.parse(encodeRequest('r7', p, [0, 5, 9])) as Record<string, unknown>;
    expect(request['protocol']).toBe(1);
    expect(request['id']).toBe('r7');
    expect(request['checkpoints']).toEqual([0, 5, 9]);
    const file = request['problem'] as Record<string, unknown>;
    expect(file['m']).toBe(2);
    expect(file['a']).toEqual(Array.from(p.a));
    expect(file['steps']).toBe(9); // the last checkpoint
    const back = validateProblem(file);
    for (const key of ['X', 'y', 'a', 'W0', 'mu'] as const) expect(Array.from(back[key]!)).toEqual(Array.from(p[key]!));
    expect([back.gamma, back.lr, back.loss, back.m]).toEqual([p.gamma, p.lr, p.loss, p.m]);
    expect(problemToFile(p).W0).toEqual([awkward.slice(3), awkward.slice(0, 3)]);
  });

  it('refuses a bad command, timeout or checkpoint request before starting anything', async () => {
    expect(() => externalTrainer('  ')).toThrow(InputError);
    expect(() => externalTrainer('node x.js', { timeoutMs: 0 })).toThrow(InputError);
    const t = externalTrainer('exit 1', { name: 'never-started' });
    const e = await trainerError(t.train(small, [0, 5, 5]), 'checkpoints[2]');
    expect(e.trainer).toBe('never-started');
  });

  it('serialises requests: a second one is written only after the first is answered', async () => {
    // Answers after 50 ms, and complains if a request arrives while one is pending.
    const t = scripted('if (globalThis.busy) return send({ id: r.id, error: "overlap" }); globalThis.busy = true; setTimeout(() => { globalThis.busy = false; send(good(r)); }, 50);');
    const answers = await Promise.all([t.train(small, [0, 1]), t.train(small, [2, 3]), t.train(small, [4])]);
    expect(answers.map((a) => a.map((c) => c.t))).toEqual([[0, 1], [2, 3], [4]]);
    expect(Array.from(answers[2]![0]!.W)).toEqual(W0);
  });
});

describe('malformed trainers: a TrainerError or NumericalError naming the request and the field', () => {
  it('not JSON', async () => {
    const e = await trainerError(scripted('process.stdout.write("training started\\n");').train(small, [0, 10]), 'answer');
    expect(e.message).toMatch(/^scripted: answer: not JSON .*"training started".*logs go to stderr \(request "r1"\)/);
  });

  it('the answer to another request', async () => {
    const t = scripted('send({ ...good(r), id: "r" + (k + 10) });');
    const e = await trainerError(t.train(small, [0, 10]), 'id');
    expect(e.message).toBe('scripted: id: expected "r1", got "r11" (request "r1")');
  });

  it('a missing, an extra and a wrong checkpoint', async () => {
    const t = scripted(
      'const a = good(r); if (k === 1) a.checkpoints.splice(1, 1); if (k === 2) a.checkpoints.push({ t: 99, W: r.problem.W0 }); if (k === 3) a.checkpoints[2].t = 6; send(a);',
    );
    let e = await trainerError(t.train(small, [0, 5, 10]), 'checkpoints');
    expect(e.message).toBe('scripted: checkpoints: expected 3 checkpoints (t = 0, 5, 10), got 2: missing t = 5 (request "r1")');
    e = await trainerError(t.train(small, [0, 5, 10]), 'checkpoints');
    expect(e.message).toMatch(/got 4: unrequested t = 99 \(request "r2"\)/);
    e = await trainerError(t.train(small, [0, 5, 10]), 'checkpoints[2].t');
    expect(e.message).toMatch(/expected 10, got 6 \(request "r3"\)/);
  });

  it('a W of the wrong shape, naming the row or the entry', async () => {
    const t = scripted(
      'const a = good(r); const W = a.checkpoints[1].W = r.problem.W0.map((row) => row.slice()); if (k === 1) W.pop(); if (k === 2) W[1].pop(); if (k === 3) W[0][1] = "0.2"; if (k === 4) a.checkpoints[1].W = 3; send(a);',
    );
    expect((await trainerError(t.train(small, [0, 10]), 'checkpoints[1].W')).message).toMatch(/expected m = 2 rows of 2 numbers, got 1 rows/);
    expect((await trainerError(t.train(small, [0, 10]), 'checkpoints[1].W[1]')).message).toMatch(/expected d = 2 numbers, got 1 \(request "r2"\)/);
    expect((await trainerError(t.train(small, [0, 10]), 'checkpoints[1].W[0][1]')).message).toMatch(/expected a number, got the string "0.2"/);
    await trainerError(t.train(small, [0, 10]), 'checkpoints[1].W');
  });

  it('a non-finite entry: NaN written by JSON.stringify (null) or by Python (NaN, -Infinity)', async () => {
    const t = scripted(
      'const a = good(r); a.checkpoints[1].W = [[1, 2], [k === 1 ? NaN : "MARK", 4]]; const s = JSON.stringify(a); process.stdout.write((k === 1 ? s : s.replace(`"MARK"`, k === 2 ? "NaN" : "-Infinity")) + "\\n");',
    );
    for (const [id, spelled] of [
      ['r1', 'null'],
      ['r2', 'NaN'],
      ['r3', '-Infinity'],
    ] as const) {
      const e = await rejection(t.train(small, [0, 10]));
      expect(e).toBeInstanceOf(NumericalError);
      expect((e as NumericalError).quantity).toBe('W at step 10');
      expect((e as NumericalError).message).toContain(`W at step 10: scripted returned checkpoints[1].W[1][0] = ${spelled}`);
      expect((e as NumericalError).message).toContain(`(request "${id}")`);
    }
  });

  it('an error answer (with the id or without one), with the trainer kept running for the next request', async () => {
    const t = scripted('if (k === 1) send({ id: r.id, error: "out of memory" }); else if (k === 2) send({ id: null, error: "cannot read" }); else send({ ...good(r), error: null });');
    const e = await trainerError(t.train(small, [0, 10]), 'error');
    expect(e.message).toBe('scripted: error: the trainer reported an error: out of memory (request "r1")');
    expect((await trainerError(t.train(small, [0, 10]), 'error')).message).toMatch(/cannot read \(request "r2"\)/);
    // k === 3: the same process answered (a restarted one would have k === 1 and fail again); "error": null is no error.
    expect((await t.train(small, [0, 10])).length).toBe(2);
  });

  it('a crash mid-stream: the request in flight fails with the exit and stderr; the next one restarts the trainer', async () => {
    const t = scripted('if (k === 2) { process.stderr.write("boom: simulated crash\\n"); process.exit(3); } send(good(r));');
    const first = await t.train(small, [0, 10]);
    const e = await trainerError(t.train(small, [0, 5]), 'process');
    expect(e.message).toMatch(/the trainer exited with code 3 before answering request "r2"/);
    expect(e.message).toContain('  | boom: simulated crash');
    const third = await t.train(small, [0, 10]);
    expect(third.map((c) => c.t)).toEqual([0, 10]);
    expect(Array.from(first[1]!.W)).toEqual(W0); // the answer before the crash stands
  });

  it('a trainer that cannot start', async () => {
    const t = track(externalTrainer('definitely-not-a-trainer-xyz --serve', { name: 'missing' }));
    const e = await trainerError(t.train(small, [0]), 'process');
    expect(e.message).toMatch(/exited with code 127 before answering request "r1"/);
    expect(e.message).toMatch(/not found/);
  });

  it('a hang past timeoutMs: the process group is killed, and the next request restarts it', async () => {
    // `true;` makes sh fork node instead of exec'ing it: the kill must reach the grandchild too. The
    // trainer reports its pid as its loss.
    const t = scripted('if (r.checkpoints[r.checkpoints.length - 1] === 7) return; send({ id: r.id, checkpoints: good(r).checkpoints.map((c) => ({ ...c, loss: process.pid })) });', {
      timeoutMs: 1000,
      prefix: 'true; ',
    });
    const pid = (await t.train(small, [0, 3]))[0]!.loss!;
    expect(alive(pid)).toBe(true);
    const e = await trainerError(t.train(small, [0, 7]), 'timeout');
    expect(e.message).toMatch(/no answer to request "r2" within 1000 ms; the trainer was killed/);
    const next = (await t.train(small, [0, 3]))[0]!.loss!;
    expect(next).not.toBe(pid);
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
  });

  it('a line nobody asked for: the process is replaced, later requests are answered', async () => {
    const t = scripted('send(good(r)); if (r.checkpoints[1] === 5) send(good(r));');
    expect((await t.train(small, [0, 5])).length).toBe(2);
    // The duplicate either arrives while idle (the process is replaced before the next request) or is
    // read as the next request's answer (a wrong id; the process is replaced after it).
    const second = await t.train(small, [0, 3]).catch((e: unknown) => e);
    if (second instanceof Error) expect((second as TrainerError).field).toBe('id');
    expect((await t.train(small, [0, 3])).length).toBe(2);
  });

  it('close ends the process; a later request starts a new one', async () => {
    // The trainer reports its pid as its loss.
    const t = scripted('send({ id: r.id, checkpoints: good(r).checkpoints.map((c) => ({ ...c, loss: process.pid })) });');
    const pid = (await t.train(small, [0]))[0]!.loss!;
    await t.close();
    expect(alive(pid)).toBe(false);
    const again = (await t.train(small, [0]))[0]!.loss!;
    expect(again).not.toBe(pid);
    await t.close();
    expect(alive(again)).toBe(false);
  });
});

describe('decodeAnswer', () => {
  const decode = (answer: unknown) => () => decodeAnswer('mine', JSON.stringify(answer), 'r1', small, [0, 10]);
  const field = (answer: unknown): string => {
    try {
      decode(answer)();
    } catch (e) {
      expect(e).toBeInstanceOf(TrainerError);
      return (e as TrainerError).field;
    }
    throw new Error('expected a TrainerError');
  };
  const rows = [
    [0.1, 0.2],
    [0.3, 0.4],
  ];

  it('names the field of a malformed answer', () => {
    expect(field([{ id: 'r1' }])).toBe('answer');
    expect(field({ id: 'r1', checkpoints: { t: 0 } })).toBe('checkpoints');
    expect(field({ id: 'r1', checkpoints: [5, { t: 10, W: rows }] })).toBe('checkpoints[0]');
    expect(field({ id: 'r1', checkpoints: [{ t: 0, W: rows, loss: 'small' }, { t: 10, W: rows }] })).toBe('checkpoints[0].loss');
    expect(field({ id: 'r1', checkpoints: [{ t: 0, W: rows }, { t: '10', W: rows }] })).toBe('checkpoints[1].t');
    expect(field({ id: 'r1', checkpoints: [{ t: 0, W: rows }, { t: 10, W: [rows[0], 7] }] })).toBe('checkpoints[1].W[1]');
  });

  it('reads a well-formed answer exactly, ignoring unknown fields and keeping a non-finite loss of its own', () => {
    const line = `{"id": "r1", "elapsed": 3, "checkpoints": [{"t": 0, "W": ${JSON.stringify(rows)}, "loss": NaN}, {"t": 10, "W": [[0.1, 5e-324], [-0.0, 1.7976931348623157e308]], "loss": 0.25}]}`;
    const got = decodeAnswer('mine', line, 'r1', small, [0, 10]);
    expect(Array.from(got[0]!.W)).toEqual(W0);
    expect(got[0]!.loss).toBeNaN();
    expect(Array.from(got[1]!.W)).toEqual([0.1, 5e-324, -0, 1.7976931348623157e308]);
    expect(got[1]!.loss).toBe(0.25);
  });

  it('a string that spells NaN is a string, not a number', () => {
    expect(field({ id: 'r1', checkpoints: [{ t: 0, W: rows }, { t: 10, W: [[0.1, 'NaN'], [0.3, 0.4]] }] })).toBe('checkpoints[1].W[0][1]');
  });
});

describe('serveTrainer: the built-in engine behind the protocol', () => {
  async function serve(lines: (string | Buffer)[]): Promise<string[]> {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.setEncoding('utf8');
    output.on('data', (c: string) => chunks.push(c));
    const done = serveTrainer(float64Trainer(), input, output);
    for (const l of lines) input.write(l);
    input.end();
    await done;
    const out = new LineSplitter().push(chunks.join(''));
    return out;
  }

  it('answers requests in order, bit for bit the engine, also when a request arrives in pieces', async () => {
    const requests = problems.map(([, p], k) => encodeRequest(`q${k}`, p, schedule));
    const pieces = [requests[0]!.slice(0, 100), requests[0]!.slice(100, 300), `${requests[0]!.slice(300)}\n\n`, Buffer.from(`${requests[1]}\r\n`), requests[2]!];
    const answers = await serve(pieces);
    expect(answers.length).toBe(3);
    for (const [k, [, p]] of problems.entries()) {
      const got = decodeAnswer('served', answers[k]!, `q${k}`, p, schedule);
      const want = await float64Trainer().train(p, schedule);
      got.forEach((c, j) => {
        expect(Array.from(c.W)).toEqual(Array.from(want[j]!.W));
        expect(c.loss).toBe(want[j]!.loss);
      });
    }
  });

  it('answers a malformed request with an error naming what is wrong, and goes on', async () => {
    const req = (o: object) => `${JSON.stringify(o)}\n`;
    const file = problemToFile(small);
    const answers = (
      await serve([
        '{not json\n',
        req({ protocol: 2, id: 'a', problem: file, checkpoints: [0] }),
        req({ protocol: 1, id: 'b', problem: { ...file, gamma: 2 }, checkpoints: [0] }),
        req({ protocol: 1, id: 'c', problem: file, checkpoints: [3, 1] }),
        req({ protocol: 1, problem: file, checkpoints: [0] }),
        req({ protocol: 1, id: 'd', problem: file, checkpoints: [0, 2] }),
      ])
    ).map((l) => JSON.parse(l) as { id: string | null; error?: string });
    expect(answers.map((a) => a.id)).toEqual([null, 'a', 'b', 'c', null, 'd']);
    expect(answers[0]!.error).toMatch(/request is not JSON/);
    expect(answers[1]!.error).toMatch(/protocol: this trainer speaks protocol 1, got 2/);
    expect(answers[2]!.error).toBe('gamma: must lie in [0, 1], got 2');
    expect(answers[3]!.error).toMatch(/checkpoints\[1\]: must exceed the previous checkpoint 3/);
    expect(answers[4]!.error).toMatch(/id: expected a string/);
    expect(answers[5]!.error).toBeUndefined();
  });
});

describe('decodeAnswer with a trained second layer (docs/theory.md §11)', () => {
  const sq = validateProblem({ X: [[1.5, 0], [0, 1.2]], y: [1.3, -1.1], gamma: 0, m: 2, loss: 'square', trainSecondLayer: true, init: { scale: 0.1, seed: 1 }, lr: 0.1, steps: 1 });
  const W = [[0.1, 0.2], [0.3, 0.4]];

  it('reads a(t) and requires it when the problem trains the second layer, naming the field', () => {
    const got = decodeAnswer('mine', JSON.stringify({ id: 'r', checkpoints: [{ t: 0, W, a: [0.5, -0.5] }] }), 'r', sq, [0]);
    expect(Array.from(got[0]!.a!)).toEqual([0.5, -0.5]);
    expect(() => decodeAnswer('mine', JSON.stringify({ id: 'r', checkpoints: [{ t: 0, W }] }), 'r', sq, [0])).toThrow(/checkpoints\[0\]\.a/);
    expect(() => decodeAnswer('mine', JSON.stringify({ id: 'r', checkpoints: [{ t: 0, W, a: [0.5] }] }), 'r', sq, [0])).toThrow(TrainerError);
  });
});
