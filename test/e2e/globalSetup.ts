import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemo } from '../../demo/server/buildDemo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The demo's production build, made once for all e2e files (read with `inject('demoDistDir')`). */
    demoDistDir: string;
  }
}

/** Builds the demo once into a temporary directory for every e2e file, and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const distDir = await mkdtemp(join(tmpdir(), 'react-cognito-sso-demo-'));
  await buildDemo(distDir);
  project.provide('demoDistDir', distDir);
  return () => rm(distDir, { recursive: true, force: true });
}
