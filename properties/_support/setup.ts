import fc from 'fast-check';
import { expect, inject } from 'vitest';
import { replayCommand } from './seed.js';

/**
 * Every fast-check property in this run uses the global seed, and a failure ends with the command
 * that replays it (the global seed, the file, the test name, and fast-check's shrink path; with
 * BENIGN_FC_PATH set, fast-check jumps straight to the shrunk counterexample).
 */
const replayPath = process.env['BENIGN_FC_PATH'];
fc.configureGlobal({
  seed: inject('benignSeed'),
  ...(replayPath ? { path: replayPath } : {}),
  reporter: (details) => {
    if (!details.failed) return;
    const state = expect.getState();
    const cmd = replayCommand(state.testPath, state.currentTestName, details.counterexamplePath);
    throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\n\nReplay: ${cmd}`);
  },
});
