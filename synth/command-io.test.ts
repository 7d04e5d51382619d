import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const commandIO = fileURLToPath(new URL('./command-io.ts', import.meta.url));
// Writes far more than a pipe buffers, so the writer meets the closed pipe.
const chatty = `const { processIO } = await import(${JSON.stringify(commandIO)});
const io = processIO();
for (let i = 0; i < 200000; i++) io.out('line ' + i + ' ' + 'x'.repeat(50));`;

describe('processIO', () => {
  it('GIVEN a reader that closes the pipe early (| head) WHEN the command keeps writing THEN it ends quietly with exit 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', chatty], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(0);
  });
});
