import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandNames, loadAllCommands, loadCommand } from '../../src/cli/command-list.js';

test('GIVEN the lazy command list THEN each name loads the command of that name, and an unknown name loads nothing', async () => {
  const loaded = await loadAllCommands();
  assert.deepEqual(
    loaded.map((command) => command.name),
    commandNames,
  );
  assert.equal((await loadCommand('quiz'))?.name, 'quiz');
  assert.equal(await loadCommand('toString'), undefined, 'names are looked up as own keys only');
  assert.equal(await loadCommand('nope'), undefined);
});
