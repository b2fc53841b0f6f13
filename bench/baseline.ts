import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './children';

/** A built checkout of another revision, for `--baseline`; `remove()` takes the worktree away again. */
export interface BaselineCheckout {
  readonly root: string;
  readonly commit: string;
  remove(): void;
}

/**
 * `git worktree add --detach` of `rev` in a temporary folder, with this checkout's node_modules when
 * the lockfiles are the same (`npm ci` there otherwise), then `npm run build` there.
 */
export async function checkOutBaseline(
  root: string,
  rev: string,
  log: (line: string) => void,
): Promise<BaselineCheckout> {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--verify', `${rev}^{commit}`);
  const folder = mkdtempSync(join(tmpdir(), 'verify-phone-baseline-'));
  const checkout = join(folder, 'app');
  git('worktree', 'add', '--detach', checkout, commit);
  const remove = () => {
    git('worktree', 'remove', '--force', checkout);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await installModules(root, checkout, log);
    log(`baseline ${commit.slice(0, 10)}: npm run build`);
    await buildApp(checkout);
  } catch (error) {
    remove();
    throw error;
  }
  return { root: checkout, commit, remove };
}

async function installModules(root: string, checkout: string, log: (line: string) => void): Promise<void> {
  const lock = (dir: string) => readFileSync(join(dir, 'package-lock.json'), 'utf8');
  if (existsSync(join(checkout, 'package-lock.json')) && lock(root) === lock(checkout)) {
    symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir');
    return;
  }
  log('baseline: its package-lock.json differs, npm ci there');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: checkout, stdio: ['ignore', 2, 2] });
}
