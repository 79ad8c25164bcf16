import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from './_testing/cli.js';
import { commands } from './commands/index.js';
import { parseShard } from './shard.js';

const root = new URL('../../', import.meta.url);
const text = (p: string) => readFileSync(new URL(p, root), 'utf8');
const workflowText = text('ci/github/benign-check.yml');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly if?: string;
  readonly needs?: string | string[];
  readonly env?: Record<string, string>;
  readonly strategy?: { readonly matrix?: Record<string, unknown>; readonly 'fail-fast'?: boolean };
  readonly steps?: readonly Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly jobs: Record<string, Job>;
}
const workflow = parse(workflowText) as Workflow;
const job = (name: string): Job => {
  const j = workflow.jobs[name];
  if (j === undefined) throw new Error(`job ${name} missing from ci/github/benign-check.yml`);
  return j;
};
const runs = (j: Job) => (j.steps ?? []).map((s) => s.run ?? '').join('\n');
const uses = (j: Job, action: string) => (j.steps ?? []).filter((s) => s.uses?.startsWith(`${action}@`));
const needs = (j: Job) => (j.needs === undefined ? [] : typeof j.needs === 'string' ? [j.needs] : j.needs);

/** Markdown section `## title` (up to the next `## `). */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Shell words of one command (quotes removed), up to the end of the line or an unquoted |, ;, &, >, # or ` (markdown inline code). */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word ??= '';
    } else if (/\s/.test(ch)) {
      if (word !== null) out.push(word);
      word = null;
    } else if ('|;&>#`'.includes(ch)) {
      break;
    } else {
      word = (word ?? '') + ch;
    }
  }
  if (word !== null) out.push(word);
  return out;
}

/** Sample values for the workflow's and SLURM's placeholders, so the real parser sees concrete values. */
function concrete(arg: string): string {
  return arg
    .replace(/\$\{\{\s*matrix\.shard\s*\}\}/g, '1')
    .replace(/\$\{?SLURM_ARRAY_TASK_ID\}?/g, '1')
    .replace(/\$\{?SEED\}?/g, '5');
}

/**
 * Every `npx benign-check …` command in a text, as its arguments (placeholders replaced by sample
 * values, see {@link concrete}). A command inside a double-quoted
 * string (`--wrap "npx benign-check merge …"`, an echoed replay line) ends at the closing quote.
 */
