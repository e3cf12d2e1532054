import path from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Prints each test file and test as it STARTS, with the time. The default reporter prints a file
 * only when it ends, so a run cut short by CI's time limit shows what finished, never what hung;
 * with this beside it, the last lines name the test that was running.
 */
export default class StartedTestsReporter implements Reporter {
  onTestModuleStart(testModule: TestModule): void {
    process.stdout.write(`▶ ${clock()} ${path.relative(process.cwd(), testModule.moduleId)}\n`);
  }

  onTestCaseReady(testCase: TestCase): void {
    process.stdout.write(`  ▷ ${clock()} ${testCase.name}\n`);
  }
}

function clock(): string {
  return new Date().toISOString().slice(11, 19);
}
