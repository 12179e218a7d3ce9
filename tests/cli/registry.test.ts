import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { commandHelp } from '../../src/cli/run.js';

describe('command registry', () => {
  it('every entry loads the command it names, with a usage line that starts with its name', async () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const entry of COMMANDS) {
      const spec = await entry.load();
      expect(spec.name).toBe(entry.name);
      expect(spec.usage.startsWith(`verso ${entry.name}`)).toBe(true);
      expect(entry.summary.length).toBeGreaterThan(10);
      // Every option is described in the help.
      const help = commandHelp(spec, entry.summary);
      for (const name of Object.keys(spec.options)) expect(help).toContain(`--${name}`);
    }
  });
});