function benignCommands(source: string): string[][] {
  const found: string[][] = [];
  for (const line of source.replace(/\\\n\s*/g, ' ').split('\n')) {
    const re = /npx benign-check /g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const before = line.slice(0, m.index);
      let rest = line.slice(m.index + m[0].length);
      if ((before.match(/"/g) ?? []).length % 2 === 1) rest = rest.slice(0, rest.indexOf('"') < 0 ? undefined : rest.indexOf('"'));
      found.push(words(concrete(rest)));
    }
  }
  return found;
}

/** Checks one command line against the CLI: the sub-command exists, its flags are in its synopsis and its real parser takes them. */
async function checkCommand(args: readonly string[], where: string): Promise<void> {
  const [name, ...rest] = args;
  const command = commands[name!];
  expect(command, `${where}: unknown sub-command in: npx benign-check ${args.join(' ')}`).toBeDefined();
  for (const flag of rest.filter((a) => a.startsWith('--'))) {
    const bare = flag.split('=')[0]!;
    expect(command!.synopsis, `${where}: ${bare} is not in the synopsis of ${name}`).toMatch(new RegExp(`(^|[\\s\\[])${bare}(?=[\\s\\]=]|$)`));
  }
  const value = (flag: string) => rest[rest.indexOf(flag) + 1];
  if (rest.includes('--shard')) expect(() => parseShard(value('--shard')!), `${where}: --shard ${value('--shard')}`).not.toThrow();
  if (rest.includes('--tier')) expect(['quick', 'deep'], where).toContain(value('--tier'));
  if (rest.includes('--seed')) expect(Number.isSafeInteger(Number(value('--seed'))), `${where}: --seed ${value('--seed')}`).toBe(true);
  if (name === 'verify') {
    // --list returns right after the real argument parser: unknown flags and missing values fail first.
    const r = await cli('verify', ...rest, '--list');
    expect(r.code, `${where}: npx benign-check ${args.join(' ')}\n${r.err}`).toBe(0);
  } else if (name === 'merge') {
    // The parts do not exist here: the parser must get as far as reading them.
    const r = await cli('merge', ...rest.map((a) => (a.endsWith('.json') && !a.startsWith('--') ? `/nonexistent/${a}` : a)));
    expect(r.code, where).toBe(2);
    expect(r.err, `${where}: npx benign-check ${args.join(' ')}`).toContain('PART: cannot read');
  }
}

describe('ci/github/benign-check.yml', () => {
  it('triggers on pull requests, a nightly schedule and by hand', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const schedule = workflow.on['schedule'] as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    expect(schedule[0]!.cron).toMatch(/^\S+ \S+ \* \* \*$/);
  });

  it('quick tier on pull requests: Node 20, npm ci, a seed from the commit that is printed, reports uploaded', () => {
    const quick = job('quick');
    expect(quick.if).toContain("github.event_name == 'pull_request'");
    expect(uses(quick, 'actions/setup-node')[0]?.with?.['node-version']).toBe(20);
    expect(runs(quick)).toMatch(/^npm ci$/m);
    expect(runs(quick)).toMatch(/SEED=\$\(\( 16#\$\{\w+:0:7\} \)\)/);
    expect(runs(quick)).toMatch(/echo .*\$SEED/);
    expect(runs(quick)).toContain('npx benign-check verify --seed $SEED --junit reports/junit.xml --json reports/verify.json');
    const upload = uses(quick, 'actions/upload-artifact');
    expect(upload.map((s) => s.with?.['path'])).toContain('reports/');
  });

  it('deep tier: a 4-shard matrix sharing one seed, each part uploaded; merge needs every shard', () => {
    const deep = job('deep');
    expect(deep.if ?? job('seed').if).toContain("!= 'pull_request'");
    expect(deep.strategy?.matrix?.['shard']).toEqual([1, 2, 3, 4]);
    expect(deep.strategy?.['fail-fast']).toBe(false);
    expect(runs(deep)).toContain('npx benign-check verify --tier deep --shard ${{ matrix.shard }}/4 --seed $SEED --no-timings --json part-${{ matrix.shard }}.json');
    // Every shard must run with the same seed: computed once by the seed job.
    expect(needs(deep)).toContain('seed');
    expect(deep.env?.['SEED']).toBe('${{ needs.seed.outputs.seed }}');
    expect(uses(deep, 'actions/upload-artifact')[0]?.with).toMatchObject({ name: 'part-${{ matrix.shard }}', path: 'part-${{ matrix.shard }}.json' });

    const merge = job('merge');
    expect(needs(merge)).toContain('deep');
    expect(merge.if).toContain('!cancelled()');
    expect(uses(merge, 'actions/download-artifact')[0]?.with).toMatchObject({ pattern: 'part-*', 'merge-multiple': true });
    expect(runs(merge)).toContain('npx benign-check merge part-*.json --junit reports/junit.xml');
    expect(uses(merge, 'actions/upload-artifact')).toHaveLength(1);
  });

  it('runs the repository\'s own trainer, with the line to edit marked', () => {
    const own = job('own-trainer');
    expect(uses(own, 'actions/setup-python')).toHaveLength(1);
    expect(runs(own)).toContain('pip install numpy');
    expect(runs(own)).toContain('npx benign-check verify --trainer "python3 path/to/your_trainer.py" --seed $SEED');
    const lines = workflowText.split('\n');
    const at = lines.findIndex((l) => l.includes('--trainer "python3 path/to/your_trainer.py"'));
    expect(lines.slice(Math.max(0, at - 4), at).join('\n')).toMatch(/EDIT THIS LINE/);
  });

  it('every job installs with npm ci on Node 20 before running benign-check', () => {
    for (const [name, j] of Object.entries(workflow.jobs)) {
      if (!/^\s*npx benign-check /m.test(runs(j))) continue;
      expect(uses(j, 'actions/setup-node')[0]?.with?.['node-version'], name).toBe(20);
      expect(runs(j), name).toMatch(/^npm ci$/m);
    }
  });

  it('every `npx benign-check …` command in it parses against the CLI', async () => {
    const found = benignCommands(runs({ steps: Object.values(workflow.jobs).flatMap((j) => j.steps ?? []) }));
    expect(found.length).toBeGreaterThanOrEqual(4);
    expect(new Set(found.map((c) => c[0]))).toEqual(new Set(['verify', 'merge', 'sweep']));
    for (const c of found) await checkCommand(c, 'benign-check.yml');
  });
});

describe('ci/README.md and the README', () => {
  const ciReadme = text('ci/README.md');
  const readme = text('README.md');

  it('ci/README.md: adoption steps and a SLURM job array whose commands parse against the CLI', async () => {
    expect(ciReadme).toContain('.github/workflows/');
    expect(ciReadme).toContain('npm install --save-dev benign-check');
    expect(ciReadme).toContain('--trainer');
    expect(ciReadme).toContain('#SBATCH --array=1-4');
    expect(ciReadme).toContain('verify --tier deep --shard $SLURM_ARRAY_TASK_ID/4');
    expect(ciReadme).toMatch(/npx benign-check merge part-\*\.json/);
    const found = benignCommands(ciReadme);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const c of found) await checkCommand(c, 'ci/README.md');
  });

  it('README: the Commands section documents --shard, --no-timings and merge; a CI section points to ci/README.md', async () => {
    const cmds = section(readme, 'Commands');
    expect(cmds).toContain('--shard i/N');
    expect(cmds).toContain('--no-timings');
    expect(cmds).toContain(`npx benign-check ${commands['merge']!.synopsis}`);
    expect(cmds).toMatch(/^- `merge`/m);
    // The synopsis lines of verify and merge name only flags the commands take.
    for (const line of cmds.split('\n').filter((l) => /^npx benign-check (verify|merge) /.test(l))) {
      const [name, ...rest] = line.replace(/^npx benign-check /, '').split(/\s+/);
      for (const flag of rest.map((w) => /--[a-z-]+/.exec(w)?.[0]).filter((f) => f !== undefined)) {
        expect(commands[name!]!.synopsis, `README: ${flag} of ${name}`).toContain(flag);
      }
    }
    const ci = section(readme, 'CI');
    expect(ci).toContain('ci/README.md');
    expect(ci).toContain('ci/github/benign-check.yml');
    expect(ci).toContain('shard: [1, 2, 3, 4]');
    expect(ci).toContain('#SBATCH --array=1-4');
    for (const c of benignCommands(ci)) await checkCommand(c, 'README CI section');
  });
});
