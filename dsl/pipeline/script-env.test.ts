import { describe, expect, it } from 'vitest';
import { component } from './component.ts';
import { artifact, param } from './ports.ts';
import { isPython, portEnvName, pythonEnvReads } from './script-env.ts';

const score = (source: string, command?: readonly string[]) =>
  component('score', {
    image: 'python:3.12-slim',
    inputs: { dataset: artifact('Dataset'), learningRate: param.float(), 'top-k': param.int() },
    outputs: { auc: param.float() },
    script: { source, ...(command ? { command } : {}) },
  });

describe('script components and their environment variables', () => {
  it.each([
    ['INPUT', 'learningRate', 'INPUT_LEARNING_RATE'],
    ['INPUT', 'top-k', 'INPUT_TOP_K'],
    ['INPUT', 'modelV2Uri', 'INPUT_MODEL_V2_URI'],
    ['OUTPUT', 'auc', 'OUTPUT_AUC'],
  ] as const)('GIVEN the %s port %s THEN the script reads it as %s', (direction, port, name) => {
    expect(portEnvName(direction, port)).toBe(name);
  });

  it('GIVEN the ways Python reads the environment THEN each literal INPUT_/OUTPUT_ name is found with its line; comments are skipped', () => {
    const source = [
      'import os',
      'from os import environ, getenv',
      'a = os.environ["INPUT_A"]',
      "b = os.environ.get('INPUT_B', '')",
      'c = os.getenv("OUTPUT_C")',
      'd = environ["INPUT_D"] + getenv("INPUT_E", "")',
      '# e = os.environ["INPUT_COMMENTED"]',
      'f = os.environ["HOME"]; g = myenviron["INPUT_NOT_OS"]',
    ].join('\n');
    expect(pythonEnvReads(source)).toEqual([
      { name: 'INPUT_A', line: 3 },
      { name: 'INPUT_B', line: 4 },
      { name: 'OUTPUT_C', line: 5 },
      { name: 'INPUT_D', line: 6 },
      { name: 'INPUT_E', line: 6 },
    ]);
  });

  it('GIVEN a script reading only its ports THEN it builds', () => {
    const ok = [
      'import os',
      'lr = float(os.environ["INPUT_LEARNING_RATE"]); k = int(os.environ["INPUT_TOP_K"])',
      'open(os.environ["OUTPUT_AUC"], "w").write(str(lr * k + len(os.environ["INPUT_DATASET"])))',
      'home = os.environ.get("HOME")',
    ].join('\n');
    expect(score(ok).ir.implementation.kind).toBe('script');
  });

  it('GIVEN a misspelt variable THEN the build fails at its line with the variable meant', () => {
    expect(() => score('import os\nlr = float(os.environ.get("INPUT_LEARNING_RAT", "0.1"))\n')).toThrow(
      'component "score" > script > source > line 2: reads INPUT_LEARNING_RAT, which no input port sets (got "INPUT_LEARNING_RAT"). Did you mean "INPUT_LEARNING_RATE"?',
    );
  });

  it('GIVEN a variable no port is close to THEN the port to declare and the existing ones are named', () => {
    expect(() => score('import os\nout = os.getenv("OUTPUT_REPORT_PATH")\n')).toThrow(
      'component "score" > script > source > line 2: reads OUTPUT_REPORT_PATH, which no output port sets (got "OUTPUT_REPORT_PATH"). Declare the output port "reportPath" (it reaches the script as OUTPUT_REPORT_PATH), or read one that exists: OUTPUT_AUC.',
    );
  });

  it('GIVEN a script for another interpreter THEN its variables are not checked', () => {
    expect(isPython(['python3'])).toBe(true);
    expect(isPython(['/usr/bin/python3.12', '-u'])).toBe(true);
    expect(isPython(['bash'])).toBe(false);
    expect(score('echo "$INPUT_ANYTHING"; os.environ["INPUT_X"]', ['bash']).ir.implementation.kind).toBe('script');
  });

  it('GIVEN an empty script source THEN the fix names a function that exists, with its real signature', () => {
    expect(() => score('  ')).toThrow(
      `component "score" > script > source: script source is empty (got "  "). Read the file beside the component, e.g. readFileSync(new URL('./train.py', import.meta.url), 'utf8') with readFileSync from node:fs.`,
    );
  });
});
